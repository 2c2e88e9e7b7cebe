/** The step program: files written atomically and idempotently, failures named by guest and step. */
import { readFileSync, statSync, existsSync } from "node:fs";
import { join } from "node:path";
import {
  renderFileWrite,
  renderStepProgram,
  shellQuote,
  stepHash,
} from "../../components/services/script";
import { guestCommand } from "../../components/services/transport";
import type { ProvisionStep } from "../../components/services/types";
import { currentUser, runBash, shims, tempDir } from "./sandbox";

function step(dir: string, secret = "s3cr3t-value\n"): ProvisionStep {
  return {
    name: "configure",
    files: [
      {
        path: join(dir, "etc/app.conf"),
        content: "port 1\n",
        mode: "0644",
        owner: currentUser,
        secret: false,
      },
      {
        path: join(dir, "etc/app.secret"),
        content: secret,
        mode: "0600",
        owner: currentUser,
        secret: true,
      },
    ],
    script:
      'echo "changed=${#CHANGED_FILES[@]}"\nif changed ' +
      join(dir, "etc/app.secret") +
      "; then echo secret-changed; fi",
  };
}

describe("renderStepProgram", () => {
  it("writes the files with their modes, then reports nothing changed on a second run", () => {
    const dir = tempDir("step");
    const program = renderStepProgram("redis-1", step(dir));
    const first = runBash(program);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("changed=2");
    expect(first.stdout).toContain("secret-changed");
    expect(first.stdout).toContain("redis-1: configure done");
    expect(readFileSync(join(dir, "etc/app.secret"), "utf8")).toBe("s3cr3t-value\n");
    expect(statSync(join(dir, "etc/app.secret")).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, "etc/app.conf")).mode & 0o777).toBe(0o644);

    const second = runBash(program);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain("changed=0");
    expect(second.stdout).not.toContain("secret-changed");
  });

  it("rewrites only the file whose content changed", () => {
    const dir = tempDir("step");
    expect(runBash(renderStepProgram("redis-1", step(dir))).status).toBe(0);
    const again = runBash(renderStepProgram("redis-1", step(dir, "rotated\n")));
    expect(again.stdout).toContain("changed=1");
    expect(again.stdout).toContain("secret-changed");
    expect(readFileSync(join(dir, "etc/app.secret"), "utf8")).toBe("rotated\n");
  });

  it("keeps secret contents off every command line (they are here-document data)", () => {
    const dir = tempDir("step");
    const program = renderStepProgram("redis-1", step(dir, "VERY-SECRET-PASSWORD"));
    // Base64 inside a here-document: the plain text is nowhere in the program.
    expect(program).not.toContain("VERY-SECRET-PASSWORD");
    expect(program).toContain(Buffer.from("VERY-SECRET-PASSWORD").toString("base64"));
  });

  it("names the guest, the step and the line of a failing command, and exits non-zero", () => {
    const failing: ProvisionStep = {
      name: "install",
      files: [],
      script: "true\nfalse\necho never",
    };
    const result = runBash(renderStepProgram("postgres-1", failing));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/^postgres-1: install failed at line \d+$/m);
    expect(result.stdout).not.toContain("never");
    expect(result.stdout).not.toContain("done");
  });

  it("does not let a command in the step swallow the rest of the program from stdin", () => {
    const reading: ProvisionStep = {
      name: "read",
      files: [],
      script: "cat >/dev/null\necho after-cat",
    };
    const result = runBash(renderStepProgram("redis-1", reading));
    expect(result.stdout).toContain("after-cat");
    expect(result.stdout).toContain("redis-1: read done");
  });

  it("refuses world-readable secrets, relative paths and odd owners", () => {
    const base = { content: "x", owner: "root", secret: true };
    expect(() => renderFileWrite({ ...base, path: "/etc/x", mode: "0644" })).toThrow(
      /world-readable/,
    );
    expect(() => renderFileWrite({ ...base, path: "etc/x", mode: "0600" })).toThrow(/absolute/);
    expect(() => renderFileWrite({ ...base, path: "/etc/x", mode: "0600", owner: "a b" })).toThrow(
      /owner/,
    );
  });

  it("hashes the rendered program: equal input, equal hash; any change, another hash", () => {
    const dir = "/srv/x";
    expect(stepHash("redis-1", step(dir))).toBe(stepHash("redis-1", step(dir)));
    expect(stepHash("redis-1", step(dir))).not.toBe(stepHash("redis-1", step(dir, "other")));
    expect(stepHash("redis-1", step(dir))).not.toBe(stepHash("redis-2", step(dir)));
  });

  it("quotes for bash", () => {
    expect(runBash(`printf '%s' ${shellQuote("it's $HOME `x`")}`).stdout).toBe("it's $HOME `x`");
  });
});

describe("guestCommand (pct exec through the Proxmox host)", () => {
  const target = { guest: "redis-1", vmId: 211, host: "pve-stg" };

  it("fails with the guest, the step and the host when the container is not running", () => {
    const bin = shims({
      pct: 'if [ "$1" = status ]; then echo "status: stopped"; exit 0; fi; exit 99',
    });
    const result = runBash("echo should-not-run", {
      command: guestCommand(target, "install"),
      shimDir: bin,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      "redis-1: install failed: container 211 is not running on pve-stg",
    );
    expect(result.stdout).toBe("");
  });

  it("hands stdin to bash inside the running container, and carries no secret itself", () => {
    const bin = shims({
      pct: [
        'if [ "$1" = status ]; then echo "status: running"; exit 0; fi',
        '[ "$1 $2 $3 $4" = "exec 211 -- /bin/bash" ] || exit 98',
        'shift 3; exec "$@"',
      ].join("\n"),
    });
    const dir = tempDir("pct");
    const program = renderStepProgram("redis-1", step(dir, "TOPSECRET"));
    const command = guestCommand(target, "configure");
    expect(command).not.toContain("TOPSECRET");
    const result = runBash(program, { command, shimDir: bin });
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("redis-1: configure done");
    expect(existsSync(join(dir, "etc/app.secret"))).toBe(true);
  });
});
