/** Unknown keys are named, with the known key they most likely misspell. */
import {
  closest,
  keysAt,
  knownConfigKeys,
  unknownTopLevelKeyMessage,
} from "../../components/config/keys";
import { SECRET_KEYS, sectionSchemas } from "../../components/config/schema";
import { validateStackConfig } from "../../components/config/validate";
import { allSecrets, rawStackConfig } from "../support/stackConfig";

describe("known keys", () => {
  it("are every section, every secret and the plain keys", () => {
    const known = knownConfigKeys();
    for (const key of [...Object.keys(sectionSchemas), ...SECRET_KEYS, "routerosUsername"]) {
      expect(known).toContain(key);
    }
  });

  it("follow sectionSchemas: a section added there is known without another list", () => {
    const schemas = sectionSchemas as Record<string, unknown>;
    schemas["futureSection"] = sectionSchemas.site;
    try {
      expect(knownConfigKeys()).toContain("futureSection");
    } finally {
      Reflect.deleteProperty(schemas, "futureSection");
    }
  });
});

describe("closest", () => {
  const sections = knownConfigKeys();
  it.each([
    ["guest", "guests"],
    ["kubernets", "kubernetes"],
    ["Kubernetes", "kubernetes"],
    ["netwroks", "networks"],
    ["uplink", "uplinks"],
    ["firewal", "firewall"],
    ["proxmoxApiTokn", "proxmoxApiToken"],
    ["routerOsPassword", "routerosPassword"],
  ])("suggests %s → %s", (typo, wanted) => {
    expect(closest(typo, sections)).toBe(wanted);
  });

  it("suggests nothing for a key that resembles none", () => {
    expect(closest("monitoring", sections)).toBeUndefined();
    expect(unknownTopLevelKeyMessage("monitoring")).toBe(
      "is not a configuration key of this program",
    );
  });
});

describe("keysAt", () => {
  it("walks lists, optional values, records and unions", () => {
    expect(keysAt(sectionSchemas.guests, [0, "dataDisk"])).toEqual(
      expect.arrayContaining(["datastore", "sizeGb", "mountPath"]),
    );
    expect(keysAt(sectionSchemas.kubernetes, ["charts"])).toContain("argo-cd");
    expect(keysAt(sectionSchemas.kubernetes, ["issuers", 0])).toEqual(
      expect.arrayContaining(["name", "kind", "commonName", "server", "email"]),
    );
  });
});

describe("validateStackConfig and unknown top-level keys", () => {
  it("reports each at its own key path, beside every other problem", () => {
    const raw = rawStackConfig("staging");
    raw["guest"] = [];
    raw["kubernets"] = raw["kubernetes"];
    delete raw["kubernetes"];
    const { config, issues } = validateStackConfig(raw, allSecrets());
    expect(config).toBeUndefined();
    expect(issues).toEqual(
      expect.arrayContaining([
        {
          path: "baremetal:guest",
          message: "is not a configuration key of this program; did you mean baremetal:guests?",
        },
        {
          path: "baremetal:kubernets",
          message: "is not a configuration key of this program; did you mean baremetal:kubernetes?",
        },
        { path: "baremetal:kubernetes", message: "is required" },
      ]),
    );
  });
});

describe("keys in a misspelled namespace", () => {
  it.each(["baremetl:site", "Baremetal:guests", "bare-metal:kubernetes", "baremtal:kubernets"])(
    "reports %s, which nothing would read",
    (fullKey) => {
      const { issues } = validateStackConfig(rawStackConfig("staging"), allSecrets(), [fullKey]);
      expect(issues).toEqual([
        { path: fullKey, message: expect.stringContaining("did you mean baremetal:") as unknown },
      ]);
    },
  );

  it("leaves the providers' namespaces alone", () => {
    const keys = ["proxmoxve:endpoint", "kubernetes:context", "pulumi:template", "aws:region"];
    const { issues } = validateStackConfig(rawStackConfig("staging"), allSecrets(), keys);
    expect(issues).toEqual([]);
  });
});

describe("provider credentials", () => {
  it("accepts the Harbor and MongoDB admin user names as plain keys", () => {
    const raw = rawStackConfig("staging");
    raw["harborUsername"] = "admin";
    raw["mongodbAdminUsername"] = "root";
    expect(validateStackConfig(raw, allSecrets()).issues).toEqual([]);
  });

  it.each(["harborAdminPassword", "mongodbAdminPassword"])(
    "refuses %s in plain text, naming the command that sets it as a secret",
    (key) => {
      const raw = rawStackConfig("staging");
      raw[key] = "hunter2";
      expect(validateStackConfig(raw, allSecrets()).issues).toEqual([
        {
          path: `baremetal:${key}`,
          message: `is given in plain text; remove it from the stack file and set it with \`pulumi config set --secret ${key}\``,
        },
      ]);
    },
  );
});
