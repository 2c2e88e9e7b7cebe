/** The real stack files, validated, as the plan receives them (optionally changed first). */
import type { StackConfig } from "../../components/config/schema";
import { parseStackConfig } from "../../components/config/validate";
import { allSecrets, rawStackConfig, type StackName } from "../support/stackConfig";

type Raw = Record<string, unknown>;

export function stack(name: StackName, change?: (raw: Raw) => void): StackConfig {
  const raw = rawStackConfig(name);
  change?.(raw);
  return parseStackConfig(raw, allSecrets());
}

/** Renames a network everywhere the stack file refers to it (a valid stack stays valid). */
export function renameNetwork(raw: Raw, from: string, to: string): void {
  const rename = (name: string) => (name === from ? to : name);
  for (const network of raw["networks"] as { name: string }[]) network.name = rename(network.name);
  for (const router of raw["routers"] as { addresses: Record<string, string> }[]) {
    router.addresses = Object.fromEntries(
      Object.entries(router.addresses).map(([name, ip]) => [rename(name), ip]),
    );
  }
  for (const guest of raw["guests"] as { network: string }[]) guest.network = rename(guest.network);
  const firewall = raw["firewall"] as {
    managementFrom: string[];
    monitoringFrom?: string[];
    forward?: { from: string; to: string }[];
  };
  firewall.managementFrom = firewall.managementFrom.map(rename);
  firewall.monitoringFrom = firewall.monitoringFrom?.map(rename);
  for (const rule of firewall.forward ?? []) {
    rule.from = rename(rule.from);
    rule.to = rename(rule.to);
  }
}
