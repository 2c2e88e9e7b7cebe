/**
 * Tag immutability rule of a project: matching tags cannot be overwritten or deleted. The rule's
 * selection is its natural key (Harbor refuses a second identical rule), so changing it replaces
 * the rule; `disabled` is an update.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { HarborProvider, type InputChecker } from "./base";
import { deleteIfExists, harborRequest, idFromLocation, isHarborError, isStatus } from "./http";
import { requireProjectId } from "./project";
import {
  sameSelection,
  selectionOf,
  selectorsOf,
  type HarborRuleSelectors,
  type Selection,
} from "./selectors";
import type { ConnectedInputs, HarborConnection } from "./types";

export interface ImmutableRuleInputs extends ConnectedInputs, Selection {
  project: string;
  disabled: boolean;
}

export interface ImmutableRuleOutputs extends ImmutableRuleInputs {
  ruleId: number;
  projectId: number;
}

interface HarborImmutableRule extends HarborRuleSelectors {
  id: number;
  disabled?: boolean;
}

const what = (r: ImmutableRuleInputs) =>
  `immutability rule ${r.repositories}:${r.tags} of project "${r.project}"`;

function ruleBody(inputs: ImmutableRuleInputs) {
  return {
    disabled: inputs.disabled,
    action: "immutable",
    template: "immutable_template",
    ...selectorsOf(inputs),
  };
}

async function listRules(conn: HarborConnection, projectId: number) {
  const reply = await harborRequest(conn, "GET", `/projects/${projectId}/immutabletagrules`, {
    idempotent: true,
    what: `immutability rules of project ${projectId}`,
  });
  return Array.isArray(reply.data) ? (reply.data as HarborImmutableRule[]) : [];
}

export class ImmutableTagRuleProvider extends HarborProvider<
  ImmutableRuleInputs,
  ImmutableRuleOutputs
> {
  protected readonly replaceKeys = [
    "project",
    "repositories",
    "repositoryDecoration",
    "tags",
    "tagDecoration",
  ];

  protected checkInputs(c: InputChecker): void {
    c.string("project", {
      pattern: /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/,
      hint: "must be a project name",
    });
    c.string("repositories", { default: "**", pattern: /\S/, hint: "must not be empty" });
    c.string("repositoryDecoration", {
      default: "repoMatches",
      oneOf: ["repoMatches", "repoExcludes"],
    });
    c.string("tags", { pattern: /\S/, hint: "must not be empty" });
    c.string("tagDecoration", { default: "matches", oneOf: ["matches", "excludes"] });
    c.bool("disabled", false);
  }

  protected desired(r: ImmutableRuleInputs): Record<string, unknown> {
    return {
      project: r.project,
      repositories: r.repositories,
      repositoryDecoration: r.repositoryDecoration,
      tags: r.tags,
      tagDecoration: r.tagDecoration,
      disabled: r.disabled,
    };
  }

  async create(inputs: ImmutableRuleInputs): Promise<dynamic.CreateResult<ImmutableRuleOutputs>> {
    const conn = inputs.connection;
    const projectId = await requireProjectId(conn, inputs.project);
    const find = async () =>
      (await listRules(conn, projectId)).find((r) => sameSelection(selectionOf(r), inputs));
    const done = (ruleId: number) => ({
      id: String(ruleId),
      outs: { ...inputs, ruleId, projectId },
    });
    // Harbor would refuse a duplicate anyway; looking first adopts a rule made in the UI.
    const existing = await find();
    if (existing) {
      await this.put(conn, projectId, existing.id, inputs);
      return done(existing.id);
    }
    for (let attempt = 0; ; attempt++) {
      try {
        const reply = await harborRequest(
          conn,
          "POST",
          `/projects/${projectId}/immutabletagrules`,
          {
            body: ruleBody(inputs),
            idempotent: false,
            what: what(inputs),
          },
        );
        return done(Number(idFromLocation(reply.location, what(inputs))));
      } catch (e) {
        if (!isHarborError(e)) throw e;
        const conflict = e.status === 409;
        if (!conflict && !(e.ambiguous && attempt < 2)) throw e;
        const found = await find();
        if (found) {
          await this.put(conn, projectId, found.id, inputs);
          return done(found.id);
        }
        if (conflict) throw e;
      }
    }
  }

  private async put(
    conn: HarborConnection,
    projectId: number,
    id: number,
    inputs: ImmutableRuleInputs,
  ) {
    await harborRequest(conn, "PUT", `/projects/${projectId}/immutabletagrules/${id}`, {
      body: { ...ruleBody(inputs), id, project_id: projectId },
      idempotent: true,
      what: what(inputs),
    });
  }

  async read(
    id: string,
    props?: ImmutableRuleOutputs,
  ): Promise<dynamic.ReadResult<ImmutableRuleOutputs>> {
    if (!props) throw new Error("Harbor resources cannot be imported; declare them to adopt");
    let rules: HarborImmutableRule[];
    try {
      rules = await listRules(props.connection, props.projectId);
    } catch (e) {
      if (isStatus(e, 404)) return {}; // the project is gone, and its rules with it
      throw e;
    }
    const live = rules.find((r) => String(r.id) === id);
    if (!live) return {};
    const { repositories, repositoryDecoration, tags, tagDecoration } = selectionOf(live);
    const inputs: ImmutableRuleInputs = {
      connection: props.connection,
      project: props.project,
      repositories,
      repositoryDecoration,
      tags,
      tagDecoration,
      disabled: live.disabled === true,
    };
    return {
      id,
      props: { ...inputs, ruleId: live.id, projectId: props.projectId },
      inputs: inputs as ImmutableRuleOutputs, // the SDK types ReadResult.inputs as Outputs
    };
  }

  async update(
    id: string,
    olds: ImmutableRuleOutputs,
    news: ImmutableRuleInputs,
  ): Promise<dynamic.UpdateResult<ImmutableRuleOutputs>> {
    await this.put(news.connection, olds.projectId, Number(id), news);
    return { outs: { ...news, ruleId: Number(id), projectId: olds.projectId } };
  }

  async delete(id: string, props: ImmutableRuleOutputs): Promise<void> {
    await deleteIfExists(
      props.connection,
      `/projects/${props.projectId}/immutabletagrules/${id}`,
      what(props),
    );
  }
}
