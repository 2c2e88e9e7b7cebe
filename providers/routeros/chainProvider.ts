/**
 * `FirewallChain`: owns the order of one chain of `/ip/firewall/filter` or `/ip/firewall/nat`.
 *
 * Rules themselves are separate resources (so a changed rule is patched in place); this resource
 * takes the declared order (rule comments or `.id`s), moves rules into it with `POST …/move`
 * (never delete + re-add), reports rules nobody declared, and removes them only when
 * `removeUndeclared` is set. Declared rules come first, undeclared ones keep their relative order
 * after them.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { RosRecord, RouterConnection } from "./types";
import { checkInputs, cleanInputs } from "./check";
import { configureFrom } from "./credentials";
import { isRosError } from "./http";
import { planMoves } from "./order";
import { connectionChanged, omit } from "./payload";
import { listMenu, postCommand } from "./session";
import { isUnknown } from "./values";

export interface ChainInputs {
  router: RouterConnection;
  table: "filter" | "nat";
  chain: string;
  /** Rule comments or `.id`s, in evaluation order. */
  rules: string[];
  removeUndeclared?: boolean;
  [prop: string]: unknown;
}

export interface ChainOutputs extends ChainInputs {
  /** `.id`s of the declared rules, in order. */
  ruleIds: string[];
  /** Comments (or `.id`s) of rules in the chain that were not declared. */
  undeclared: string[];
  /** Declared rules are first and in the declared order. */
  inOrder: boolean;
  /** `<table>:<chain>`. */
  routerosId: string;
}

const ID = /^\*[0-9A-F]+$/;

function label(row: RosRecord): string {
  return row["comment"] ?? row[".id"] ?? "?";
}

/** The chain's configured rows, and the row for each declared entry (undefined if missing). */
export function resolveChain(rows: RosRecord[], chain: string, rules: string[]) {
  const chainRows = rows.filter((r) => r["chain"] === chain && r["dynamic"] !== "true");
  const declared = rules.map((entry) => {
    const hits = chainRows.filter((r) => (ID.test(entry) ? r[".id"] : r["comment"]) === entry);
    if (hits.length > 1) throw new Error(`chain ${chain}: ${hits.length} rules match "${entry}"`);
    return hits[0];
  });
  const ids = new Set(declared.map((r) => r?.[".id"]));
  return { chainRows, declared, undeclared: chainRows.filter((r) => !ids.has(r[".id"])) };
}

export class FirewallChainProvider implements dynamic.ResourceProvider<ChainInputs, ChainOutputs> {
  async configure(req: dynamic.ConfigureRequest): Promise<void> {
    configureFrom(req.config);
  }

  async check(_olds: ChainInputs, news: ChainInputs): Promise<dynamic.CheckResult<ChainInputs>> {
    const spec = { fields: {}, required: ["table", "chain"] };
    const failures = checkInputs(spec, news, ["table", "chain", "rules", "removeUndeclared"]);
    if (!isUnknown(news.table) && news.table !== "filter" && news.table !== "nat") {
      failures.push({ property: "table", reason: "table must be filter or nat" });
    }
    const rules = news.rules as unknown;
    if (!isUnknown(rules)) {
      const list = Array.isArray(rules) ? rules : [];
      if (!Array.isArray(rules) || list.some((r) => typeof r !== "string" || r === "")) {
        failures.push({ property: "rules", reason: "rules must be a list of comments or ids" });
      } else if (new Set(list).size !== list.length) {
        failures.push({ property: "rules", reason: "rules must not repeat an entry" });
      }
    }
    return { inputs: cleanInputs(news), failures };
  }

  /** Whether anything but the connection asks for work on the router. */
  private orderChanged(olds: ChainOutputs, news: ChainInputs): boolean {
    return (
      isUnknown(news.rules) ||
      JSON.stringify(olds.rules) !== JSON.stringify(news.rules) ||
      Boolean(olds.removeUndeclared) !== Boolean(news.removeUndeclared) ||
      olds.inOrder === false ||
      (news.removeUndeclared === true && (olds.undeclared?.length ?? 0) > 0)
    );
  }

