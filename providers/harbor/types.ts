/** Shapes shared by the Harbor client and providers. */

/**
 * How to reach Harbor. Non-secret, so it is a resource input; credentials never are (they come
 * from stack config or the environment, see configure.ts).
 */
export interface HarborConnection {
  /** `https://harbor.example.com`; `/api/v2.0` is appended. */
  url: string;
  /** PEM file with the CA that signed Harbor's certificate (e.g. the platform's private CA). */
  caFile?: string;
  /** The same CA certificate as PEM text (public), e.g. straight from the program's own CA. */
  caPem?: string;
  /** Skip certificate verification. Only when explicitly set; never the default. */
  insecure?: boolean;
  /** Per-request timeout in ms (default 30 s, env `HARBOR_TIMEOUT_MS`). */
  timeoutMs?: number;
}

export interface HarborCredentials {
  username: string;
  password: string;
}

/** Every Harbor resource carries its connection. */
export interface ConnectedInputs {
  connection: HarborConnection;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
