import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { chartKeys, pinnedCharts, type ChartKey } from "../../components/kubernetes/charts";
import { hasPath, leafPaths, unknownKeyPaths } from "../../components/kubernetes/valueKeys";
import { chartValues, freeFormPaths } from "../../components/kubernetes/values";
import { productionFixture, stagingFixture } from "./fixtures";

const CHARTS = join(__dirname, "../../components/kubernetes/charts");
const load = (file: string): unknown => parse(readFileSync(join(CHARTS, file), "utf8"));

/**
 * The pinned chart's values (or, where upstream's file is not vendored, its hand-written key
 * skeleton), with eck-stack's subchart values mounted under their keys.
 */
function referenceValues(key: ChartKey): unknown {
  const vendored = `${key}-values.yaml`;
  const file = existsSync(join(CHARTS, vendored)) ? vendored : `${key}-values.keys.yaml`;
  const own = load(file) as Record<string, Record<string, unknown>>;
  if (key !== "eck-stack") return own;
  return {
    ...own,
    "eck-agent": {
      ...own["eck-agent"],
      ...(load("eck-stack-sub-eck-agent-values.yaml") as object),
    },
    "eck-apm-server": {
      ...own["eck-apm-server"],
      ...(load("eck-stack-sub-eck-apm-server-values.yaml") as object),
    },
  };
}

describe("key path helpers", () => {
  it("lists leaf paths, treating arrays and empty maps as leaves", () => {
    expect(leafPaths({ a: { b: 1, c: [1, { d: 2 }] }, e: {} })).toEqual([
      ["a", "b"],
      ["a", "c"],
      ["e"],
    ]);
  });

  it("matches dotted keys literally", () => {
    const ref = { configs: { params: { "server.insecure": false } } };
    expect(hasPath(ref, ["configs", "params", "server.insecure"])).toBe(true);
    expect(hasPath(ref, ["configs", "params", "server", "insecure"])).toBe(false);
  });

  it("reports unknown paths unless a free-form entry covers them", () => {
    const ref = { a: { b: 1 }, m: {} };
    const values = { a: { b: 2, typo: 3 }, m: { x: { y: 1 } } };
    expect(unknownKeyPaths(values, ref)).toEqual(["a.typo", "m.x.y"]);
    expect(unknownKeyPaths(values, ref, [{ path: ["m"], reason: "map" }])).toEqual(["a.typo"]);
  });
});

describe.each([stagingFixture, productionFixture])("values of $stack", (fixture) => {
  const values = chartValues(fixture, { redisPassword: true, redisUser: "harbor", redisTls: true });

  it.each(chartKeys.map((k) => [k]))("sets only keys that exist in the pinned %s chart", (key) => {
    expect(unknownKeyPaths(values[key], referenceValues(key), freeFormPaths[key])).toEqual([]);
  });
});

describe("key skeletons", () => {
  it("stand in only for charts without a vendored values.yaml, and reject unknown keys", () => {
    for (const key of chartKeys) {
      const vendored = existsSync(join(CHARTS, `${key}-values.yaml`));
      const skeleton = existsSync(join(CHARTS, `${key}-values.keys.yaml`));
      expect([key, vendored !== skeleton]).toEqual([key, true]);
    }
    const reference = referenceValues("prometheus-snmp-exporter");
    expect(unknownKeyPaths({ serviceMonitor: { auth: [], typo: 1 } }, reference)).toEqual([
      "serviceMonitor.typo",
    ]);
  });
});

describe("free-form allowances", () => {
  const both = [stagingFixture, productionFixture].map((f) =>
    chartValues(f, { redisPassword: true, redisUser: "harbor", redisTls: true }),
  );

  it.each(chartKeys.map((k) => [k]))("of %s are each needed and explained", (key) => {
    for (const entry of freeFormPaths[key]) {
      const others = freeFormPaths[key].filter((e) => e !== entry);
      const uncovered = both.flatMap((v) => unknownKeyPaths(v[key], referenceValues(key), others));
      expect(uncovered.some((p) => p.startsWith(entry.path.join(".")))).toBe(true);
      expect(entry.reason.length).toBeGreaterThan(10);
    }
  });
});

describe("pinned chart versions", () => {
  it.each(chartKeys.map((k) => [k]))("%s matches the vendored Chart.yaml", (key) => {
    const chart = load(`${key}-Chart.yaml`) as { name: string; version: string };
    expect(pinnedCharts[key].chart.endsWith(chart.name)).toBe(true);
    // Upstream git carries placeholders where the release pipeline stamps the version.
    const placeholder = chart.version === "v0.0.0" || chart.version === "devel";
    if (!placeholder) expect(pinnedCharts[key].version).toBe(String(chart.version));
  });

  it("pins the released versions where upstream git has placeholders", () => {
    expect(pinnedCharts["cert-manager"].version).toBe("v1.21.1");
    expect(pinnedCharts["tekton-operator"].version).toBe("0.81.1");
  });
});
