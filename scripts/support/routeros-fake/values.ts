/**
 * How the fake router turns written values into stored ones, following routeros-rest.md §4:
 * everything is stored and returned as a string, booleans read back as "true"/"false", durations
 * are re-formatted (`24h` → `1d`), bare addresses get `/32`. Written independently of the
 * provider's own normalisation so the two can disagree (that is what the tests are for).
 */

const UNITS: [string, number][] = [
  ["w", 604_800_000],
  ["d", 86_400_000],
  ["h", 3_600_000],
  ["m", 60_000],
  ["s", 1000],
  ["ms", 1],
];

/** Accepts `1d2h`, `90s`, `500ms`, `00:05:00`, bare seconds; undefined when unparseable. */
export function durationToMs(input: string): number | undefined {
  const text = input.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const clock = /^(?:(\d+)d)?\s*(\d+):(\d\d):(\d\d)$/.exec(text);
  if (clock) {
    const [, d, h, m, s] = clock;
    return (((Number(d ?? 0) * 24 + Number(h)) * 60 + Number(m)) * 60 + Number(s)) * 1000;
  }
  const re = /(\d+)(ms|w|d|h|m|s)/y;
  let total = 0;
  let pos = 0;
  while (pos < text.length) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) return undefined;
    const unit = UNITS.find(([u]) => u === m[2]);
    total += Number(m[1]) * (unit ? unit[1] : 0);
    pos = re.lastIndex;
  }
  return pos === 0 ? undefined : total;
}

/** RouterOS print style: largest units first, zero parts omitted (`2m5s`, `1w`, `31s250ms`). */
export function formatDuration(ms: number): string {
  if (ms === 0) return "0s";
  let rest = ms;
  let out = "";
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}

export function toBool(value: string): string | undefined {
  const v = value.toLowerCase();
  if (v === "yes" || v === "true") return "true";
  if (v === "no" || v === "false") return "false";
  return undefined;
}

/** Adds the implied host prefix to a bare IPv4/IPv6 address. */
export function withPrefix(value: string): string {
  if (value.includes("/")) return value;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(value)) return `${value}/32`;
  return value.includes(":") ? `${value}/128` : value;
}

/** Network address of an IPv4 CIDR (`10.0.0.111/24` → `10.0.0.0`). */
export function networkOf(cidr: string): string {
  const [ip = "", bits = "32"] = cidr.split("/");
  const parts = ip.split(".").map(Number);
  if (parts.length !== 4) return ip;
  const n = parts.reduce((acc, p) => acc * 256 + p, 0);
  const mask = Number(bits) === 0 ? 0 : (0xffffffff << (32 - Number(bits))) >>> 0;
  const net = (n & mask) >>> 0;
  return [24, 16, 8, 0].map((s) => (net >>> s) & 255).join(".");
}
