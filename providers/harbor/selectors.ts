/** Harbor's rule selectors, shared by tag retention and tag immutability rules. */

export interface Selection {
  /** Doublestar pattern on repository names (within the project). */
  repositories: string;
  repositoryDecoration: "repoMatches" | "repoExcludes";
  /** Doublestar pattern on tags. */
  tags: string;
  tagDecoration: "matches" | "excludes";
}

export interface HarborSelector {
  kind: string;
  decoration: string;
  pattern: string;
  extras?: string;
}

export interface HarborRuleSelectors {
  tag_selectors?: HarborSelector[] | null;
  scope_selectors?: { repository?: HarborSelector[] | null } | null;
}

export function selectorsOf(s: Selection, extras?: Record<string, unknown>): HarborRuleSelectors {
  return {
    tag_selectors: [
      {
        kind: "doublestar",
        decoration: s.tagDecoration,
        pattern: s.tags,
        ...(extras ? { extras: JSON.stringify(extras) } : {}),
      },
    ],
    scope_selectors: {
      repository: [
        { kind: "doublestar", decoration: s.repositoryDecoration, pattern: s.repositories },
      ],
    },
  };
}

/** The selection a Harbor rule expresses (first selector of each kind, as the UI makes them). */
export function selectionOf(
  rule: HarborRuleSelectors,
): Selection & { extras: Record<string, unknown> } {
  const tag = rule.tag_selectors?.[0];
  const repo = rule.scope_selectors?.repository?.[0];
  let extras: Record<string, unknown>;
  try {
    extras = tag?.extras ? (JSON.parse(tag.extras) as Record<string, unknown>) : {};
  } catch {
    extras = {};
  }
  return {
    repositories: repo?.pattern ?? "**",
    repositoryDecoration: repo?.decoration === "repoExcludes" ? "repoExcludes" : "repoMatches",
    tags: tag?.pattern ?? "**",
    tagDecoration: tag?.decoration === "excludes" ? "excludes" : "matches",
    extras,
  };
}

export function sameSelection(a: Selection, b: Selection): boolean {
  return (
    a.repositories === b.repositories &&
    a.repositoryDecoration === b.repositoryDecoration &&
    a.tags === b.tags &&
    a.tagDecoration === b.tagDecoration
  );
}
