// What the dashboard and the reports compare a period with: 同比, the same days of the year
// before. A year, quarter or month still under way is compared with the same days last year
// (2026-01-01 … 11-30 with 2025-01-01 … 11-30), never with the whole of last year, which would make
// every running year look like a fall. A complete period is compared with the same period a
// year earlier (2022 with 2021, 2022年3月 with 2021年3月): seasonal traffic makes the month
// before a poor yardstick for leaders.
import { addLocalDays } from "./local-time";
import { monthOf, periodLabel, type Period, type PeriodKind } from "./periods";

/** How the comparison is labelled on the dashboard and in the reports. */
export const COMPARISON_BASIS = "同比（去年同期）";

export type Comparison = {
  /** The days compared with, [from, to) like every period. */
  period: Period;
  /** 「2021年」, 「2025年同期（2025-01-01 至 2025-11-30）」, 「2021-01-05 至 2021-02-04」. */
  label: string;
  /** Whether the period is still under way, so only its days up to today are compared. */
  partial: boolean;
};

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * The same calendar date a year earlier. 29 February has none: as a first day it becomes
 * 28 February, as an exclusive end 1 March — so the shifted range still covers last February.
 */
function yearEarlier(date: string, asEnd: boolean): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  const shifted = `${pad(y - 1, 4)}-${pad(m)}-${pad(Math.min(d, lastDay))}`;
  return asEnd && d > lastDay ? addLocalDays(shifted, 1) : shifted;
}

/** The comparison for `period` as seen on `today` (a local date). */
export function comparisonOf(kind: PeriodKind, period: Period, today: string): Comparison {
  const tomorrow = addLocalDays(today, 1);
  const partial = period.from < tomorrow && tomorrow < period.to;
  const compared = { from: yearEarlier(period.from, false), to: yearEarlier(partial ? tomorrow : period.to, true) };
  const days = `${compared.from} 至 ${addLocalDays(compared.to, -1)}`;
  if (kind === "custom") return { period: compared, label: days, partial };
  if (!partial) return { period: compared, label: periodLabel(kind, compared), partial };
  const whole = { from: compared.from, to: yearEarlier(period.to, true) };
  return { period: compared, label: `${periodLabel(kind, whole)}同期（${days}）`, partial };
}

/**
 * A trend without the months that have not begun: December of a running year is empty because
 * it is still to come, not because nothing happened.
 */
export function withoutFutureMonths<Row extends { key: string }>(rows: readonly Row[], today: string): Row[] {
  const current = monthOf(today);
  return rows.filter((row) => row.key <= current);
}
