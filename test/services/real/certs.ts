/** A throw-away CA and a server certificate for localhost, made with the openssl CLI. */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ServerTls } from "../../../components/services/tlsFiles";

export function testTls(dir: string): ServerTls {
  const run = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  run("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ca.key");
  run(
    "req",
    "-x509",
    "-new",
    "-key",
    "ca.key",
    "-subj",
    "/CN=test CA",
    "-days",
    "2",
    "-out",
    "ca.pem",
  );
  run("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "server.ec.key");
  // PKCS#8, as @pulumi/tls hands keys over.
  run("pkcs8", "-topk8", "-nocrypt", "-in", "server.ec.key", "-out", "server.key");
  run("req", "-new", "-key", "server.key", "-subj", "/CN=localhost", "-out", "server.csr");
  writeFileSync(
    join(dir, "ext.cnf"),
    "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\nkeyUsage=digitalSignature,keyEncipherment\n",
  );
  run(
    "x509",
    "-req",
    "-in",
    "server.csr",
    "-CA",
    "ca.pem",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-days",
    "2",
    "-extfile",
    "ext.cnf",
    "-out",
    "server.pem",
  );
  const read = (f: string) => readFileSync(join(dir, f), "utf8");
  return { certPem: read("server.pem"), keyPem: read("server.key"), caPem: read("ca.pem") };
}
