/** Every rendered step program (and the host-side command) is shellcheck clean. */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderStepProgram } from "../../components/services/script";
import { guestCommand } from "../../components/services/transport";
import { allFixtures } from "./fixtures";
import { requireBinaryOrSkip, tempDir } from "./sandbox";

const available = requireBinaryOrSkip("shellcheck", "shellcheck of the rendered scripts");
const suite = available ? describe : describe.skip;

function shellcheck(name: string, program: string): string {
  const file = join(tempDir("shellcheck"), `${name}.sh`);
  writeFileSync(file, program);
  const result = spawnSync("shellcheck", ["--shell=bash", "--format=gcc", file], {
    encoding: "utf8",
  });
  return `${result.stdout}${result.stderr}`.trim();
}

const programs = allFixtures().flatMap((p) =>
  [...(p.hostSteps ?? []), ...p.steps].map(
    (s) => [`${p.guest} ${s.name}`, renderStepProgram(p.guest, s)] as const,
  ),
);

suite("shellcheck", () => {
  it("has programs to check for every role", () => {
    expect(programs.length).toBeGreaterThanOrEqual(allFixtures().length * 2);
  });

  it.each(programs)("%s is clean", (name, program) => {
    expect(shellcheck(name.replace(/\W+/g, "-"), program)).toBe("");
  });

  it("would report a real problem (the check is not a no-op)", () => {
    expect(shellcheck("bad", "#!/bin/bash\nrm -rf $1/*\n")).toMatch(/SC2086/);
  });

  it("the host-side command is clean", () => {
    expect(
      shellcheck(
        "pct",
        `#!/bin/bash\n${guestCommand({ guest: "g", vmId: 100, host: "h" }, "s")}\n`,
      ),
    ).toBe("");
  });
});
