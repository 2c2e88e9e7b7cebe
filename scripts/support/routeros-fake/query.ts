/** API query words for `POST …/print` `.query` (routeros-rest §5): a boolean stack per row. */

type Row = Record<string, string>;

function compare(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a !== "" && b !== "" && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function word(row: Row, w: string): boolean {
  const body = w.startsWith("=") ? w.slice(1) : w;
  const op = body[0];
  if (op === "-") return !(body.slice(1) in row);
  if (op === "<" || op === ">") {
    const [k = "", v = ""] = body.slice(1).split(/=(.*)/s);
    const have = row[k];
    if (have === undefined) return false;
    return op === "<" ? compare(have, v) < 0 : compare(have, v) > 0;
  }
  const eq = body.indexOf("=");
  if (eq < 0) return body in row;
  return row[body.slice(0, eq)] === body.slice(eq + 1);
}

/** True when `row` passes the query: no `false` left on the stack. */
export function matches(row: Row, words: string[]): boolean {
  const stack: boolean[] = [];
  for (const w of words) {
    if (!w.startsWith("#")) {
      stack.push(word(row, w));
      continue;
    }
    for (const ch of w.slice(1)) {
      if (ch === "!") stack.push(!stack.pop());
      else if (ch === ".") stack.push(stack[stack.length - 1] ?? true);
      else if (ch === "|" || ch === "&") {
        const b = stack.pop() ?? true;
        const a = stack.pop() ?? true;
        stack.push(ch === "|" ? a || b : a && b);
      } else if (/\d/.test(ch)) stack.push(stack[Number(ch)] ?? true);
    }
  }
  return stack.every(Boolean);
}
