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

/** Findings per program name, from one shellcheck run over all of them (gcc format). */
function shellcheckAll(programs: readonly (readonly [string, string])[]): Map<string, string> {
  const dir = tempDir("shellcheck");
  const files = programs.map(([name, program], index) => {
    // An index keeps file names unique and lets each finding find its program.
    const file = join(dir, `${index}-${name.replace(/\W+/g, "-")}.sh`);
    writeFileSync(file, program);
    return file;
  });
  const result = spawnSync("shellcheck", ["--shell=bash", "--format=gcc", ...files], {
    encoding: "utf8",
  });
  const findings = new Map<string, string>(programs.map(([name]) => [name, ""]));
  const unplaced: string[] = [];
  for (const line of `${result.stdout}${result.stderr}`.split("\n").filter(Boolean)) {
    const index = files.findIndex((file) => line.startsWith(`${file}:`));
    const name = programs[index]?.[0];
    if (name === undefined) unplaced.push(line);
    else findings.set(name, `${findings.get(name) ?? ""}${line}\n`.trimStart());
  }
  // Anything shellcheck says about no file in particular (a crash, a bad flag) fails every check.
  if (unplaced.length > 0) for (const [name] of programs) findings.set(name, unplaced.join("\n"));
  return findings;
}

function shellcheck(name: string, program: string): string {
  return (shellcheckAll([[name, program]]).get(name) ?? "").trim();
}

const programs = allFixtures().flatMap((p) =>
  [...(p.hostSteps ?? []), ...p.steps].map(
    (s) => [`${p.guest} ${s.name}`, renderStepProgram(p.guest, s)] as const,
  ),
);

suite("shellcheck", () => {
  let findings: Map<string, string>;
  beforeAll(() => {
    findings = shellcheckAll(programs);
  });

  it("has programs to check for every role", () => {
    expect(programs.length).toBeGreaterThanOrEqual(allFixtures().length * 2);
  });

  it.each(programs)("%s is clean", (name) => {
    expect(findings.get(name)?.trim()).toBe("");
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
