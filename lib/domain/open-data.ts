// 数据公开 (/open): what the public page publishes, as Beijing publishes its monthly 接诉即办
// rankings — a brigade's figures for a whole year or one month, never for a period that has not
// begun, and never more than five figures per row (no ticket content, no personal data).
import type { Metrics } from "./metrics";
import { periodContaining, periodLabel, type Period } from "./periods";

/** The figures a citizen reads, in column order (DOMAIN.md §6 names). */
export const OPEN_METRICS = ["received", "closedRate", "responseRate", "resolutionRate", "satisfactionRate"] as const satisfies readonly (keyof Metrics)[];
export type OpenMetrics = Pick<Metrics, (typeof OPEN_METRICS)[number]>;

export function pickOpenMetrics(metrics: Metrics): OpenMetrics {
  const { received, closedRate, responseRate, resolutionRate, satisfactionRate } = metrics;
  return { received, closedRate, responseRate, resolutionRate, satisfactionRate };
}

/** A whole year (`month` null) or one month of it, 1–12. */
export type OpenPeriod = { year: number; month: number | null };

const yearOf = (today: string) => Number(today.slice(0, 4));
const monthOfDate = (today: string) => Number(today.slice(5, 7));

export function openPeriodRange(p: OpenPeriod): Period {
  const at = `${String(p.year).padStart(4, "0")}-${String(p.month ?? 1).padStart(2, "0")}-01`;
  return periodContaining(p.month === null ? "year" : "month", at);
}

/** 2022年 or 2022年3月. */
export function openPeriodLabel(p: OpenPeriod): string {
  return periodLabel(p.month === null ? "year" : "month", openPeriodRange(p));
}

/** Without a choice the page shows this year so far. */
export function defaultOpenPeriod(today: string): OpenPeriod {
  return { year: yearOf(today), month: null };
}

/** Why a period cannot be published on `today` (a local date), or null when it can. */
export function openPeriodProblem(p: OpenPeriod, today: string): string | null {
  if (p.year > yearOf(today)) return `${p.year}年尚未开始，只能查看本年度及以前的数据`;
  if (p.month !== null && p.year === yearOf(today) && p.month > monthOfDate(today)) {
    return `${p.year}年${p.month}月尚未开始，只能查看本月及以前的数据`;
  }
  return null;
}

/** The years the selector offers: from the first year with tickets up to this year. */
export function publishedYears(firstYear: number, today: string): number[] {
  const last = yearOf(today);
  const first = Math.min(firstYear, last);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The months of `year` the selector offers: every month that has begun by `today`. */
export function publishedMonths(year: number, today: string): number[] {
  const last = year < yearOf(today) ? 12 : year === yearOf(today) ? monthOfDate(today) : 0;
  return Array.from({ length: last }, (_, i) => i + 1);
}
