/**
 * The spec-driven providers: `SpecProvider` (what every one of them shares) and `MenuProvider`,
 * the generic provider for RouterOS list menus (`/ip/address`, `/interface/vlan`, …).
 *
 * One instance per resource type (runtime.ts), holding only its plain-data `MenuSpec`; everything
 * else (credentials, agents, caches) lives in the process registry (registry.ts).
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { MenuInputs, MenuOutputs, MenuSpec, RosRecord } from "./types";
import { checkInputs, cleanInputs } from "./check";
import { configureFrom } from "./credentials";
import { isRosError } from "./http";
import { adoptBody, createBody, declaredRos, diffFields, diffProps, findByKey } from "./payload";
import { COMPUTED_OUTPUTS, omit, project, rememberOriginal, updateBody } from "./payload";
import { heldByAnother, leftToReplacement, newOwnerToken, recordAdoption } from "./ownership";
import { releaseClaim } from "./ownership";
import { deleteRow, listMenu, patchRow, putRow } from "./session";
import { resolvePlaceBefore } from "./place";

const DUPLICATE = /already have|already exists/i;

/** What every spec-driven RouterOS provider shares: its spec, credentials and input checks. */
export abstract class SpecProvider {
  readonly spec: MenuSpec;

  constructor(spec: MenuSpec) {
    this.spec = spec;
  }

  async configure(req: dynamic.ConfigureRequest): Promise<void> {
    configureFrom(req.config);
  }

  /** Offline: validates the declared values against the spec, never contacts the router. */
  async check(_olds: MenuInputs, news: MenuInputs): Promise<dynamic.CheckResult<MenuInputs>> {
    return { inputs: cleanInputs(news), failures: checkInputs(this.spec, news) };
  }
}

