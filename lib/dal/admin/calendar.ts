import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, transaction } from "@/lib/db";
import { dayOfWeek, isLocalDate } from "@/lib/domain/local-time";
import { Invalid, NotFound } from "@/lib/errors";
import { invalidateReference } from "@/lib/dal/reference";
import { requireAdmin, writeAudit } from "@/lib/dal/admin/audit";
import { parseOrThrow } from "@/lib/validation/errors";
import { parseHolidayList } from "@/lib/domain/holiday-notice";
import { CALENDAR_KIND_LABELS, calendarDaySchema, calendarYearSchema, type CalendarKind } from "@/lib/validation/admin";

export type CalendarDayRow = { date: string; kind: CalendarKind; name: string; weekday: number };

/** One year's exceptions to the Monday–Friday week, and the years that have any. */
export async function listCalendarYear(actor: Actor, year: number): Promise<{ year: number; years: number[]; days: CalendarDayRow[] }> {
  requireAdmin(actor);
  const all = await db.calendarDay.findMany({ orderBy: { date: "asc" } });
  const years = [...new Set(all.map((d) => Number(d.date.slice(0, 4))))];
  const days = all
    .filter((d) => d.date.startsWith(`${year}-`))
    .map((d) => ({ date: d.date, kind: d.kind, name: d.name, weekday: dayOfWeek(d.date) }));
  return { year, years, days };
}

/** Adds a holiday or a 调休 working day. A date is one or the other, never both. */
export async function addCalendarDay(actor: Actor, raw: unknown): Promise<CalendarDayRow> {
  requireAdmin(actor);
  const input = parseOrThrow(calendarDaySchema, raw);
  const created = await transaction(async (tx) => {
    const existing = await tx.calendarDay.findUnique({ where: { date: input.date } });
    if (existing) {
      throw new Invalid([
        {
          field: "date",
          message:
            existing.kind === input.kind
              ? `${input.date} 已登记为${CALENDAR_KIND_LABELS[existing.kind]}「${existing.name}」`
              : `${input.date} 已登记为${CALENDAR_KIND_LABELS[existing.kind]}「${existing.name}」，同一天不能既放假又调休上班；如需更改，请先删除该条`,
        },
      ]);
    }
    const row = await tx.calendarDay.create({ data: input });
    await writeAudit(tx, actor, { entity: "CalendarDay", entityId: row.date, action: "CREATE", before: null, after: { ...row } });
    return { ...row, weekday: dayOfWeek(row.date) };
  });
  invalidateReference();
  return created;
}

/** Removes an exception: the date becomes an ordinary weekday or weekend day again. */
export async function removeCalendarDay(actor: Actor, date: string): Promise<{ date: string }> {
  requireAdmin(actor);
  if (!isLocalDate(date)) throw new Invalid([{ field: "date", message: "日期格式应为 YYYY-MM-DD" }]);
  await transaction(async (tx) => {
    const existing = await tx.calendarDay.findUnique({ where: { date } });
    if (!existing) throw new NotFound(`${date} 不在节假日日历中`);
    await tx.calendarDay.delete({ where: { date } });
    await writeAudit(tx, actor, { entity: "CalendarDay", entityId: date, action: "DELETE", before: { ...existing }, after: null });
  });
  invalidateReference();
  return { date };
}

export type CalendarYearSaved = { year: number; holidays: number; workdays: number; replaced: number };

/**
 * A whole year at once (the State Council notice pasted, or a list of dates): the year's
 * registrations are replaced by the list in one transaction, so the calendar is never half
 * old and half new. The text is parsed here again, with the rule the preview used
 * (lib/domain/holiday-notice.ts); any problem stores nothing.
 */
export async function replaceCalendarYear(actor: Actor, raw: unknown): Promise<CalendarYearSaved> {
  requireAdmin(actor);
  const input = parseOrThrow(calendarYearSchema, raw);
  const list = parseHolidayList(input.text, input.year);
  if (list.problems.length > 0) throw new Invalid(list.problems.map((message) => ({ field: "text", message })));
  const days = list.days.map((day) => parseOrThrow(calendarDaySchema, day));
  const prefix = `${list.year}-`;
  const replaced = await transaction(async (tx) => {
    const before = await tx.calendarDay.findMany({ where: { date: { startsWith: prefix } }, orderBy: { date: "asc" } });
    await tx.calendarDay.deleteMany({ where: { date: { startsWith: prefix } } });
    await tx.calendarDay.createMany({ data: days });
    await writeAudit(tx, actor, { entity: "CalendarDay", entityId: String(list.year), action: "UPDATE", before: { days: before }, after: { days } });
    return before.length;
  });
  invalidateReference();
  const holidays = days.filter((d) => d.kind === "HOLIDAY").length;
  return { year: list.year, holidays, workdays: days.length - holidays, replaced };
}
