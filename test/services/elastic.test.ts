/** Elasticsearch and Kibana renderers. */
import {
  elasticsearchYml,
  heapOptions,
  MAX_MAP_COUNT,
} from "../../components/services/elastic/render";
import { renderStepProgram } from "../../components/services/script";
import { elasticsearchFixture, kibanaFixture, SECRETS } from "./fixtures";
import { runBash, shims, tempDir } from "./sandbox";

describe("elasticsearch", () => {
  it("sets vm.max_map_count on the Proxmox host, before the guest's steps", () => {
    const es = elasticsearchFixture();
    expect(es.hostSteps?.map((s) => s.name)).toEqual(["sysctl"]);
    const [sysctl] = es.hostSteps ?? [];
    expect(sysctl?.files[0]?.content).toContain(`vm.max_map_count = ${MAX_MAP_COUNT}`);
  });

  it("fails the host step, naming it, when the kernel keeps a lower value", () => {
    const [sysctl] = elasticsearchFixture().hostSteps ?? [];
    if (!sysctl) throw new Error("no host step");
    const dir = tempDir("sysctl");
    const step = {
      ...sysctl,
      files: sysctl.files.map((f) => ({
        ...f,
        path: `${dir}/90-elasticsearch.conf`,
        owner: "root",
      })),
    };
    const bin = shims({ sysctl: '[ "$1" = -n ] && echo 65530; exit 0' });
    const result = runBash(renderStepProgram("elasticsearch-1", step), { shimDir: bin });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "elasticsearch-1: sysctl: vm.max_map_count is still below 262144",
    );
  });

  it("uses Elastic's repository restricted to its key, and pins the stack version", () => {
    const install = elasticsearchFixture().steps[0];
    expect(install?.files[0]?.content).toContain("signed-by=/etc/apt/keyrings/elastic-8.gpg");
    expect(install?.script).toContain("46095ACC8548582C1A2699A9D27D666CD88E42B4");
    expect(install?.script).toContain("elasticsearch=8.19.4");
  });

  it("discards the package's output (it prints a generated password) and drops its password hash", () => {
    const [install, configure] = elasticsearchFixture().steps;
    expect(install?.script).toMatch(/\{\n[\s\S]*apt-get install[\s\S]*\n\} >\/dev\/null/);
    expect(configure?.script).toContain("autoconfiguration.password_hash");
  });

  it("serves HTTP and transport over TLS from PEM files, single node, data on the mount", () => {
    const yml = elasticsearchYml({
      clusterName: "c",
      nodeName: "n",
      dataDir: "/var/lib/elasticsearch",
      bind: ["10.0.0.1", "_local_"],
      httpPort: 9200,
    });
    expect(yml).toContain("xpack.security.http.ssl.enabled: true");
    expect(yml).toContain("xpack.security.transport.ssl.enabled: true");
    expect(yml).toContain("discovery.type: single-node");
    expect(yml).toContain('path.data: "/var/lib/elasticsearch"');
    expect(heapOptions(16)).toBe("-Xms8g\n-Xmx8g\n");
    expect(heapOptions(128)).toBe("-Xms31g\n-Xmx31g\n");
  });

  it("creates the shipper user and kibana_system's password from secret files only", () => {
    const configure = elasticsearchFixture().steps.find((s) => s.name === "configure");
    expect(configure?.script).toContain("/_security/user/k8s-shipper");
    expect(configure?.script).toContain("-K /etc/elasticsearch/secrets/elastic.curl");
    for (const secret of [SECRETS.elastic, SECRETS.shipper, SECRETS.kibanaSystem]) {
      expect(configure?.script).not.toContain(secret);
    }
    const user = configure?.files.find((f) => f.path.endsWith("shipper-user.json"));
    expect(JSON.parse(user?.content ?? "{}")).toEqual({
      password: SECRETS.shipper,
      roles: ["k8s-shipper"],
    });
  });
});

describe("kibana", () => {
  it("verifies Elasticsearch fully against the CA and keeps its config secret", () => {
    const yml = kibanaFixture().steps[1]?.files.find((f) => f.path === "/etc/kibana/kibana.yml");
    expect(yml).toMatchObject({ secret: true, mode: "0640" });
    expect(yml?.content).toContain("elasticsearch.ssl.verificationMode: full");
    expect(yml?.content).toContain(
      'elasticsearch.hosts: ["https://elasticsearch-1.stg.sp1.internal.example.com:9200"]',
    );
    expect(yml?.content).toContain("server.ssl.enabled: true");
  });
});