export class MenuProvider
  extends SpecProvider
  implements dynamic.ResourceProvider<MenuInputs, MenuOutputs>
{
  async diff(_id: string, olds: MenuOutputs, news: MenuInputs): Promise<dynamic.DiffResult> {
    const { changes, replaces } = diffProps(this.spec, olds, news);
    return { changes, replaces, deleteBeforeReplace: this.spec.deleteBeforeReplace };
  }

  async create(inputs: MenuInputs): Promise<dynamic.CreateResult<MenuOutputs>> {
    const owner = newOwnerToken();
    const { row, original, adopted } = await this.createOrAdopt(inputs);
    const id = row[".id"];
    if (!id) throw new Error(`RouterOS ${this.spec.menu}: reply without .id`);
    // The row may still be held by the resource this one replaces: its delete must leave it.
    if (adopted) await recordAdoption(inputs.router, this.spec.menu, id, owner);
    return { id, outs: { ...inputs, ...(original ? { original } : {}), routerosId: id, owner } };
  }

  /** True for a factory row the router refuses to remove (see `MenuSpec.builtinFlag`). */
  private isBuiltin(row: RosRecord | undefined): boolean {
    const flag = this.spec.builtinFlag;
    return flag !== undefined && row?.[flag] === "true";
  }

  /**
   * Creates the row, or adopts the existing one with the same natural key (how a running router
   * is onboarded, since `pulumi import` does not work for dynamic resources). A create whose
   * connection dropped may have been applied, so the key is looked up again before retrying.
   */
  private async createOrAdopt(
    inputs: MenuInputs,
  ): Promise<{ row: RosRecord; original?: Record<string, string>; adopted?: true }> {
    const { spec } = this;
    const conn = inputs.router;
    const adopt = async (row: RosRecord) => {
      // A built-in row outlives the resource: remember what to put back before changing it.
      const original = this.isBuiltin(row) ? rememberOriginal(spec, row, inputs) : undefined;
      const body = adoptBody(spec, row, inputs);
      const adopted = body ? await patchRow(conn, spec.menu, row[".id"] ?? "", body) : row;
      return { row: adopted, adopted: true as const, ...(original ? { original } : {}) };
    };
    if (spec.adopt === "lookup") {
      const existing = findByKey(spec, await listMenu(conn, spec.menu), inputs);
      if (existing) return adopt(existing);
    }
    const placeBefore = await resolvePlaceBefore(spec, inputs);
    const body = createBody(spec, inputs, placeBefore);
    for (let attempt = 0; ; attempt++) {
      try {
        return { row: await putRow(conn, spec.menu, body) };
      } catch (e) {
        if (!isRosError(e)) throw e;
        const duplicate = e.status === 400 && DUPLICATE.test(e.detail ?? "");
        if (!duplicate && !(e.ambiguous && attempt < 2)) throw e;
        const existing = findByKey(spec, await listMenu(conn, spec.menu, 0), inputs);
        if (existing) return adopt(existing);
        if (duplicate) throw e;
      }
    }
  }

  async read(id: string, props?: MenuOutputs): Promise<dynamic.ReadResult<MenuOutputs>> {
    if (!props) throw new Error("RouterOS resources cannot be imported; declare them to adopt");
    const rows = await listMenu(props.router, this.spec.menu);
    // Ids renumber after a restore (routeros-rest §9): fall back to the natural key.
    const row = rows.find((r) => r[".id"] === id) ?? findByKey(this.spec, rows, props);
    if (!row) return {};
    const newId = row[".id"] ?? id;
    const inputs = omit(project(this.spec, row, props), COMPUTED_OUTPUTS) as MenuInputs;
    const kept = {
      ...(props.original ? { original: props.original } : {}),
      ...(props.owner ? { owner: props.owner } : {}),
    };
    return {
      id: newId,
      props: { ...inputs, ...kept, routerosId: newId },
      inputs: inputs as MenuOutputs, // the SDK types ReadResult.inputs as Outputs
    };
  }

  async update(
    id: string,
    olds: MenuOutputs,
    news: MenuInputs,
  ): Promise<dynamic.UpdateResult<MenuOutputs>> {
    const owner = olds.owner ? { owner: olds.owner } : {};
    if (!diffFields(this.spec, olds, news).changes) {
      // Only the connection changed (a new URL for the same router): nothing to send.
      return {
        outs: {
          ...news,
          ...(olds.original ? { original: olds.original } : {}),
          routerosId: id,
          ...owner,
        },
      };
    }
    let body = updateBody(this.spec, olds, news);
    let original = olds.original;
    if (original) {
      // Fields newly declared on a built-in row join `original`; fields no longer declared go
      // back to the value they had before Pulumi set them.
      const rows = await listMenu(news.router, this.spec.menu, 0);
      const row = rows.find((r) => r[".id"] === id) ?? {};
      original = rememberOriginal(this.spec, row, news, original);
      const declared = new Set(declaredRos(this.spec, news));
      for (const ros of declaredRos(this.spec, olds)) {
        if (declared.has(ros)) continue;
        body = omit(body, [`!${ros}`]);
        body[ros] = original[ros] ?? "";
      }
      original = Object.fromEntries([...declared].map((ros) => [ros, (original ?? {})[ros] ?? ""]));
    }
    try {
      await patchRow(news.router, this.spec.menu, id, body);
    } catch (e) {
      if (isRosError(e) && e.status === 404) {
        throw new Error(
          `RouterOS ${this.spec.menu} ${id} no longer exists (deleted outside Pulumi): run ` +
            "`pulumi refresh` so it is recreated",
          { cause: e },
        );
      }
      throw e;
    }
    return { outs: { ...news, ...(original ? { original } : {}), routerosId: id, ...owner } };
  }

  async delete(id: string, props: MenuOutputs): Promise<void> {
    const { menu } = this.spec;
    if (await heldByAnother(props.router, menu, id, props.owner)) {
      leftToReplacement(menu, id);
      return;
    }
    const original = props.original;
    if (!original) {
      await deleteRow(props.router, menu, id);
    } else if (Object.keys(original).length > 0) {
      // A built-in row cannot be removed: hand it back as it was found.
      try {
        await patchRow(props.router, menu, id, original);
      } catch (e) {
        if (!isRosError(e) || e.status !== 404) throw e;
      }
    }
    await releaseClaim(props.router, menu, id, props.owner);
  }
}
