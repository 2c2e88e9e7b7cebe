/** What every spec-driven RouterOS provider shares: its spec, credentials and input checks. */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { checkInputs, cleanInputs } from "./check";
import { configureFrom } from "./configure";
import type { MenuInputs, MenuSpec } from "./types";

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
