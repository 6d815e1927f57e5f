// 整年导入: the State Council notice pasted whole replaces the year's calendar in one transaction;
// anything the parser cannot take stores nothing.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { listCalendarYear, replaceCalendarYear } from "@/lib/dal/admin/calendar";
import { db } from "@/lib/db";
import { loadOfficialCalendar } from "@/lib/domain/calendar";
import { Forbidden, Invalid } from "@/lib/errors";
import { actorOf } from "../support/actors";

const official = loadOfficialCalendar(JSON.parse(readFileSync(new URL("../../prisma/data/holidays-cn.json", import.meta.url), "utf8")));

const NOTICE_2026 = `国务院办公厅关于2026年部分节假日安排的通知
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。`;

let admin: Actor;
beforeAll(async () => {
  admin = await actorOf("admin");
});

const yearRows = async (year: number) => (await listCalendarYear(admin, year)).days.map(({ date, kind, name }) => ({ date, kind, name }));

describe("replaceCalendarYear", () => {
  it("replaces a year with the notice's dates in one go and records it", async () => {
    await db.calendarDay.create({ data: { date: "2026-03-02", kind: "HOLIDAY", name: "误登记" } });
    const saved = await replaceCalendarYear(admin, { year: 2026, text: NOTICE_2026 });
    const expected = official.filter((d) => d.date.startsWith("2026-")).sort((a, b) => a.date.localeCompare(b.date));
    expect(saved).toMatchObject({ year: 2026, holidays: expected.filter((d) => d.kind === "HOLIDAY").length, workdays: 6 });
    expect(saved.replaced).toBe(expected.length + 1);
    expect(await yearRows(2026)).toEqual(expected);
    // Other years are untouched.
    expect((await yearRows(2025)).length).toBeGreaterThan(0);
    const audit = await db.auditEntry.findFirst({ where: { entity: "CalendarDay", entityId: "2026", action: "UPDATE" } });
    expect(audit?.actorId).toBe(admin.userId);
  });

  it("saves a list of dates for a new year", async () => {
    const saved = await replaceCalendarYear(admin, { year: 2027, text: "2027-01-01,休,元旦\n2027-02-06,班" });
    expect(saved).toEqual({ year: 2027, holidays: 1, workdays: 1, replaced: 0 });
    expect(await yearRows(2027)).toEqual([
      { date: "2027-01-01", kind: "HOLIDAY", name: "元旦" },
      { date: "2027-02-06", kind: "WORKDAY", name: "调休上班" },
    ]);
  });

  it("stores nothing when any line is wrong, and refuses non-administrators", async () => {
    const before = await yearRows(2025);
    const attempt = replaceCalendarYear(admin, { year: 2025, text: "2025-01-01,休,元旦\n2025-01-08,班" });
    await expect(attempt).rejects.toThrow(Invalid);
    await expect(attempt).rejects.toMatchObject({ errors: [{ field: "text", message: "2025-01-08 不是周六或周日，不能登记为调休上班日" }] });
    await expect(replaceCalendarYear(admin, { year: 2025, text: "  " })).rejects.toThrow(Invalid);
    expect(await yearRows(2025)).toEqual(before);
    await expect(replaceCalendarYear(await actorOf("manager"), { year: 2025, text: "2025-01-01,休" })).rejects.toThrow(Forbidden);
  });
});
