// Reporting periods (DOMAIN.md §6): half-open ranges [from, to) of Shanghai calendar days. A
// ticket belongs to the period its receipt falls in, read on the local calendar — received
// 2023-01-01 00:10 in Shanghai (2022-12-31 16:10 UTC) is a 2023 ticket.

import { addLocalDays, isLocalDate, localDateOf, localMidnight } from "./local-time";

const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * 3_600_000;

/** [from, to) as local dates "YYYY-MM-DD"; `to` is the first day not included. */
export type Period = { from: string; to: string };

export const PERIOD_KINDS = ["month", "quarter", "year", "custom"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/**
 * The local day an instant falls in, as days since 1970-01-01 (the aggregates' `day` column):
 * integer arithmetic the database can do too — floor((ms + 8 h) / 24 h).
 */
export function localDayNumber(instant: Date): number {
  return Math.floor((instant.getTime() + OFFSET_MS) / DAY_MS);
}

export function dayNumberOfDate(date: string): number {
  return localDayNumber(localMidnight(date));
}

export function dateOfDayNumber(day: number): string {
  return localDateOf(new Date(day * DAY_MS - OFFSET_MS));
}

/** "YYYY-MM" of a local date or day number. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

function firstOfMonth(year: number, month: number): string {
  // Normalise month overflow (13 → January of next year, 0 → December of the year before).
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-01`;
}

function yearMonth(date: string): [number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
}

/** The month, quarter or year containing `date`. */
export function periodContaining(kind: Exclude<PeriodKind, "custom">, date: string): Period {
  const [y, m] = yearMonth(date);
  if (kind === "month") return { from: firstOfMonth(y, m), to: firstOfMonth(y, m + 1) };
  if (kind === "quarter") {
    const start = m - ((m - 1) % 3);
    return { from: firstOfMonth(y, start), to: firstOfMonth(y, start + 3) };
  }
  return { from: firstOfMonth(y, 1), to: firstOfMonth(y + 1, 1) };
}

/** The period of the same kind just before: the month, quarter or year before, or for a custom
 * range the range of the same number of days ending where this one starts. */
export function previousPeriod(kind: PeriodKind, period: Period): Period {
  if (kind === "custom") {
    const days = dayNumberOfDate(period.to) - dayNumberOfDate(period.from);
    return { from: addLocalDays(period.from, -days), to: period.from };
  }
  return periodContaining(kind, addLocalDays(period.from, -1));
}

/** The period of the same kind just after: the inverse of previousPeriod. */
export function nextPeriod(kind: PeriodKind, period: Period): Period {
  if (kind === "custom") {
    const days = dayNumberOfDate(period.to) - dayNumberOfDate(period.from);
    return { from: period.to, to: addLocalDays(period.to, days) };
  }
  return periodContaining(kind, period.to);
}

/** The narrowest kind a period is exactly (a month, quarter or year), else custom. */
export function kindOfPeriod(period: Period): PeriodKind {
  for (const kind of ["month", "quarter", "year"] as const) {
    const p = periodContaining(kind, period.from);
    if (p.from === period.from && p.to === period.to) return kind;
  }
  return "custom";
}

/** A month as the aggregates' integer key: "2025-03" → 202503. */
export function monthNumber(month: string): number {
  return Number(month.slice(0, 4)) * 100 + Number(month.slice(5, 7));
}

export function monthOfNumber(n: number): string {
  return `${String(Math.floor(n / 100)).padStart(4, "0")}-${String(n % 100).padStart(2, "0")}`;
}

/**
 * Splits a period into whole months (read from the monthly aggregates) and the days around them
 * (read from the daily ones): a year is 12 monthly buckets instead of 365 daily ones.
 */
export function splitByMonths(period: Period): { months: Period | null; days: Period[] } {
  const firstWhole = period.from.endsWith("-01") ? period.from : periodContaining("month", period.from).to;
  const wholeEnd = periodContaining("month", period.to).from;
  if (firstWhole >= wholeEnd) return { months: null, days: [period] };
  const days: Period[] = [];
  if (period.from < firstWhole) days.push({ from: period.from, to: firstWhole });
  if (wholeEnd < period.to) days.push({ from: wholeEnd, to: period.to });
  return { months: { from: firstWhole, to: wholeEnd }, days };
}

/** "YYYY-MM" of every month the period touches, in order. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  const last = monthOf(addLocalDays(period.to, -1));
  const [y, first] = yearMonth(period.from);
  // firstOfMonth carries month 13 into January of the next year.
  for (let m = first, month = monthOf(period.from); month <= last; month = monthOf(firstOfMonth(y, ++m))) {
    months.push(month);
  }
  return months;
}

export function isValidPeriod(period: Period): boolean {
  return isLocalDate(period.from) && isLocalDate(period.to) && period.from < period.to;
}

/** 2022年、2022年第1季度、2022年1月、2022-01-05 至 2022-02-04. */
export function periodLabel(kind: PeriodKind, period: Period): string {
  const [y, m] = yearMonth(period.from);
  if (kind === "year") return `${y}年`;
  if (kind === "quarter") return `${y}年第${Math.floor((m - 1) / 3) + 1}季度`;
  if (kind === "month") return `${y}年${m}月`;
  return `${period.from} 至 ${addLocalDays(period.to, -1)}`;
}
