/**
 * How the RouterOS provider is put together: one file per type, everything per type generated
 * from the catalog, no build work when resources are constructed, scripts independent of tests,
 * and one definition of the credential key names.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CONFIG_NAMESPACE } from "../../components/config/issues";
import { SECRET_KEYS } from "../../components/config/schema";
import * as ros from "../../providers/routeros";
import { RESOURCE_TYPES } from "../../providers/routeros/catalog";
import { thinProviders } from "../../providers/routeros/thinProvider";
import {
  ROUTEROS_CONFIG_NAMESPACE,
  ROUTEROS_PASSWORD_KEY,
} from "../../providers/routeros/credentials";
import { ROUTEROS_USERNAME_KEY, configureFrom } from "../../providers/routeros/credentials";
import { registry } from "../../providers/routeros/registry";
import { routerosRuntime } from "../../providers/routeros/runtime-freshness";

const { REBUILD_COMMAND, runtimeBundle, runtimeStaleness } = routerosRuntime;
import { providers } from "../../providers/routeros/runtime";

const root = path.resolve(__dirname, "../..");
const resourcesDir = path.join(root, "providers/routeros/resources");

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(full);
    return e.name.endsWith(".ts") ? [full] : [];
  });
}

describe("one list of resource types", () => {
  const names = RESOURCE_TYPES.map((t) => t.name);

  test("every type file is in the catalog once, and each type has its class", () => {
    const files = fs
      .readdirSync(resourcesDir)
      .filter((f) => f !== "firewallMatchers.ts")
      .map((f) => f.replace(/\.ts$/, ""));
    const lowerFirst = (n: string) => n.charAt(0).toLowerCase() + n.slice(1);
    expect(names.map(lowerFirst).sort()).toEqual(files.sort());
    expect(new Set(names).size).toBe(names.length);
    const exported = ros as unknown as Record<string, unknown>;
    for (const name of names) expect(typeof exported[name]).toBe("function");
  });

  test("the runtime implementations and the thin providers come from it, in its order", () => {
    expect(Object.keys(providers)).toEqual(names);
    expect(Object.keys(thinProviders)).toEqual(names);
    for (const t of RESOURCE_TYPES) {
      if (t.kind === "chain") continue;
      expect((providers as Record<string, { spec?: unknown }>)[t.name]?.spec).toBe(t.spec);
    }
  });
});

describe("no build work at run time", () => {
  test("no provider module can spawn a process", () => {
    for (const file of tsFiles(path.join(root, "providers/routeros"))) {
      expect([
        file,
        /child_process|spawnSync|execSync|esbuild/.test(fs.readFileSync(file, "utf8")),
      ]).toEqual([file, false]);
    }
  });

  test("a missing or stale bundle is refused with the command that rebuilds it", () => {
    expect(runtimeStaleness("abc", "abc")).toBeUndefined();
    expect(runtimeStaleness("abc", "def")).toMatch(/is stale .*run `npm run build:routeros`/);
    expect(runtimeStaleness(undefined, "def")).toMatch(/is missing: run `npm run build:routeros`/);
    const scripts = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(scripts.scripts[REBUILD_COMMAND.replace("npm run ", "")]).toBe(
      "node scripts/build-routeros-runtime.mjs",
    );
    expect(scripts.scripts["prepare"]).toContain("node scripts/build-routeros-runtime.mjs");
  });

  test("constructing a resource with a missing bundle throws instead of building", () => {
    jest.isolateModules(() => {
      const actual = jest.requireActual<typeof fs>("node:fs");
      jest.doMock("node:fs", () => ({
        ...actual,
        openSync: (file: fs.PathLike, flags: fs.OpenMode) => {
          if (file === runtimeBundle) throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
          return actual.openSync(file, flags);
        },
      }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded with the mock
      const fresh = require("../../providers/routeros") as typeof ros;
      expect(
        () => new fresh.SystemIdentity("stale", { router: { url: "https://10.0.0.1" }, name: "r" }),
      ).toThrow(/routeros\/runtime\/dist\/index\.js is missing: run `npm run build:routeros`/);
    });
  });
});

test("scripts do not import tests (harnesses and stack fixtures live under scripts/support)", () => {
  const offenders = tsFiles(path.join(root, "scripts"))
    .map((f) => path.relative(root, f))
    .filter((f) => /from "(\.\.\/)+test\//.test(fs.readFileSync(path.join(root, f), "utf8")));
  expect(offenders).toEqual([]);
});

describe("credential key names have one definition", () => {
  test("the stack schema requires the password under the key the providers read", () => {
    expect(SECRET_KEYS).toContain(ROUTEROS_PASSWORD_KEY);
    expect(ROUTEROS_CONFIG_NAMESPACE).toBe(CONFIG_NAMESPACE);
  });

  test("configure reads the username and password from the stack config under those keys", () => {
    const saved = registry().credentials;
    const values: Record<string, string> = {
      [`${CONFIG_NAMESPACE}:${ROUTEROS_USERNAME_KEY}`]: "ops",
      [`${CONFIG_NAMESPACE}:${ROUTEROS_PASSWORD_KEY}`]: "from-config",
    };
    try {
      configureFrom({ get: (k: string) => values[k], require: (k: string) => values[k] ?? "" });
      expect(registry().credentials).toEqual({ username: "ops", password: "from-config" });
    } finally {
      registry().credentials = saved;
    }
  });
});
