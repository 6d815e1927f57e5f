import { describe, expect, it } from "vitest";
import {
  localDayRange,
  addLocalDays,
  dayOfWeek,
  formatLocalDateTime,
  isLocalDate,
  localDateOf,
  localMidnight,
  parseLocalDateTime,
} from "./local-time";

describe("localDateOf", () => {
  it("puts 00:10 Shanghai on New Year's Day in the new year although UTC is still in the old one", () => {
    const instant = new Date("2022-12-31T16:10:00Z");
    expect(localDateOf(instant)).toBe("2023-01-01");
  });

  it("keeps 23:59 Shanghai on the same day", () => {
    expect(localDateOf(new Date("2022-12-31T15:59:59.999Z"))).toBe("2022-12-31");
  });
});

describe("localMidnight", () => {
  it("is 16:00 UTC of the previous day", () => {
    expect(localMidnight("2023-01-01").toISOString()).toBe("2022-12-31T16:00:00.000Z");
  });

  it("rejects impossible dates", () => {
    expect(() => localMidnight("2025-02-30")).toThrow(RangeError);
    expect(() => localMidnight("2025-1-3")).toThrow(RangeError);
  });
});

describe("addLocalDays and dayOfWeek", () => {
  it("crosses month, year and leap-day boundaries", () => {
    expect(addLocalDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addLocalDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addLocalDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("numbers days from Sunday", () => {
    expect(dayOfWeek("2026-09-20")).toBe(0);
    expect(dayOfWeek("2026-09-28")).toBe(1);
    expect(dayOfWeek("2026-10-10")).toBe(6);
  });
});

describe("isLocalDate", () => {
  it("accepts real dates only", () => {
    expect(isLocalDate("2024-02-29")).toBe(true);
    expect(isLocalDate("2025-02-29")).toBe(false);
    expect(isLocalDate("2025-13-01")).toBe(false);
    expect(isLocalDate("2025-01-01 ")).toBe(false);
  });
});

describe("parseLocalDateTime", () => {
  it("reads minutes and seconds as Shanghai time", () => {
    expect(parseLocalDateTime("2023-01-01 00:10")?.toISOString()).toBe("2022-12-31T16:10:00.000Z");
    expect(parseLocalDateTime("2026-09-30 10:00:30")?.toISOString()).toBe("2026-09-30T02:00:30.000Z");
  });

  it("rejects impossible or malformed values", () => {
    for (const text of [
      "2025-02-30 10:00",
      "2025-02-29 10:00",
      "2025-01-01 25:00",
      "2025-01-01 24:00",
      "2025-01-01 12:60",
      "2025-01-01 12:00:60",
      "2025-01-01T12:00",
      "2025-1-1 12:00",
      "",
    ]) {
      expect(parseLocalDateTime(text), text).toBeNull();
    }
  });
});

describe("formatLocalDateTime", () => {
  it("formats in Shanghai time and round-trips with parse", () => {
    expect(formatLocalDateTime(new Date("2022-12-31T16:10:00Z"))).toBe("2023-01-01 00:10");
    expect(formatLocalDateTime(parseLocalDateTime("2026-10-15 10:00")!)).toBe("2026-10-15 10:00");
  });
});

describe("localDayRange", () => {
  it("includes both days: from Shanghai midnight of the first to Shanghai midnight after the last", () => {
    expect(localDayRange({ from: "2026-01-31", to: "2026-02-28" })).toEqual({
      start: new Date("2026-01-30T16:00:00Z"),
      end: new Date("2026-02-28T16:00:00Z"),
    });
    expect(localDayRange({ to: "2026-12-31" })).toEqual({ start: undefined, end: new Date("2026-12-31T16:00:00Z") });
    expect(localDayRange({})).toEqual({ start: undefined, end: undefined });
  });
});
