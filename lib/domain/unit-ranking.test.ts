import { describe, expect, it } from "vitest";
import { UNASSIGNED_KEY } from "./metrics";
import { rankBySatisfaction, standingOf } from "./unit-ranking";

const unit = (key: string, num: number, den: number, received = 10) => ({ key, received, satisfactionRate: { num, den, rate: den ? num / den : null } });
const summary = (rows: ReturnType<typeof unit>[]) => rankBySatisfaction(rows).map((r) => [r.row.key, r.rank, r.list]);

describe("rankBySatisfaction", () => {
  it("ranks six units best first: three on 红榜, three on 黑榜", () => {
    const rows = [unit("A", 5, 10), unit("B", 9, 10), unit("C", 7, 10), unit("D", 8, 10), unit("E", 6, 10), unit("F", 10, 10)];
    expect(summary(rows)).toEqual([
      ["F", 1, "red"],
      ["B", 2, "red"],
      ["D", 3, "red"],
      ["C", 4, "black"],
      ["E", 5, "black"],
      ["A", 6, "black"],
    ]);
  });

  it("compares rates exactly and lets equal rates share a rank, more tickets first", () => {
    const rows = [unit("A", 1, 3, 5), unit("B", 2, 6, 9), unit("C", 1, 1), unit("D", 0, 2)];
    expect(summary(rows)).toEqual([
      ["C", 1, "red"],
      ["B", 2, "red"],
      ["A", 2, "red"],
      ["D", 4, "black"],
    ]);
  });

  it("puts units without evaluations and 待派单 last, unranked and on no list", () => {
    const rows = [unit(UNASSIGNED_KEY, 3, 3), unit("A", 0, 0), unit("B", 1, 2)];
    expect(summary(rows)).toEqual([
      ["B", 1, "red"],
      [UNASSIGNED_KEY, null, null],
      ["A", null, null],
    ]);
  });

  it("names nobody when nothing was evaluated", () => {
    expect(summary([unit("A", 0, 0), unit("B", 0, 0)])).toEqual([
      ["A", null, null],
      ["B", null, null],
    ]);
    expect(rankBySatisfaction([])).toEqual([]);
  });
});

describe("standingOf", () => {
  it("gives one unit's rank among the ranked units", () => {
    const rows = [unit("A", 5, 10), unit("B", 9, 10), unit("C", 0, 0), unit(UNASSIGNED_KEY, 1, 1)];
    expect(standingOf(rows, "A")).toEqual({ rank: 2, of: 2 });
    expect(standingOf(rows, "B")).toEqual({ rank: 1, of: 2 });
    // No evaluation, no 满意率: not ranked, but the count of ranked units still stands.
    expect(standingOf(rows, "C")).toEqual({ rank: null, of: 2 });
  });
});
