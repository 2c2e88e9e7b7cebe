/** What every cross-field rule receives: the parsed sections and a way to report. */
import type { StackConfig } from "../schema";

/**
 * The sections that parsed. An array section with invalid entries is passed with its valid
 * entries only and listed in `partial`, so that a reference to a dropped entry is not reported
 * twice (once for the entry, once as "not declared").
 */
export type Sections = Partial<StackConfig> & {
  partial?: ReadonlySet<string>;
  /** For a partial section: position of each kept entry in the stack file's list. */
  originalIndex?: Readonly<Record<string, readonly number[]>>;
};
export interface Report {
  (segments: PropertyKey[], message: string): void;
  /** The config key path of `segments`, as written in the stack file. */
  pathOf(segments: PropertyKey[]): string;
}

/** Calls `report` for every item whose key an earlier item already has. */
export function duplicates<T>(
  items: T[],
  keyOf: (item: T) => string,
  report: (index: number, key: string) => void,
) {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else report(index, key);
  });
}
