/**
 * Provider for settings menus without rows (`/ip/dns`, `/system/identity`): read with a bare
 * `GET`, written with `POST …/set` (PATCH does not work there, terraform #33).
 *
 * There is nothing to create or delete, so `create` records the values it is about to overwrite
 * (`original`) and `delete` puts them back: removing the resource leaves the router as found.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { MenuInputs, RosRecord } from "./types";
import { SpecProvider } from "./menuProvider";
import { COMPUTED_OUTPUTS, createBody, declaredRos, diffFields, diffProps } from "./payload";
import { omit, project, rememberOriginal } from "./payload";
import { heldByAnother, leftToReplacement, newOwnerToken, recordAdoption } from "./ownership";
import { releaseClaim } from "./ownership";
import { listMenu, postCommand } from "./session";

export interface SingletonOutputs extends MenuInputs {
  /** Router values of the declared fields before Pulumi first set them (RouterOS names). */
  original: Record<string, string>;
  /** The menu path, also the Pulumi id. */
  routerosId: string;
  /** Token of this resource instance (see ownership.ts); absent in state from older versions. */
  owner?: string;
}

export class SettingsProvider
  extends SpecProvider
  implements dynamic.ResourceProvider<MenuInputs, SingletonOutputs>
{
  async diff(_id: string, olds: SingletonOutputs, news: MenuInputs): Promise<dynamic.DiffResult> {
    const { changes, replaces } = diffProps(this.spec, olds, news);
    const before = declaredRos(this.spec, olds).join(",");
    const after = declaredRos(this.spec, news).join(",");
    return { changes: changes || before !== after, replaces, deleteBeforeReplace: true };
  }

  private async current(inputs: MenuInputs, maxAgeMs?: number): Promise<RosRecord> {
    const [row] = await listMenu(inputs.router, this.spec.menu, maxAgeMs);
    if (!row) throw new Error(`RouterOS ${this.spec.menu}: empty reply`);
    return row;
  }

  async create(inputs: MenuInputs): Promise<dynamic.CreateResult<SingletonOutputs>> {
    const { menu } = this.spec;
    const owner = newOwnerToken();
    const original = rememberOriginal(this.spec, await this.current(inputs), inputs);
    // A settings menu is always adopted: a resource this one replaces must not reset it after.
    await recordAdoption(inputs.router, menu, menu, owner);
    await postCommand(inputs.router, menu, "set", createBody(this.spec, inputs), true);
    return { id: menu, outs: { ...inputs, original, routerosId: menu, owner } };
  }

  async read(id: string, props?: SingletonOutputs): Promise<dynamic.ReadResult<SingletonOutputs>> {
    if (!props) throw new Error("RouterOS settings cannot be imported; declare them instead");
    const row = await this.current(props);
    const inputs = omit(project(this.spec, row, props), COMPUTED_OUTPUTS) as MenuInputs;
    const original = props.original ?? {};
    const owner = props.owner ? { owner: props.owner } : {};
    return {
      id,
      props: { ...inputs, original, routerosId: id, ...owner },
      inputs: inputs as SingletonOutputs, // the SDK types ReadResult.inputs as Outputs
    };
  }

  async update(
    _id: string,
    olds: SingletonOutputs,
    news: MenuInputs,
  ): Promise<dynamic.UpdateResult<SingletonOutputs>> {
    const owner = olds.owner ? { owner: olds.owner } : {};
    const declaredBefore = declaredRos(this.spec, olds).join(",");
    if (
      !diffFields(this.spec, olds, news).changes &&
      declaredBefore === declaredRos(this.spec, news).join(",")
    ) {
      // Only the connection changed: nothing to send.
      return { outs: { ...news, original: olds.original, routerosId: this.spec.menu, ...owner } };
    }
    const original = rememberOriginal(this.spec, await this.current(news), news, olds.original);
    const body = createBody(this.spec, news);
    for (const ros of declaredRos(this.spec, olds)) {
      if (!(ros in body)) body[ros] = original[ros] ?? "";
    }
    await postCommand(news.router, this.spec.menu, "set", body, true);
    const kept = Object.fromEntries(
      declaredRos(this.spec, news).map((ros) => [ros, original[ros] ?? ""]),
    );
    return { outs: { ...news, original: kept, routerosId: this.spec.menu, ...owner } };
  }

  async delete(_id: string, props: SingletonOutputs): Promise<void> {
    const { menu } = this.spec;
    if (await heldByAnother(props.router, menu, menu, props.owner)) {
      leftToReplacement(menu, menu);
      return;
    }
    const original = props.original ?? {};
    if (Object.keys(original).length > 0) {
      await postCommand(props.router, menu, "set", original, true);
    }
    await releaseClaim(props.router, menu, menu, props.owner);
  }
}