  async diff(_id: string, olds: ChainOutputs, news: ChainInputs): Promise<dynamic.DiffResult> {
    const replaces = (["table", "chain"] as const).filter(
      (k) => isUnknown(news[k]) || olds[k] !== news[k],
    ) as string[];
    // A new URL for the same router is an update that sends nothing (see payload.ts).
    const changes =
      replaces.length > 0 || connectionChanged(olds, news) || this.orderChanged(olds, news);
    return { changes, replaces, deleteBeforeReplace: false };
  }

  private async apply(inputs: ChainInputs): Promise<ChainOutputs> {
    const menu = `ip/firewall/${inputs.table}`;
    const conn = inputs.router;
    let state = resolveChain(await listMenu(conn, menu, 0), inputs.chain, inputs.rules);
    const missing = inputs.rules.filter((_r, i) => !state.declared[i]);
    if (missing.length > 0) {
      throw new Error(
        `chain ${inputs.chain}: no rule for ${missing.map((m) => `"${m}"`).join(", ")}`,
      );
    }
    if (inputs.removeUndeclared && state.undeclared.length > 0) {
      const numbers = state.undeclared.map((r) => r[".id"]).join(",");
      try {
        await postCommand(conn, menu, "remove", { numbers }, false);
      } catch (e) {
        if (!isRosError(e) || !e.ambiguous) throw e;
      }
      state = resolveChain(await listMenu(conn, menu, 0), inputs.chain, inputs.rules);
    }
    const ruleIds = state.declared.map((r) => r?.[".id"] ?? "");
    const target = [...ruleIds, ...state.undeclared.map((r) => r[".id"] ?? "")];
    const moves = planMoves(
      state.chainRows.map((r) => r[".id"] ?? ""),
      target,
    );
    for (const move of moves) {
      const body = {
        numbers: move.numbers.join(","),
        ...(move.destination ? { destination: move.destination } : {}),
      };
      await postCommand(conn, menu, "move", body, true);
    }
    const undeclared = state.undeclared.map(label);
    if (undeclared.length > 0) {
      console.warn(
        `RouterOS ${menu} chain ${inputs.chain}: undeclared rules ${undeclared.join(", ")}`,
      );
    }
    return {
      ...inputs,
      ruleIds,
      undeclared,
      inOrder: true,
      routerosId: `${inputs.table}:${inputs.chain}`,
    };
  }

  async create(inputs: ChainInputs): Promise<dynamic.CreateResult<ChainOutputs>> {
    return { id: `${inputs.table}:${inputs.chain}`, outs: await this.apply(inputs) };
  }

  async update(_id: string, olds: ChainOutputs, news: ChainInputs) {
    const same = (["table", "chain"] as const).every((k) => olds[k] === news[k]);
    if (same && !this.orderChanged(olds, news)) {
      // Only the connection changed: nothing to do on the router.
      const { ruleIds, undeclared, inOrder, routerosId } = olds;
      return { outs: { ...news, ruleIds, undeclared, inOrder, routerosId } };
    }
    return { outs: await this.apply(news) };
  }

  async read(id: string, props?: ChainOutputs): Promise<dynamic.ReadResult<ChainOutputs>> {
    if (!props) throw new Error("FirewallChain cannot be imported; declare it instead");
    const rows = await listMenu(props.router, `ip/firewall/${props.table}`);
    const state = resolveChain(rows, props.chain, props.rules);
    const position = new Map(state.chainRows.map((r, i) => [r[".id"], i]));
    const present = props.rules
      .map((entry, i) => ({ entry, row: state.declared[i] }))
      .filter((d): d is { entry: string; row: RosRecord } => d.row !== undefined)
      .sort((a, b) => (position.get(a.row[".id"]) ?? 0) - (position.get(b.row[".id"]) ?? 0));
    const inOrder = present.every((d, i) => state.chainRows[i] === d.row);
    const inputs = omit(props, ["ruleIds", "undeclared", "inOrder", "routerosId"]);
    const rules = present.map((d) => d.entry);
    const outs: ChainOutputs = {
      ...inputs,
      rules,
      ruleIds: present.map((d) => d.row[".id"] ?? ""),
      undeclared: state.undeclared.map(label),
      inOrder,
      routerosId: id,
    };
    return { id, props: outs, inputs: { ...inputs, rules } as ChainOutputs };
  }

  async delete(): Promise<void> {
    // The rules belong to their own resources; giving up ownership of the order changes nothing.
  }
}
