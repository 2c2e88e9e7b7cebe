/**
 * Pull-based replication policy (source: a registry endpoint such as ECR; destination: this
 * Harbor). Filters are kept as one object (repositories, tags) instead of Harbor's list, so the
 * order Harbor returns them in never shows as a diff (terraform-provider-harbor #63, #70, #422).
 * A new value of `executionTrigger` starts one execution (`POST /replication/executions`).
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { HarborProvider, type InputChecker } from "./base";
import { getOrUndefined, harborRequest, idFromLocation, isHarborError, isStatus } from "./http";
import { deleteIfExists, listAll } from "./http";
import type { ConnectedInputs, HarborConnection } from "./types";
import { UNKNOWN, cronProblem, normalizeCron } from "./values";

export interface ReplicationInputs extends ConnectedInputs {
  name: string;
  description: string;
  /** Registry endpoint to pull from (RegistryEndpoint's `registryId`). */
  sourceRegistryId: number;
  /** Project the images land in. */
  destinationNamespace: string;
  /** Leading path levels of the source repository replaced by the namespace (-1: all). */
  destinationNamespaceReplaceCount: number;
  /** Doublestar pattern on repository names (`apps/**`). */
  repositories: string;
  /** Doublestar pattern on tags. */
  tags: string;
  tagDecoration: "matches" | "excludes";
  /** `manual`, or a 6-field cron with seconds (`0 0 * * * *`). */
  schedule: string;
  override: boolean;
  enabled: boolean;
  /** KB/s per task, -1 unlimited. */
  speed: number;
  /** Any new value starts one execution of the policy. */
  executionTrigger?: string;
}

export interface ReplicationOutputs extends ReplicationInputs {
  policyId: number;
  /** Id of the last execution this resource started. */
  lastExecutionId?: number;
}

interface HarborFilter {
  type: string;
  value: unknown;
  decoration?: string;
}

interface HarborPolicy {
  id: number;
  name: string;
  description?: string;
  src_registry?: { id: number } | null;
  dest_namespace?: string;
  dest_namespace_replace_count?: number;
  trigger?: { type: string; trigger_settings?: { cron?: string } } | null;
  filters?: HarborFilter[] | null;
  override?: boolean;
  enabled?: boolean;
  speed?: number;
}

const what = (p: { name: string }) => `replication policy "${p.name}"`;

function policyBody(inputs: ReplicationInputs) {
  const scheduled = inputs.schedule !== "manual";
  return {
    name: inputs.name,
    description: inputs.description,
    src_registry: { id: inputs.sourceRegistryId },
    dest_namespace: inputs.destinationNamespace,
    dest_namespace_replace_count: inputs.destinationNamespaceReplaceCount,
    trigger: {
      type: scheduled ? "scheduled" : "manual",
      trigger_settings: { cron: scheduled ? inputs.schedule : "" },
    },
    filters: [
      { type: "name", value: inputs.repositories },
      { type: "tag", value: inputs.tags, decoration: inputs.tagDecoration },
    ],
    override: inputs.override,
    enabled: inputs.enabled,
    speed: inputs.speed,
    replicate_deletion: false,
  };
}

/** Harbor's trigger as this resource's `schedule`. */
export function scheduleOf(trigger: HarborPolicy["trigger"]): string {
  if (!trigger || trigger.type === "manual") return "manual";
  if (trigger.type === "scheduled") return normalizeCron(trigger.trigger_settings?.cron ?? "");
  return trigger.type;
}

async function findPolicy(conn: HarborConnection, name: string) {
  const all = await listAll<HarborPolicy>(conn, "/replication/policies", { name }, what({ name }));
  return all.find((p) => p.name === name);
}

export class ReplicationPolicyProvider extends HarborProvider<
  ReplicationInputs,
  ReplicationOutputs
