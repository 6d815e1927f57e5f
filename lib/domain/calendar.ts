import { z } from "zod";
import { addLocalDays, dayOfWeek, isLocalDate, localDateOf, localMidnight } from "./local-time";

/** A day that breaks the Monday–Friday rule: a public holiday (节假日) or a make-up working weekend day (调休上班). */
export type CalendarException = { date: string; kind: "HOLIDAY" | "WORKDAY"; name?: string };

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** The longest run of days off we accept before deciding the calendar is broken. */
const MAX_SEARCH_DAYS = 366;

/**
 * The working-day calendar (工作日历) used for time limits.
 *
 * Model: working time is a clock that runs only on working days, and runs for all 24 hours of
 * them. A limit of n working days is therefore "n × 24 hours of working time", which gives the
 * answers the hotline expects:
 *
 * - received on a working day at 15:00, 5 working days later is 15:00 on the 5th following
 *   working day — the unit gets five full days, whatever the hour of receipt;
 * - received on a weekend or holiday, the clock starts at 00:00 of the next working day and the
 *   limit ends at 24:00 (00:00 of the next calendar day) of the n-th working day — a ticket that
 *   arrives on Saturday gets the same time as one that arrives at Monday 00:00, not less;
 * - holidays pause the clock and 调休 weekends run it, exactly as for the staff on duty.
 *
 * We deliberately do not model office hours: the hotline and the duty desks run around the
 * clock, and whole days keep deadlines readable ("办结时限 10月15日 10:00").
 */
export class WorkCalendar {
  private readonly exceptions = new Map<string, CalendarException["kind"]>();

  constructor(exceptions: CalendarException[]) {
    for (const e of exceptions) {
      if (!isLocalDate(e.date)) throw new RangeError(`Calendar exception has an invalid date: "${e.date}"`);
      const existing = this.exceptions.get(e.date);
      if (existing && existing !== e.kind) {
        throw new RangeError(`Calendar date ${e.date} is listed both as a holiday and as a working day`);
      }
      this.exceptions.set(e.date, e.kind);
    }
  }

  isWorkingDay(date: string): boolean {
    const kind = this.exceptions.get(date);
    if (kind) return kind === "WORKDAY";
    const dow = dayOfWeek(date);
    return dow >= 1 && dow <= 5;
  }

  /** The instant at which `days` × 24 working hours have accrued since `from`. */
  addWorkingDays(from: Date, days: number): Date {
    return this.addWorkingHours(from, days * 24);
  }

  /** The instant at which `hours` working hours have accrued since `from` (see the class comment). */
  addWorkingHours(from: Date, hours: number): Date {
    if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`Working hours must be ≥ 0, got ${hours}`);
    let remaining = hours * HOUR_MS;
    let date = localDateOf(from);
    let t = from.getTime();
    if (!this.isWorkingDay(date)) {
      date = this.nextWorkingDay(date);
      t = localMidnight(date).getTime();
    }
    for (;;) {
      const dayEnd = localMidnight(date).getTime() + DAY_MS;
      // "<=": a limit that uses up the day exactly ends at 24:00 of that day, not at 00:00 of the
      // next working day.
      if (remaining <= dayEnd - t) return new Date(t + remaining);
      remaining -= dayEnd - t;
      date = this.nextWorkingDay(date);
      t = localMidnight(date).getTime();
    }
  }

  /** Working hours elapsed from `from` to `to` (negative when `to` is earlier). */
  workingHoursBetween(from: Date, to: Date): number {
    if (to < from) return -this.workingHoursBetween(to, from);
    const end = to.getTime();
    let ms = 0;
    for (let date = localDateOf(from); ; date = addLocalDays(date, 1)) {
      const dayStart = localMidnight(date).getTime();
      if (dayStart >= end) break;
      if (this.isWorkingDay(date)) {
        ms += Math.min(end, dayStart + DAY_MS) - Math.max(from.getTime(), dayStart);
      }
    }
    return ms / HOUR_MS;
  }

  /** Memo of nextWorkingDay: intake and imports ask about the same few hundred dates. */
  private readonly nextWorkingDayCache = new Map<string, string>();

  /** The first working day strictly after `date`. */
  private nextWorkingDay(date: string): string {
    let next = this.nextWorkingDayCache.get(date);
    if (next === undefined) {
      next = this.findNextWorkingDay(date);
      this.nextWorkingDayCache.set(date, next);
    }
    return next;
  }

  private findNextWorkingDay(date: string): string {
    let d = date;
    for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
      d = addLocalDays(d, 1);
      if (this.isWorkingDay(d)) return d;
    }
    throw new Error(`No working day within ${MAX_SEARCH_DAYS} days after ${date}: check the calendar exceptions`);
  }
}

const localDate = z.string().refine(isLocalDate, { message: "应为有效日期 YYYY-MM-DD" });
const officialYear = z.object({
  holidays: z.record(z.string().min(1), z.array(localDate)),
  workdays: z.array(localDate),
});
const officialFile = z
  .record(z.string(), z.unknown())
  .refine((file) => Object.keys(file).some((key) => /^\d{4}$/.test(key)), { message: "文件中没有年份" });

/**
 * Reads the State Council holiday notice format (prisma/data/holidays-cn.json): per year,
 * `holidays` maps a festival name to its days off and `workdays` lists the 调休 weekend days.
 * Keys that are not years ("source", "note") are ignored.
 */
export function loadOfficialCalendar(json: unknown): CalendarException[] {
  const exceptions: CalendarException[] = [];
  try {
    const file = officialFile.parse(json);
    for (const [year, value] of Object.entries(file)) {
      if (!/^\d{4}$/.test(year)) continue;
      const parsed = officialYear.safeParse(value);
      if (!parsed.success) throw new Error(`${year}: ${z.prettifyError(parsed.error)}`);
      for (const [name, dates] of Object.entries(parsed.data.holidays)) {
        for (const date of dates) exceptions.push({ date, kind: "HOLIDAY", name });
      }
      for (const date of parsed.data.workdays) exceptions.push({ date, kind: "WORKDAY", name: "调休上班" });
    }
    new WorkCalendar(exceptions); // rejects a date listed both as holiday and as working day
  } catch (error) {
    const detail = error instanceof z.ZodError ? z.prettifyError(error) : (error as Error).message;
    throw new Error(`节假日文件格式错误 (invalid holiday calendar file): ${detail}`);
  }
  return exceptions;
}
