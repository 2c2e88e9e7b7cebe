/**
 * Which resource types generate or hold a credential, and where the provider puts its value.
 * A type whose resource id is the value (RandomId, RandomString, RandomUuid) writes it to state
 * in plain text whatever the program does, so it must not be used for a credential at all; the
 * others are acceptable only while every output that carries the value is a secret output.
 */
import type { RecordedResource } from "../../scripts/offline/engine";

interface CredentialType {
  /** The resource id is the generated value (plain text in state and in `pulumi stack export`). */
  idIsValue: boolean;
  /** Outputs that carry the value (or something derived from it that must stay secret). */
  valueOutputs: readonly string[];
}

export const CREDENTIAL_TYPES: Readonly<Record<string, CredentialType>> = {
  "random:index/randomId:RandomId": {
    idIsValue: true,
    valueOutputs: ["hex", "b64Std", "b64Url", "dec"],
  },
  "random:index/randomString:RandomString": { idIsValue: true, valueOutputs: ["result"] },
  "random:index/randomUuid:RandomUuid": { idIsValue: true, valueOutputs: ["result"] },
  "random:index/randomPassword:RandomPassword": {
    idIsValue: false,
    valueOutputs: ["result", "bcryptHash"],
  },
  "random:index/randomBytes:RandomBytes": { idIsValue: false, valueOutputs: ["hex", "base64"] },
  "tls:index/privateKey:PrivateKey": {
    idIsValue: false,
    valueOutputs: ["privateKeyPem", "privateKeyPemPkcs8", "privateKeyOpenssh"],
  },
  "proxmoxve:user/token:Token": { idIsValue: false, valueOutputs: ["value"] },
  // The kubeconfig fetch: its stdout is the cluster-admin credential.
  "command:remote:Command": { idIsValue: false, valueOutputs: ["stdout"] },
};

/** Types of the generator packages that carry nothing secret (certificates are public). */
export const PUBLIC_TYPES: readonly string[] = [
  "tls:index/selfSignedCert:SelfSignedCert",
  "tls:index/locallySignedCert:LocallySignedCert",
  // A certificate signing request: public by design (its key is a secret input, never an output).
  "tls:index/certRequest:CertRequest",
];

/** Packages whose every resource type must be classified above. */
const GENERATOR_PACKAGES = ["random:", "tls:"];

/** Every registered resource that would put a credential in plain state, with the reason. */
export function credentialProblems(resources: readonly RecordedResource[]): string[] {
  return resources.flatMap((r): string[] => {
    const kind = CREDENTIAL_TYPES[r.type];
    if (!kind) {
      const unclassified =
        GENERATOR_PACKAGES.some((p) => r.type.startsWith(p)) && !PUBLIC_TYPES.includes(r.type);
      return unclassified ? [`${r.type} ${r.name}: type not classified in credentialPolicy`] : [];
    }
    if (kind.idIsValue) return [`${r.type} ${r.name}: its id is its value (plain in state)`];
    const plain = kind.valueOutputs.filter((o) => !r.additionalSecretOutputs.includes(o));
    return plain.length > 0 ? [`${r.type} ${r.name}: ${plain.join(", ")} not secret`] : [];
  });
}
