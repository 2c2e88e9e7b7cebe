/** Garage renderers: loopback-only Garage v2, TLS in nginx, the release checksum and the key import. */
import {
  garageBootstrapScript,
  garageNginxSite,
  garageProvisioning,
  garageToml,
} from "../../components/services/garage/render";
import { checkGarageRelease, GARAGE_RELEASE } from "../../components/services/versions";
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
      metricsTokenFile: "/s/metrics",
    });
    expect(toml).toMatch(/^s3_region = "default"$/m);
    expect(toml).toMatch(/^api_bind_addr = "127\.0\.0\.1:3910"$/m);
    expect(toml).toMatch(/^api_bind_addr = "127\.0\.0\.1:3903"$/m);
    expect(toml).toMatch(/^rpc_secret_file = "\/s\/rpc"$/m);
    expect(toml).toMatch(/^admin_token_file = "\/s\/admin"$/m);
    expect(toml).toMatch(/^metrics_token_file = "\/s\/metrics"$/m);
    // Garage v2 keys: replication_mode is gone, replaced by these two.
    expect(toml).toMatch(/^replication_factor = 1$/m);
    expect(toml).toMatch(/^consistency_mode = "consistent"$/m);
    expect(toml).not.toMatch(/replication_mode|^rpc_secret =|^admin_token =/m);
    expect(toml).toMatch(/^metadata_dir = "\/var\/lib\/garage\/meta"$/m);
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

  it("imports Harbor's key from a secret file through the admin API v2, never from a command line", () => {
    const configure = garageFixture().steps.find((s) => s.name === "configure");
    // Production defaults: the guest's loopback admin listener and its secrets directory.
    expect(configure?.script).toContain("garage_admin_url='http://127.0.0.1:3903'");
    expect(configure?.script).toContain("garage_secrets='/etc/garage/secrets'");
    expect(configure?.script).toContain('garage_api ImportKey "${garage_secrets}/harbor-key.json"');
    expect(configure?.script).toContain('--data-binary "@$2"');
    expect(configure?.script).not.toMatch(/\/v[01]\//);
    for (const secret of [SECRETS.harborS3Secret, SECRETS.garageAdmin, SECRETS.garageMetrics]) {
      expect(configure?.script).not.toContain(secret);
    }
    const header = configure?.files.find((f) => f.path.endsWith("admin.header"));
    expect(header).toMatchObject({ secret: true, mode: "0600", owner: "root" });
    expect(header?.content).toBe(`Authorization: Bearer ${SECRETS.garageAdmin}\n`);
    const metrics = configure?.files.find((f) => f.path.endsWith("metrics.token"));
    expect(metrics).toMatchObject({ secret: true, mode: "0600", owner: "garage" });
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
      /^objects-1: install: Garage v2\.2\.0 has sha256 [0-9a-f]{64}, expected 0{64}$/m,
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
      metricsToken: SECRETS.garageMetrics,
      harborKey: {
        accessKeyId: "GK0123456789abcdef01234567",
        secretAccessKey: SECRETS.harborS3Secret,
      },
    };
    expect(() =>
      garageProvisioning({
        ...input,
        release: { version: "v2.2.0", url: "https://x", sha256: "abc" },
      }),
    ).toThrow(/objects-1: the Garage release checksum must be 64 lowercase hex digits/);
    expect(() =>
      garageProvisioning({
        ...input,
        release: GARAGE_RELEASE,
        harborKey: { accessKeyId: "GK0", secretAccessKey: SECRETS.harborS3Secret },
      }),
    ).toThrow(/objects-1: Harbor's S3 access key id is not in Garage's format/);
  });

  it("pins Garage v2.2.0 by its published digest, and refuses a malformed pin", () => {
    expect(GARAGE_RELEASE).toEqual({
      version: "v2.2.0",
      url: "https://garagehq.deuxfleurs.fr/_releases/v2.2.0/x86_64-unknown-linux-musl/garage",
      sha256: "ec761bb996e8453e86fe68ccc1cf222c73bb1ef05ae0b540bd4827e7d1931aab",
    });
    expect(() => checkGarageRelease(GARAGE_RELEASE, "objects-1")).not.toThrow();
    for (const sha256 of [
      "",
      "EC761BB996E8453E86FE68CCC1CF222C73BB1EF05AE0B540BD4827E7D1931AAB",
      "ec76",
    ]) {
      expect(() => checkGarageRelease({ ...GARAGE_RELEASE, sha256 }, "objects-1")).toThrow(
        /^objects-1: the Garage release checksum must be 64 lowercase hex digits/,
      );
    }
    expect(() =>
      checkGarageRelease({ ...GARAGE_RELEASE, url: "http://mirror/garage" }, "objects-1"),
    ).toThrow(/https:\/\/ URL/);
  });

  it("refuses a bucket name or capacity Garage would not take", () => {
    expect(() => garageBootstrapScript({ bucket: "Harbor_Blobs", capacity: "4096" })).toThrow(
      /bucket Harbor_Blobs is not a valid S3 bucket name/,
    );
    expect(() => garageBootstrapScript({ bucket: "harbor", capacity: "100" })).toThrow(
      /at least 1024/,
    );
  });
});
