import fc from "fast-check";
import { applyMove, longestIncreasing, planMoves } from "../../providers/routeros/order";

const ids = (n: number) =>
  Array.from({ length: n }, (_, i) => `*${(i + 1).toString(16).toUpperCase()}`);

describe("planMoves", () => {
  test("applying the planned moves yields the target order", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 30 })
          .chain((n) =>
            fc.tuple(
              fc.constant(ids(n)),
              fc.shuffledSubarray(ids(n), { minLength: n, maxLength: n }),
            ),
          ),
        ([current, target]) => {
          const moves = planMoves(current, target);
          expect(moves.reduce(applyMove, current)).toEqual(target);
          const kept = longestIncreasing(target.map((id) => current.indexOf(id))).length;
          const moved = moves.reduce((n, m) => n + m.numbers.length, 0);
          expect(moved).toBe(target.length - kept);
        },
      ),
    );
  });

  test("an ordered chain needs no move", () => {
    expect(planMoves(ids(5), ids(5))).toEqual([]);
  });

  test("moving the first rule to the end is one move without destination", () => {
    expect(planMoves(["*1", "*2", "*3"], ["*2", "*3", "*1"])).toEqual([{ numbers: ["*1"] }]);
  });

  test("consecutive movers share one call", () => {
    expect(planMoves(["*1", "*2", "*3", "*4"], ["*3", "*4", "*1", "*2"])).toHaveLength(1);
  });

  test("rejects a target that is not a permutation", () => {
    expect(() => planMoves(["*1"], ["*2"])).toThrow(/permutation/);
  });
});
