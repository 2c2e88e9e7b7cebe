/**
 * Finding networks: by purpose (what a network is for, which a rename cannot change) and by name.
 * Every layer and rule asks here, so a network is found the same way everywhere.
 */
import type { NETWORK_PURPOSES, Network } from "./schema";

export type NetworkPurpose = (typeof NETWORK_PURPOSES)[number];

/** The first network with `purpose` (the validator requires one management and one kubernetes network). */
export function networkWithPurpose<N extends Pick<Network, "purpose">>(
  networks: readonly N[] | undefined,
  purpose: NetworkPurpose,
): N | undefined {
  return networks?.find((n) => n.purpose === purpose);
}

/** Networks by name; the first declaration of a name wins (a duplicate is a reported issue). */
export function networksByName<N extends Pick<Network, "name">>(
  networks: readonly N[],
): Map<string, N> {
  return new Map([...networks].reverse().map((n) => [n.name, n]));
}

/** The networks `names` refer to, in the order given, skipping names that are not declared. */
export function networksNamed<N extends Pick<Network, "name">>(
  networks: readonly N[],
  names: readonly string[],
): N[] {
  const byName = networksByName(networks);
  return names.map((name) => byName.get(name)).filter((n): n is N => n !== undefined);
}
