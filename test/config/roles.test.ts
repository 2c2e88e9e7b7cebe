import { GUEST_ROLES } from "../../components/config/schema";
import { ROLE_TRAITS, isKubernetesNode, isStateful, kindOf } from "../../components/config/roles";

describe("guest roles", () => {
  it("data services run as stateful containers", () => {
    for (const role of [
      "mongodb",
      "postgresql",
      "redis",
      "zabbix",
      "elasticsearch",
      "objectstore",
    ] as const) {
      expect({ role, kind: kindOf({ role }), stateful: isStateful({ role }) }).toEqual({
        role,
        kind: "lxc",
        stateful: true,
      });
    }
  });

  it("Kibana is a stateless container", () => {
    expect(kindOf({ role: "kibana" })).toBe("lxc");
    expect(isStateful({ role: "kibana" })).toBe(false);
  });

  it("Kubernetes nodes are stateless VMs", () => {
    for (const role of ["k8s-control-plane", "k8s-worker"] as const) {
      expect(kindOf({ role })).toBe("vm");
      expect(isStateful({ role })).toBe(false);
      expect(isKubernetesNode({ role })).toBe(true);
    }
    expect(isKubernetesNode({ role: "mongodb" })).toBe(false);
  });

  it("only MongoDB and the control plane are spread across hosts", () => {
    const spread = GUEST_ROLES.filter((role) => ROLE_TRAITS[role].spreadGroup !== undefined);
    expect(spread).toEqual(["mongodb", "k8s-control-plane"]);
    expect(ROLE_TRAITS["k8s-control-plane"].spreadGroup).toBe("kubernetes-control-plane");
  });
});
