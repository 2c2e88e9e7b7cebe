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
  "random:index/randomBytes:RandomBytes": (name, inputs) => ({
    hex: placeholder(name, Number(inputs["length"] ?? 16) * 2),
    base64: placeholder(name, 4 * Math.ceil(Number(inputs["length"] ?? 16) / 3)),
  }),
  // Key and certificate material shaped like PEM. The certificate is public, so its placeholder
  // carries no "offline-" marker (the secrets checks look for that marker in plain inputs).
  "tls:index/privateKey:PrivateKey": (name) => ({
    privateKeyPem: pem("PRIVATE KEY", placeholder(name, 48)),
    publicKeyPem: pem("PUBLIC KEY", Buffer.from(`public key ${name}`).toString("base64")),
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
};

/** Extra state for a resource of `type` beyond its inputs. */
export function computedOutputsFor(type: string, name: string, inputs: Inputs): Inputs {
  return computedByType[type]?.(name, inputs) ?? {};
}
