import type { RecordedResource } from "../../scripts/offline/engine";
import { credentialProblems } from "./credentialPolicy";

function resource(type: string, additionalSecretOutputs: string[] = []): RecordedResource {
  return {
    urn: `urn:${type}`,
    type,
    name: "k",
    parentUrn: undefined,
    custom: true,
    protect: false,
    retainOnDelete: false,
    deleteBeforeReplace: false,
    ignoreChanges: [],
    replaceOnChanges: [],
    additionalSecretOutputs,
    dependencies: [],
    provider: undefined,
    rawInputs: {},
    inputs: {},
  };
}

describe("credential policy", () => {
  it("refuses a generator whose id is its value, whatever is marked secret", () => {
    expect(
      credentialProblems([
        resource("random:index/randomId:RandomId", ["hex", "b64Std", "b64Url", "dec", "id"]),
      ]),
    ).toEqual(["random:index/randomId:RandomId k: its id is its value (plain in state)"]);
    expect(credentialProblems([resource("random:index/randomString:RandomString")])).toHaveLength(
      1,
    );
  });

  it("refuses a credential whose value outputs are not all secret", () => {
    expect(credentialProblems([resource("random:index/randomBytes:RandomBytes", ["hex"])])).toEqual(
      ["random:index/randomBytes:RandomBytes k: base64 not secret"],
    );
  });

  it("refuses a generator type nobody has classified", () => {
    expect(credentialProblems([resource("random:index/randomPet:RandomPet")])).toHaveLength(1);
  });

  it("accepts secret-only credentials, public certificates and unrelated types", () => {
    expect(
      credentialProblems([
        resource("random:index/randomPassword:RandomPassword", ["bcryptHash", "result"]),
        resource("tls:index/selfSignedCert:SelfSignedCert"),
        resource("kubernetes:core/v1:Namespace"),
      ]),
    ).toEqual([]);
  });
});
