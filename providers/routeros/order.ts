/**
 * Pure planning of `POST …/move` calls that put a firewall chain into the declared order.
 *
 * Rules on the longest increasing subsequence (relative to the target order) stay where they
 * are; every other rule moves, and consecutive movers share one call (`move` takes several
 * `numbers` and inserts them, in order, before `destination`; without destination, at the end).
 * Rules are never deleted and re-added, so counters survive and no open window appears.
 */

export interface Move {
  numbers: string[];
  /** `.id` to insert before; undefined = end of the list. */
  destination?: string;
}

/** Indices (into `seq`) of one longest strictly increasing subsequence. */
export function longestIncreasing(seq: number[]): number[] {
  const tails: number[] = [];
  const prev: number[] = new Array<number>(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    const v = seq[i] ?? 0;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((seq[tails[mid] ?? 0] ?? 0) < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1] ?? -1;
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = prev[i] ?? -1) out.push(i);
  return out.reverse();
}

/** Moves that turn `current` into `target` (same ids, another order). */
export function planMoves(current: string[], target: string[]): Move[] {
  const pos = new Map(current.map((id, i) => [id, i]));
  if (target.length !== current.length || target.some((id) => !pos.has(id))) {
    throw new Error("planMoves: target must be a permutation of current");
  }
  const stable = new Set(longestIncreasing(target.map((id) => pos.get(id) ?? 0)));
  const moves: Move[] = [];
  let run: string[] = [];
  target.forEach((id, i) => {
    if (!stable.has(i)) {
      run.push(id);
      return;
    }
    if (run.length > 0) moves.push({ numbers: run, destination: id });
    run = [];
  });
  if (run.length > 0) moves.push({ numbers: run });
  return moves;
}

/** RouterOS `move` semantics on a list of ids (used by tests and to predict the result). */
export function applyMove(list: string[], move: Move): string[] {
  const moving = new Set(move.numbers);
  const rest = list.filter((id) => !moving.has(id));
  const at = move.destination === undefined ? rest.length : rest.indexOf(move.destination);
  if (at < 0) throw new Error(`move destination ${move.destination ?? ""} not in list`);
  return [...rest.slice(0, at), ...move.numbers, ...rest.slice(at)];
}
