import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadOfficialCalendar, WorkCalendar } from "./calendar";
import { parseLocalDateTime } from "./local-time";

const official = JSON.parse(readFileSync(new URL("../../prisma/data/holidays-cn.json", import.meta.url), "utf8"));
const calendar = new WorkCalendar(loadOfficialCalendar(official));

/** Shanghai local "YYYY-MM-DD HH:mm" → instant. */
function sh(text: string): Date {
  const instant = parseLocalDateTime(text);
  if (!instant) throw new Error(`bad test time ${text}`);
  return instant;
}

describe("loadOfficialCalendar", () => {
  it("names holidays by their festival and make-up days as 调休上班", () => {
    const exceptions = loadOfficialCalendar(official);
    expect(exceptions).toContainEqual({ date: "2026-10-01", kind: "HOLIDAY", name: "国庆节" });
    expect(exceptions).toContainEqual({ date: "2026-09-25", kind: "HOLIDAY", name: "中秋节" });
    expect(exceptions).toContainEqual({ date: "2026-10-10", kind: "WORKDAY", name: "调休上班" });
    expect(exceptions.filter((e) => e.kind === "WORKDAY")).toHaveLength(11);
  });

  it("rejects a malformed file with a clear error", () => {
    expect(() => loadOfficialCalendar(null)).toThrow(/节假日文件格式错误/);
    expect(() => loadOfficialCalendar({ source: "x" })).toThrow(/没有年份/);
    expect(() => loadOfficialCalendar({ 2026: { holidays: { 元旦: ["2026-02-30"] }, workdays: [] } })).toThrow(
      /2026[\s\S]*有效日期/,
    );
    expect(() => loadOfficialCalendar({ 2026: { holidays: {} } })).toThrow(/workdays/);
    expect(() =>
      loadOfficialCalendar({ 2026: { holidays: { 元旦: ["2026-01-04"] }, workdays: ["2026-01-04"] } }),
    ).toThrow(/2026-01-04/);
  });
});

describe("WorkCalendar.isWorkingDay", () => {
  it("follows Monday–Friday outside the exceptions", () => {
    expect(calendar.isWorkingDay("2026-09-28")).toBe(true); // Monday
    expect(calendar.isWorkingDay("2026-10-17")).toBe(false); // Saturday
    expect(calendar.isWorkingDay("2026-10-18")).toBe(false); // Sunday
  });

  it("treats holidays as days off, even on a weekday", () => {
    expect(calendar.isWorkingDay("2026-09-25")).toBe(false); // Friday, 中秋
    expect(calendar.isWorkingDay("2026-10-01")).toBe(false);
    expect(calendar.isWorkingDay("2025-01-01")).toBe(false);
  });

  it("treats 调休 weekend days as working days", () => {
    expect(calendar.isWorkingDay("2026-10-10")).toBe(true); // Saturday
    expect(calendar.isWorkingDay("2026-09-20")).toBe(true); // Sunday
  });
});

describe("WorkCalendar.addWorkingDays", () => {
  it("keeps the hour of receipt on a working day", () => {
    expect(calendar.addWorkingDays(sh("2026-09-28 15:00"), 1)).toEqual(sh("2026-09-29 15:00"));
    expect(calendar.addWorkingDays(sh("2026-11-06 15:00"), 1)).toEqual(sh("2026-11-09 15:00")); // Fri → Mon
  });

  it("starts the clock at 00:00 of the next working day when received on a holiday (国庆 2026)", () => {
    // 9-25 is 中秋; working days 9-28, 9-29, 9-30, 10-08, 10-09, 10-10 (调休), 10-12.
    expect(calendar.addWorkingDays(sh("2026-09-25 15:00"), 7)).toEqual(sh("2026-10-13 00:00"));
    expect(calendar.addWorkingDays(sh("2026-09-26 09:00"), 7)).toEqual(sh("2026-10-13 00:00"));
  });

  it("counts across the 国庆 break and the 调休 Saturday from a working-day receipt", () => {
    expect(calendar.addWorkingDays(sh("2026-09-30 10:00"), 7)).toEqual(sh("2026-10-15 10:00"));
    expect(calendar.addWorkingDays(sh("2026-09-30 10:00"), 3)).toEqual(sh("2026-10-10 10:00"));
  });

  it("returns the start unchanged for zero days on a working day, else the next working midnight", () => {
    expect(calendar.addWorkingDays(sh("2026-09-30 10:00"), 0)).toEqual(sh("2026-09-30 10:00"));
    expect(calendar.addWorkingDays(sh("2026-10-03 10:00"), 0)).toEqual(sh("2026-10-08 00:00"));
  });

  it("ends at 24:00 when received at a working day's midnight", () => {
    expect(calendar.addWorkingDays(sh("2026-10-09 00:00"), 1)).toEqual(sh("2026-10-10 00:00"));
    expect(calendar.addWorkingDays(sh("2026-10-09 00:00"), 2)).toEqual(sh("2026-10-11 00:00"));
  });

  it("rejects negative amounts", () => {
    expect(() => calendar.addWorkingDays(sh("2026-09-30 10:00"), -1)).toThrow(RangeError);
  });

  it("gives up on a calendar with no working day in sight", () => {
    const allOff = Array.from({ length: 400 }, (_, i) => ({
      date: new Date(Date.UTC(2030, 0, 1 + i)).toISOString().slice(0, 10),
      kind: "HOLIDAY" as const,
    }));
    expect(() => new WorkCalendar(allOff).addWorkingDays(sh("2030-01-01 10:00"), 1)).toThrow(/No working day/);
  });
});

describe("WorkCalendar.addWorkingHours", () => {
  it("skips the weekend for the 2-working-hour return window", () => {
    expect(calendar.addWorkingHours(sh("2026-11-06 23:00"), 2)).toEqual(sh("2026-11-09 01:00"));
    expect(calendar.addWorkingHours(sh("2026-11-07 10:00"), 2)).toEqual(sh("2026-11-09 02:00"));
    expect(calendar.addWorkingHours(sh("2026-11-09 10:30"), 2)).toEqual(sh("2026-11-09 12:30"));
  });
});

describe("WorkCalendar.workingHoursBetween", () => {
  it("counts nothing for the weekend", () => {
    expect(calendar.workingHoursBetween(sh("2026-11-06 22:00"), sh("2026-11-09 03:00"))).toBe(5);
  });

  it("counts the 调休 Saturday and skips the holiday week", () => {
    expect(calendar.workingHoursBetween(sh("2026-09-30 10:00"), sh("2026-10-15 10:00"))).toBe(7 * 24);
    expect(calendar.workingHoursBetween(sh("2026-10-01 00:00"), sh("2026-10-08 00:00"))).toBe(0);
  });

  it("is zero for an empty span and negative when reversed", () => {
    expect(calendar.workingHoursBetween(sh("2026-09-30 10:00"), sh("2026-09-30 10:00"))).toBe(0);
    expect(calendar.workingHoursBetween(sh("2026-09-30 12:00"), sh("2026-09-30 10:30"))).toBe(-1.5);
  });
});