> {
  protected checkInputs(c: InputChecker): void {
    c.string("name", { pattern: /^\S(.{0,253}\S)?$/, hint: "must be a non-empty name" });
    c.string("description", { default: "" });
    c.int("sourceRegistryId", { min: 1 });
    c.string("destinationNamespace", {
      pattern: /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/,
      hint: "must be a Harbor project name",
    });
    c.int("destinationNamespaceReplaceCount", { default: 1, min: -1, max: 3 });
    c.string("repositories", { default: "**" });
    c.string("tags", { default: "**" });
    c.string("tagDecoration", { default: "matches", oneOf: ["matches", "excludes"] });
    c.string("schedule", { default: "manual" });
    const schedule = c.bag["schedule"];
    if (typeof schedule === "string" && schedule !== "manual" && schedule !== UNKNOWN) {
      const problem = cronProblem(schedule);
      if (problem) c.fail("schedule", `must be "manual" or ${problem.replace(/^must be /, "")}`);
      else c.bag["schedule"] = normalizeCron(schedule);
    }
    c.bool("override", true);
    c.bool("enabled", true);
    c.int("speed", { default: -1, min: -1 });
    c.trigger("executionTrigger");
  }

  protected desired(p: ReplicationInputs): Record<string, unknown> {
    return {
      name: p.name,
      description: p.description,
      sourceRegistryId: p.sourceRegistryId,
      destinationNamespace: p.destinationNamespace,
      destinationNamespaceReplaceCount: p.destinationNamespaceReplaceCount,
      repositories: p.repositories,
      tags: p.tags,
      tagDecoration: p.tagDecoration,
      schedule: p.schedule,
      override: p.override,
      enabled: p.enabled,
      speed: p.speed,
      executionTrigger: p.executionTrigger,
    };
  }

  async create(inputs: ReplicationInputs): Promise<dynamic.CreateResult<ReplicationOutputs>> {
    const conn = inputs.connection;
    const policyId = await this.createOrAdopt(inputs);
    const lastExecutionId =
      inputs.executionTrigger !== undefined ? await this.execute(conn, policyId) : undefined;
    const outs: ReplicationOutputs = { ...inputs, policyId };
    if (lastExecutionId !== undefined) outs.lastExecutionId = lastExecutionId;
    return { id: String(policyId), outs };
  }

  private async createOrAdopt(inputs: ReplicationInputs): Promise<number> {
    const conn = inputs.connection;
    for (let attempt = 0; ; attempt++) {
      try {
        const reply = await harborRequest(conn, "POST", "/replication/policies", {
          body: policyBody(inputs),
          idempotent: false,
          what: what(inputs),
        });
        return Number(idFromLocation(reply.location, what(inputs)));
      } catch (e) {
        if (!isHarborError(e)) throw e;
        const conflict = e.status === 409;
        if (!conflict && !(e.ambiguous && attempt < 2)) throw e;
        const found = await findPolicy(conn, inputs.name);
        if (found) {
          await this.put(conn, found.id, inputs);
          return found.id;
        }
        if (conflict) throw e;
      }
    }
  }

  private async put(conn: HarborConnection, id: number, inputs: ReplicationInputs) {
    await harborRequest(conn, "PUT", `/replication/policies/${id}`, {
      body: { ...policyBody(inputs), id },
      idempotent: true,
      what: what(inputs),
    });
  }

  /** Starts one execution; after a lost reply, finds the one it started instead of a second. */
  private async execute(conn: HarborConnection, policyId: number): Promise<number> {
    const latest = async () => {
      const runs = await listAll<{ id: number }>(conn, "/replication/executions", {
        policy_id: String(policyId),
      });
      return runs.reduce((max, r) => Math.max(max, r.id), 0);
    };
    const before = await latest();
    try {
      const reply = await harborRequest(conn, "POST", "/replication/executions", {
        body: { policy_id: policyId },
        idempotent: false,
        what: `execution of replication policy ${policyId}`,
      });
      return Number(idFromLocation(reply.location, "replication execution"));
    } catch (e) {
      if (!isHarborError(e) || !e.ambiguous) throw e;
      const after = await latest();
      if (after > before) return after;
      throw e;
    }
  }

  async read(
    id: string,
    props?: ReplicationOutputs,
  ): Promise<dynamic.ReadResult<ReplicationOutputs>> {
    if (!props) throw new Error("Harbor resources cannot be imported; declare them to adopt");
    const live = await getOrUndefined<HarborPolicy>(
      props.connection,
      `/replication/policies/${id}`,
      what(props),
    );
    if (!live) return {};
    const filters = live.filters ?? [];
    const name = filters.find((f) => f.type === "name");
    const tag = filters.find((f) => f.type === "tag");
    const inputs: ReplicationInputs = {
      connection: props.connection,
      name: live.name,
      description: live.description ?? "",
      sourceRegistryId: live.src_registry?.id ?? 0,
      destinationNamespace: live.dest_namespace ?? "",
      destinationNamespaceReplaceCount: live.dest_namespace_replace_count ?? -1,
      repositories: typeof name?.value === "string" ? name.value : "**",
      tags: typeof tag?.value === "string" ? tag.value : "**",
      tagDecoration: tag?.decoration === "excludes" ? "excludes" : "matches",
      schedule: scheduleOf(live.trigger),
      override: live.override === true,
      enabled: live.enabled === true,
      speed: live.speed ?? -1,
      ...(props.executionTrigger !== undefined ? { executionTrigger: props.executionTrigger } : {}),
    };
    const kept =
      props.lastExecutionId !== undefined ? { lastExecutionId: props.lastExecutionId } : {};
    return {
      id,
      props: { ...inputs, ...kept, policyId: live.id },
      inputs: inputs as ReplicationOutputs, // the SDK types ReadResult.inputs as Outputs
    };
  }

  async update(
    id: string,
    olds: ReplicationOutputs,
    news: ReplicationInputs,
  ): Promise<dynamic.UpdateResult<ReplicationOutputs>> {
    const policyId = Number(id);
    try {
      await this.put(news.connection, policyId, news);
    } catch (e) {
      if (isStatus(e, 404)) {
        throw new Error(
          `Harbor ${what(news)} (id ${id}) no longer exists (deleted outside Pulumi): run ` +
            "`pulumi refresh` so it is recreated",
          { cause: e },
        );
      }
      throw e;
    }
    let lastExecutionId = olds.lastExecutionId;
    if (news.executionTrigger !== undefined && news.executionTrigger !== olds.executionTrigger) {
      lastExecutionId = await this.execute(news.connection, policyId);
    }
    const outs: ReplicationOutputs = { ...news, policyId };
    if (lastExecutionId !== undefined) outs.lastExecutionId = lastExecutionId;
    return { outs };
  }

  async delete(id: string, props: ReplicationOutputs): Promise<void> {
    await deleteIfExists(props.connection, `/replication/policies/${id}`, what(props));
  }
}
