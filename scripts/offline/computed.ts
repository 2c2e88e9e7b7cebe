/**
 * Values a real provider computes on create, stood in for by the offline engine so that code
 * depending on them (string interpolation, secrets) runs as it would in a real preview.
 * Placeholders are obviously fake so they can never be mistaken for a real credential.
 */
type Inputs = Record<string, unknown>;
type Computed = (name: string, inputs: Inputs) => Inputs;

function placeholder(name: string, length: number): string {
  return `offline-${name}-`.padEnd(length, "x").slice(0, length);
}

function pem(label: string, body: string): string {
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/** The OpenSSH key type the provider prints for a key of this algorithm. */
function opensshKeyType(inputs: Inputs): string {
  if (inputs["algorithm"] === "ED25519") return "ssh-ed25519";
  if (inputs["algorithm"] === "RSA") return "ssh-rsa";
  return "ecdsa-sha2-nistp256";
}

const computedByType: Record<string, Computed> = {
  "random:index/randomPassword:RandomPassword": (name, inputs) => ({
    result: placeholder(name, Number(inputs["length"] ?? 32)),
    bcryptHash: `$2a$10$${placeholder(name, 53)}`,
  }),
  "random:index/randomString:RandomString": (name, inputs) => ({
    result: placeholder(name, Number(inputs["length"] ?? 16)),
  }),
  // Hex keys keep their shape (prefix + 2 hex digits per byte) so format checks still hold.
  "random:index/randomId:RandomId": (name, inputs) => {
    const hex = Buffer.from(placeholder(name, Number(inputs["byteLength"] ?? 8))).toString("hex");
    return { hex: `${String(inputs["prefix"] ?? "")}${hex}`, id: placeholder(name, 16) };
  },
  // `length` bytes (the placeholder's own), given as hex and base64 as the provider does.
  "random:index/randomBytes:RandomBytes": (name, inputs) => {
    const bytes = Buffer.from(placeholder(name, Number(inputs["length"] ?? 16)));
    return { hex: bytes.toString("hex"), base64: bytes.toString("base64") };
  },
  // Key and certificate material shaped like PEM. The certificate is public, so its placeholder
  // carries no "offline-" marker (the secrets checks look for that marker in plain inputs).
  "tls:index/privateKey:PrivateKey": (name, inputs) => ({
    privateKeyPem: pem("PRIVATE KEY", placeholder(name, 48)),
    privateKeyOpenssh: pem("OPENSSH PRIVATE KEY", placeholder(name, 48)),
    publicKeyPem: pem("PUBLIC KEY", Buffer.from(`public key ${name}`).toString("base64")),
    publicKeyOpenssh: `${opensshKeyType(inputs)} ${Buffer.from(`public key ${name}`).toString("base64")}\n`,
  }),
  "tls:index/selfSignedCert:SelfSignedCert": (name) => ({
    certPem: pem("CERTIFICATE", Buffer.from(`certificate ${name}`).toString("base64")),
  }),
  // Service certificates of the internal CA (services layer).
  "tls:index/certRequest:CertRequest": (name) => ({
    certRequestPem: pem("CERTIFICATE REQUEST", Buffer.from(`request ${name}`).toString("base64")),
  }),
  "tls:index/locallySignedCert:LocallySignedCert": (name) => ({
    certPem: pem("CERTIFICATE", Buffer.from(`certificate ${name}`).toString("base64")),
  }),
  // Proxmox reports a new token as `<user>!<token>=<secret>`.
  "proxmoxve:user/token:Token": (name, inputs) => ({
    value: `${String(inputs["userId"])}!${String(inputs["tokenName"])}=${placeholder(name, 36)}`,
  }),
  // AWS: what the provider computes for the migration's IAM and S3 resources.
  "aws:iam/accessKey:AccessKey": (name) => ({ secret: placeholder(name, 40) }),
  "aws:iam/user:User": (name, inputs) => ({
    arn: `arn:aws:iam::000000000000:user/${String(inputs["name"] ?? name)}`,
  }),
  "aws:s3/bucket:Bucket": (name, inputs) => ({
    arn: `arn:aws:s3:::${String(inputs["bucket"] ?? name)}`,
  }),
  // A remote command's stdout; shaped as the admin kubeconfig `microk8s config` prints.
  "command:remote:Command": (name) => ({
    stdout: [
      "apiVersion: v1",
      "kind: Config",
      "clusters:",
      "- cluster:",
      "    certificate-authority-data: b2ZmbGluZQ==",
      "    server: https://192.0.2.1:16443",
      "  name: microk8s-cluster",
      "contexts:",
      "- context: {cluster: microk8s-cluster, user: admin}",
      "  name: microk8s",
      "current-context: microk8s",
      "users:",
      "- name: admin",
      `  user: {token: ${placeholder(name, 32)}}`,
      "",
    ].join("\n"),
    stderr: "",
  }),
  // Harbor dynamic resources: ids Harbor assigns and the robot secret it returns once.
  "pulumi-nodejs:dynamic/harbor:Project": () => ({ projectId: 1 }),
  "pulumi-nodejs:dynamic/harbor:RobotAccount": (name, inputs) => {
    const perms = inputs["permissions"] as { namespace?: string }[] | undefined;
    const project = inputs["level"] === "system" ? "" : `${String(perms?.[0]?.namespace)}+`;
    return {
      robotId: 1,
      fullName: `robot$${project}${String(inputs["name"])}`,
      secret: placeholder(name, 32),
    };
  },
  "pulumi-nodejs:dynamic/harbor:RegistryEndpoint": (name) => ({
    registryId: 1,
    accessSecretHash: `sha256:${placeholder(name, 16)}`,
  }),
  "pulumi-nodejs:dynamic/harbor:ReplicationPolicy": () => ({ policyId: 1 }),
  // MongoDB: a freshly initiated set numbers its members 0, 1, 2… in declared order; its
  // replicaSetId is an ObjectId (24 hex digits).
  "pulumi-nodejs:dynamic/mongodb:ReplicaSet": (name, inputs) => {
    const members = (inputs["members"] as { host?: string }[] | undefined) ?? [];
    return {
      memberIds: Object.fromEntries(members.map((m, i) => [String(m.host), i])),
      configVersion: members.length,
      configTerm: 1,
      replicaSetId: Buffer.from(placeholder(name, 12)).toString("hex"),
    };
  },
};

/** Extra state for a resource of `type` beyond its inputs. */
export function computedOutputsFor(type: string, name: string, inputs: Inputs): Inputs {
  return computedByType[type]?.(name, inputs) ?? {};
}
