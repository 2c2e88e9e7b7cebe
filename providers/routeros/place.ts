/** Resolution of `placeBefore` (a `.id` or the comment of a rule in the same chain). */
import type { MenuInputs, MenuSpec } from "./types";
import { listMenu } from "./session";

export async function resolvePlaceBefore(
  spec: MenuSpec,
  inputs: MenuInputs,
): Promise<string | undefined> {
  const target = inputs["placeBefore"];
  if (!spec.fields["placeBefore"] || typeof target !== "string" || target === "") return undefined;
  if (/^\*[0-9A-F]+$/.test(target)) return target;
  const chain = inputs["chain"];
  const rows = await listMenu(inputs.router, spec.menu);
  const hit = rows.find(
    (r) => r["comment"] === target && (chain === undefined || r["chain"] === chain),
  );
  if (!hit?.[".id"]) {
    throw new Error(`placeBefore: no rule with comment "${target}" in ${spec.menu}`);
  }
  return hit[".id"];
}
