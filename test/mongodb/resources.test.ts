import * as pulumi from "@pulumi/pulumi";
import { MongoUser, ReplicaSet } from "../../providers/mongodb";

const registered: { type: string; name: string; inputs: Record<string, unknown> }[] = [];

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        const computed =
          args.type === "pulumi-nodejs:dynamic/mongodb:ReplicaSet"
            ? { memberIds: { "a:27017": 0 }, configVersion: 3, configTerm: 2, replicaSetId: "ab" }
            : {};
        return { id: `mocked::${args.name}`, state: { ...args.inputs, ...computed } };
      },
      call: (args) => {
        throw new Error(`Mock not implemented: ${args.token}`);
      },
    },
    "baremetal",
    "test",
  );
});

const output = <T>(o: pulumi.Output<T>) => new Promise<T>((resolve) => o.apply(resolve));

test("ReplicaSet registers as mongodb:ReplicaSet with its computed outputs declared", async () => {
  const rs = new ReplicaSet("rs0", {
    name: "rs0",
    members: [{ host: "a:27017" }, { host: "b:27017", hidden: true, votes: 0, priority: 0 }],
  });
  await output(rs.urn);
  expect(await output(rs.memberIds)).toEqual({ "a:27017": 0 });
  expect(await output(rs.configVersion)).toBe(3);
  expect(await output(rs.replicaSetId)).toBe("ab");
  const reg = registered.find((r) => r.name === "rs0");
  expect(reg?.type).toBe("pulumi-nodejs:dynamic/mongodb:ReplicaSet");
  expect(reg?.inputs).toMatchObject({ seeds: [], connection: {}, stepDownPrimary: false });
});

test("MongoUser keeps the password secret", async () => {
  const user = new MongoUser("payments", {
    replicaSet: "rs0",
    hosts: ["a:27017"],
    username: "payments",
    password: "a-generated-password-123",
    roles: [{ role: "readWrite", db: "payments" }],
  });
  await output(user.urn);
  expect(await pulumi.isSecret(user.password)).toBe(true);
  expect(await output(user.db)).toBe("admin");
  const reg = registered.find((r) => r.name === "payments");
  expect(reg?.type).toBe("pulumi-nodejs:dynamic/mongodb:MongoUser");
});
