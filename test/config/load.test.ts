/**
 * A real run: `loadStack` reads the whole `baremetal:` namespace from the engine's configuration,
 * so a misspelled section is reported, and throws one error Pulumi prints without a stack trace.
 */
import * as pulumi from "@pulumi/pulumi";
import { ConfigValidationError } from "../../components/config/issues";
import { loadStack } from "../../components/config/load";
import { readStackFile } from "../../scripts/offline/stackFile";
import { stackFilePath } from "../support/stackConfig";

function engineConfig(change: (values: Record<string, string>) => void): void {
  const { values, secretKeys } = readStackFile(stackFilePath("staging"));
  change(values);
  pulumi.runtime.setAllConfig(values, secretKeys);
}

afterEach(() => pulumi.runtime.setAllConfig({}, []));

describe("loadStack", () => {
  it("loads the staging stack", () => {
    engineConfig(() => undefined);
    expect(loadStack().config.site.name).toBe("sp1-stg");
  });

  it("reports a misspelled section and every other problem in one clean error", () => {
    engineConfig((values) => {
      values["baremetal:kubernets"] = values["baremetal:kubernetes"] ?? "";
      delete values["baremetal:kubernetes"];
      values["baremetal:uplinks"] = (values["baremetal:uplinks"] ?? "").replace(
        '"probeTarget":"1.1.1.1"',
        '"probeTarget":"198.51.100.5"',
      );
    });
    let thrown: unknown;
    try {
      loadStack();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigValidationError);
    // A RunError: the engine prints its message alone, not the program's stack trace.
    expect(pulumi.RunError.isInstance(thrown)).toBe(true);
    const message = (thrown as Error).message;
    expect(message).toContain(
      "  - baremetal:kubernets: is not a configuration key of this program; did you mean baremetal:kubernetes?",
    );
    expect(message).toContain("  - baremetal:kubernetes: is required");
    expect(message).toContain(
      "  - baremetal:uplinks[0].probeTarget: 198.51.100.5 is the provider's gateway",
    );
  });

  it("ignores other namespaces", () => {
    engineConfig((values) => {
      values["proxmoxve:endpoint"] = "https://10.110.0.11:8006/";
    });
    expect(() => loadStack()).not.toThrow();
  });
});
