/** Garage renderers: loopback-only Garage, TLS in nginx, the release checksum and the key import. */
import {
  garageNginxSite,
  garageProvisioning,
  garageToml,
} from "../../components/services/garage/render";
import { renderStepProgram } from "../../components/services/script";
import { garageFixture, SECRETS } from "./fixtures";
import { runBash, shims, tempDir } from "./sandbox";

describe("garage", () => {
  it("keeps Garage's S3 API on loopback with the configured region", () => {
    const toml = garageToml({
      dataDir: "/var/lib/garage",
      region: "default",
      s3Port: 3910,
      rpcPort: 3901,
      adminPort: 3903,
      rpcSecretFile: "/s/rpc",
      adminTokenFile: "/s/admin",
    });
    expect(toml).toMatch(/^s3_region = "default"$/m);
    expect(toml).toMatch(/^api_bind_addr = "127\.0\.0\.1:3910"$/m);
    expect(toml).toMatch(/^rpc_secret_file = "\/s\/rpc"$/m);
    expect(toml).not.toMatch(/0\.0\.0\.0/);
  });

  it("terminates TLS on the public S3 port and keeps the Host header SigV4 signed", () => {
    const site = garageNginxSite({
      fqdn: "objects-1.example",
      publicPort: 3900,
      s3Port: 3910,
      tlsDir: "/t",
    });
    expect(site).toContain("listen 3900 ssl;");
    expect(site).toContain("proxy_pass http://127.0.0.1:3910;");
    expect(site).toContain("proxy_set_header Host $http_host;");
    expect(site).toContain("client_max_body_size 0;");
  });

  it("imports Harbor's key from a secret file, never from a command line", () => {
    const configure = garageFixture().steps.find((s) => s.name === "configure");
    expect(configure?.script).toContain("--data-binary @/etc/garage/secrets/harbor-key.json");
    expect(configure?.script).not.toContain(SECRETS.harborS3Secret);
    const key = configure?.files.find((f) => f.path.endsWith("harbor-key.json"));
    expect(key).toMatchObject({ secret: true, mode: "0600" });
    expect(JSON.parse(key?.content ?? "{}")).toEqual({
      name: "harbor",
      accessKeyId: "GK0123456789abcdef01234567",
      secretAccessKey: SECRETS.harborS3Secret,
    });
  });

  it("refuses a downloaded binary whose checksum differs, naming the guest and step", () => {
    const install = garageFixture().steps.find((s) => s.name === "install");
    if (!install) throw new Error("no install step");
    // Everything up to the download, run against stand-ins: the download is not the pinned build.
    const bin = shims({
      mountpoint: "exit 0",
      "dpkg-query": 'echo "install ok installed 1.22.1-9+deb12u11"',
      "apt-get": "exit 0",
      "apt-mark": "exit 0",
      id: "exit 0",
      curl: 'while [ $# -gt 0 ]; do if [ "$1" = -o ]; then echo tampered > "$2"; fi; shift; done',
      install: "exit 0",
    });
    const result = runBash(renderStepProgram("objects-1", install), {
      shimDir: bin,
      env: { TMPDIR: tempDir("garage") },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^objects-1: install: Garage v1\.1\.0 has sha256 [0-9a-f]{64}, expected 0{64}$/m,
    );
  });

  it("refuses a release without a proper checksum", () => {
    const input = {
      guest: "objects-1",
      fqdn: "objects-1.example",
      dataDir: "/var/lib/garage",
      publicPort: 3900,
      region: "default",
      bucket: "harbor",
      capacity: "1",
      tls: { certPem: "c", keyPem: "k", caPem: "a" },
      rpcSecret: SECRETS.garageRpc,
      adminToken: SECRETS.garageAdmin,
      harborKey: { accessKeyId: "GK0", secretAccessKey: SECRETS.harborS3Secret },
    };
    expect(() =>
      garageProvisioning({
        ...input,
        release: { version: "v1.1.0", url: "https://x", sha256: "abc" },
      }),
    ).toThrow(/objects-1: the Garage release checksum must be 64 hex digits/);
  });
});
