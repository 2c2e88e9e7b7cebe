/** Shapes shared by the RouterOS client, specs and providers. */
import type { FieldKind } from "./values";

/**
 * How to reach one router. Non-secret, so it may be a resource input; credentials never are
 * (they come from stack config or the environment, see `configure`).
 */
export interface RouterConnection {
  /** `https://10.0.0.1` (www-ssl) or `http://10.0.0.1` (www, RouterOS 7.9+); `/rest` is appended. */
  url: string;
  /** PEM file with the CA that signed the router's certificate. */
  caFile?: string;
  /** Skip certificate verification. Only when explicitly set; never the default. */
  insecure?: boolean;
  /**
   * Allow an `http://` URL. Basic auth then crosses the network in clear, so plain HTTP is
   * refused (offline, in `check`, and again before any request) unless this is set.
   */
  allowInsecureHttp?: boolean;
  /** Per-request timeout in ms; capped below the router's own 60 s limit. */
  timeoutMs?: number;
}

export interface RouterCredentials {
  username: string;
  password: string;
}

/** One row as RouterOS returns it: every value is a string. */
export type RosRecord = Record<string, string>;

export interface FieldSpec {
  /** RouterOS property name (kebab-case). */
  ros: string;
  kind: FieldKind;
  /** Part of the natural key used to adopt existing rows and re-find renumbered ones. */
  key?: boolean;
  /** Changing it replaces the object instead of patching it. */
  replace?: boolean;
  /** Value RouterOS implies when it omits the field (`disabled` on netwatch, `type` on DNS). */
  absentAs?: string;
  /**
   * What the program means when it omits the field (`disabled` → "false"): the field is always
   * managed, so a rule disabled outside Pulumi is drift.
   */
  implied?: string;
  /** Removing it from the program unsets it on the router with `"!field"`. */
  unsetWhenAbsent?: boolean;
  /** Only valid on create (`place-before`); never sent in PATCH. */
  createOnly?: boolean;
  /** RouterOS drops it from disabled rows (static routes), so absence then is not drift. */
  droppedWhenDisabled?: boolean;
  /** Output must be a Pulumi secret; its value never appears in check failures. */
  secret?: boolean;
  /** Minimum length of a declared (non-empty) string, checked offline in `check`. */
  minLength?: number;
  /** Inclusive range for `int` fields, checked offline in `check`. */
  min?: number;
  max?: number;
  /** Allowed values (lower-case), checked offline in `check`. */
  oneOf?: string[];
  /** Shape of an address or port value, checked offline in `check` (see check.ts). */
  format?: ValueFormat;
  /**
   * RouterOS reports the time left instead of the written value (`timeout` of a timed
   * address-list entry, which is also `dynamic`): the router's value is never compared.
   */
  countsDown?: boolean;
}

/**
 * `ip`: one address; `prefix`: address or address/length; `target`: firewall matcher (prefix or
 * range `a-b`, optionally `!`-negated); `listAddress`: address-list entry (prefix, range or DNS
 * name); `ports`: port, range or comma list, optionally `!`-negated.
 */
export type ValueFormat = "ip" | "prefix" | "target" | "listAddress" | "ports";

/** Static description of one RouterOS menu; plain data so it serializes with the provider. */
export interface MenuSpec {
  /** Pulumi type name, e.g. `Vlan` (token `pulumi-nodejs:dynamic/routeros:Vlan`). */
  type: string;
  /** Menu path without slashes at the ends, e.g. `interface/vlan`. */
  menu: string;
  /** Program property name → field. */
  fields: Record<string, FieldSpec>;
  /** Program properties that must be set. */
  required: string[];
  /**
   * `duplicate`: the router rejects a second row with the same key, so create just PUTs and adopts
   * on the duplicate error. `lookup`: the router would accept a duplicate, so create looks the key
   * up first (in the shared, coalesced list read).
   */
  adopt: "duplicate" | "lookup";
  /** The key is unique on the router: a replacement must delete the old row first. */
  deleteBeforeReplace: boolean;
  /**
   * Read-only RouterOS flag (`default` on `/snmp/community`) marking a factory row that the router
   * refuses to remove. Adopting such a row records the values Pulumi overwrites (`original`), and
   * deleting the resource puts them back instead of removing the row.
   */
  builtinFlag?: string;
}

/** Inputs every list resource receives. Field values are keyed by program property name. */
export interface MenuInputs {
  router: RouterConnection;
  [prop: string]: unknown;
}

export interface MenuOutputs extends MenuInputs {
  /** RouterOS `.id` (`*1A`), also the Pulumi id. */
  routerosId: string;
  /**
   * Only on an adopted built-in row (see `MenuSpec.builtinFlag`): the router's values of the
   * declared fields before Pulumi first set them (RouterOS names), restored on delete.
   */
  original?: Record<string, string>;
  /**
   * Random token of this resource instance. A row adopted by a resource is recorded as held by
   * its token (ownership.ts), so the delete of another resource with the same `.id` (the one it
   * replaces) leaves the row alone.
   */
  owner?: string;
}
