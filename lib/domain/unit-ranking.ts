// 红黑榜: units ranked by 满意率. 红榜 is the honour list (the best three), 黑榜 the list of the
// worst three. Rates compare exactly (cross-multiplied), not as rounded floats; equal rates share
// a rank (1, 2, 2, 4). A unit with no answered evaluation has no 满意率 and no rank, and 待派单
// (no unit yet) is not a unit: both are listed last.
import { UNASSIGNED_KEY, type Rate } from "./metrics";

export type RankableUnit = { key: string; received: number; satisfactionRate: Rate };
export type RankedUnit<T extends RankableUnit> = { row: T; rank: number | null; list: "red" | "black" | null };

/** How many units each list names. */
export const LIST_SIZE = 3;

const rankable = (row: RankableUnit) => row.key !== UNASSIGNED_KEY && row.satisfactionRate.den > 0;

/** Negative when a ranks before b: higher 满意率 first. */
function compare(a: RankableUnit, b: RankableUnit): number {
  return b.satisfactionRate.num * a.satisfactionRate.den - a.satisfactionRate.num * b.satisfactionRate.den;
}

export function rankBySatisfaction<T extends RankableUnit>(rows: readonly T[]): RankedUnit<T>[] {
  // More tickets first among equal rates: the same rate over more evaluations says more.
  const sorted = rows.filter(rankable).sort((a, b) => compare(a, b) || b.received - a.received);
  const ranks: number[] = [];
  sorted.forEach((row, i) => ranks.push(i > 0 && compare(sorted[i - 1]!, row) === 0 ? ranks[i - 1]! : i + 1));
  // Ties at a list's edge join the list.
  const blackFrom = ranks[Math.max(0, sorted.length - LIST_SIZE)] ?? Infinity;
  const ranked = sorted.map((row, i): RankedUnit<T> => {
    const rank = ranks[i]!;
    return { row, rank, list: rank <= LIST_SIZE ? "red" : rank >= blackFrom ? "black" : null };
  });
  return [...ranked, ...rows.filter((row) => !rankable(row)).map((row) => ({ row, rank: null, list: null }))];
}

/** One unit's place among all: 「第 3 / 12 名」; rank null when it has no 满意率 to rank by. */
export type Standing = { rank: number | null; of: number };

export function standingOf(rows: readonly RankableUnit[], key: string): Standing {
  const ranked = rankBySatisfaction(rows);
  return { rank: ranked.find((r) => r.row.key === key)?.rank ?? null, of: ranked.filter((r) => r.rank !== null).length };
}
