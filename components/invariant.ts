/**
 * Narrows a value that validated config guarantees to exist (a host a guest refers to, a
 * network by name). Failing here means a validation rule is missing, so the message says which.
 */
export function mustExist<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`internal error: ${what} should have been validated`);
  return value;
}
