import { CONFIG_NAMESPACE, ConfigValidationError, keyPath } from "../../components/config/issues";

describe("keyPath", () => {
  it.each([
    [["site"], "baremetal:site"],
    [["guests", 2, "ip"], "baremetal:guests[2].ip"],
    [["guests", 0], "baremetal:guests[0]"],
    [["routers", 1, "addresses", "kubernetes"], "baremetal:routers[1].addresses.kubernetes"],
    [["hosts", 3, "datastores", 2, "sizeGb"], "baremetal:hosts[3].datastores[2].sizeGb"],
    [["access", "sshPublicKeys", 0], "baremetal:access.sshPublicKeys[0]"],
    [["placement", "allowReplace", 10], "baremetal:placement.allowReplace[10]"],
  ] as const)("%j → %s", (segments, path) => {
    expect(keyPath(segments)).toBe(path);
  });

  it("keeps a record key that looks like a number as a key, not an index", () => {
    expect(keyPath(["routers", 0, "addresses", "10"])).toBe("baremetal:routers[0].addresses.10");
  });

  it("uses the project namespace", () => {
    expect(CONFIG_NAMESPACE).toBe("baremetal");
    expect(keyPath(["x"]).startsWith(`${CONFIG_NAMESPACE}:`)).toBe(true);
  });
});

describe("ConfigValidationError", () => {
  it("lists every issue with its path", () => {
    const issues = [
      { path: "baremetal:guests[2].ip", message: "is outside" },
      { path: "baremetal:site", message: "is required" },
    ];
    const error = new ConfigValidationError(issues);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("ConfigValidationError");
    expect(error.issues).toEqual(issues);
    expect(error.message).toBe(
      "Stack configuration is invalid (2 problems):\n" +
        "  - baremetal:guests[2].ip: is outside\n" +
        "  - baremetal:site: is required",
    );
  });

  it("says problem in the singular for one issue", () => {
    const error = new ConfigValidationError([{ path: "baremetal:site", message: "is required" }]);
    expect(error.message).toContain("(1 problem)");
  });
});
