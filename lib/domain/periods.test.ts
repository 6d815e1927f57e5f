import { describe, expect, it } from "vitest";
import {
  dateOfDayNumber,
  dayNumberOfDate,
  isValidPeriod,
  kindOfPeriod,
  localDayNumber,
  monthsOf,
  nextPeriod,
  periodContaining,
  periodLabel,
  previousPeriod,
  type Period,
  type PeriodKind,
} from "./periods";

describe("local days", () => {
  it("reads an instant on the Shanghai calendar", () => {
    // 2023-01-01 00:10 in Shanghai is 2022-12-31 16:10 UTC: a 2023 ticket.
    expect(dateOfDayNumber(localDayNumber(new Date("2022-12-31T16:10:00Z")))).toBe("2023-01-01");
    expect(dateOfDayNumber(localDayNumber(new Date("2022-12-31T15:59:59Z")))).toBe("2022-12-31");
    expect(dayNumberOfDate("1970-01-01")).toBe(0);
    expect(dateOfDayNumber(dayNumberOfDate("2024-02-29"))).toBe("2024-02-29");
  });
});

describe("periodContaining", () => {
  it("finds the month, quarter and year of a date", () => {
    expect(periodContaining("month", "2024-02-29")).toEqual({ from: "2024-02-01", to: "2024-03-01" });
    expect(periodContaining("month", "2022-12-31")).toEqual({ from: "2022-12-01", to: "2023-01-01" });
    expect(periodContaining("quarter", "2022-11-15")).toEqual({ from: "2022-10-01", to: "2023-01-01" });
    expect(periodContaining("quarter", "2022-04-01")).toEqual({ from: "2022-04-01", to: "2022-07-01" });
    expect(periodContaining("year", "2022-07-01")).toEqual({ from: "2022-01-01", to: "2023-01-01" });
  });
});

describe("previousPeriod", () => {
  it("steps back across year ends, and moves a custom range by its own length", () => {
    expect(previousPeriod("month", { from: "2023-01-01", to: "2023-02-01" })).toEqual({ from: "2022-12-01", to: "2023-01-01" });
    expect(previousPeriod("quarter", { from: "2023-01-01", to: "2023-04-01" })).toEqual({ from: "2022-10-01", to: "2023-01-01" });
    expect(previousPeriod("year", { from: "2023-01-01", to: "2024-01-01" })).toEqual({ from: "2022-01-01", to: "2023-01-01" });
    expect(previousPeriod("custom", { from: "2022-02-05", to: "2022-03-08" })).toEqual({ from: "2022-01-05", to: "2022-02-05" });
  });
});

describe("nextPeriod", () => {
  it("steps a month, quarter or year forward across year ends", () => {
    expect(nextPeriod("month", { from: "2022-12-01", to: "2023-01-01" })).toEqual({ from: "2023-01-01", to: "2023-02-01" });
    expect(nextPeriod("quarter", { from: "2022-10-01", to: "2023-01-01" })).toEqual({ from: "2023-01-01", to: "2023-04-01" });
    expect(nextPeriod("year", { from: "2022-01-01", to: "2023-01-01" })).toEqual({ from: "2023-01-01", to: "2024-01-01" });
  });

  it("moves a custom range by its own length", () => {
    expect(nextPeriod("custom", { from: "2022-01-05", to: "2022-02-05" })).toEqual({ from: "2022-02-05", to: "2022-03-08" });
  });

  it("undoes previousPeriod", () => {
    const cases: [PeriodKind, Period][] = [
      ["month", { from: "2024-03-01", to: "2024-04-01" }],
      ["quarter", { from: "2024-01-01", to: "2024-04-01" }],
      ["year", { from: "2024-01-01", to: "2025-01-01" }],
      ["custom", { from: "2024-02-20", to: "2024-03-02" }],
    ];
    for (const [kind, period] of cases) expect(nextPeriod(kind, previousPeriod(kind, period))).toEqual(period);
  });
});

describe("kindOfPeriod", () => {
  it("recognises exact months, quarters and years, and calls anything else custom", () => {
    expect(kindOfPeriod({ from: "2022-02-01", to: "2022-03-01" })).toBe("month");
    expect(kindOfPeriod({ from: "2022-04-01", to: "2022-07-01" })).toBe("quarter");
    expect(kindOfPeriod({ from: "2022-01-01", to: "2023-01-01" })).toBe("year");
    expect(kindOfPeriod({ from: "2022-02-01", to: "2022-04-01" })).toBe("custom");
    expect(kindOfPeriod({ from: "2022-02-02", to: "2022-03-02" })).toBe("custom");
  });
});

describe("monthsOf", () => {
  it("lists every month a period touches, across year ends", () => {
    expect(monthsOf({ from: "2022-11-15", to: "2023-02-01" })).toEqual(["2022-11", "2022-12", "2023-01"]);
    expect(monthsOf({ from: "2022-01-01", to: "2023-01-01" })).toHaveLength(12);
    expect(monthsOf({ from: "2022-03-05", to: "2022-03-06" })).toEqual(["2022-03"]);
  });
});

describe("periodLabel and isValidPeriod", () => {
  it("names periods the way reports do", () => {
    expect(periodLabel("year", { from: "2022-01-01", to: "2023-01-01" })).toBe("2022年");
    expect(periodLabel("quarter", { from: "2022-04-01", to: "2022-07-01" })).toBe("2022年第2季度");
    expect(periodLabel("month", { from: "2022-01-01", to: "2022-02-01" })).toBe("2022年1月");
    expect(periodLabel("custom", { from: "2022-01-05", to: "2022-02-05" })).toBe("2022-01-05 至 2022-02-04");
  });

  it("accepts only real, non-empty ranges", () => {
    expect(isValidPeriod({ from: "2022-01-01", to: "2022-01-02" })).toBe(true);
    expect(isValidPeriod({ from: "2022-01-02", to: "2022-01-02" })).toBe(false);
    expect(isValidPeriod({ from: "2022-02-30", to: "2022-03-02" })).toBe(false);
  });
});
