import { describe, expect, it } from "vitest";
import { defaultOpenPeriod, openPeriodLabel, openPeriodProblem, openPeriodRange, pickOpenMetrics, publishedMonths, publishedYears } from "./open-data";
import { emptyCounters, ratesOf } from "./metrics";

const TODAY = "2026-11-30";

describe("the periods /open publishes", () => {
  it("covers a whole year or one month, as half-open local date ranges", () => {
    expect(openPeriodRange({ year: 2022, month: null })).toEqual({ from: "2022-01-01", to: "2023-01-01" });
    expect(openPeriodRange({ year: 2022, month: 12 })).toEqual({ from: "2022-12-01", to: "2023-01-01" });
    expect(openPeriodLabel({ year: 2022, month: null })).toBe("2022年");
    expect(openPeriodLabel({ year: 2022, month: 3 })).toBe("2022年3月");
    expect(defaultOpenPeriod(TODAY)).toEqual({ year: 2026, month: null });
  });

  it("refuses a year or month that has not begun, with a Chinese message", () => {
    expect(openPeriodProblem({ year: 2026, month: 11 }, TODAY)).toBeNull();
    expect(openPeriodProblem({ year: 2026, month: null }, TODAY)).toBeNull();
    expect(openPeriodProblem({ year: 2021, month: 12 }, TODAY)).toBeNull();
    expect(openPeriodProblem({ year: 2026, month: 12 }, TODAY)).toBe("2026年12月尚未开始，只能查看本月及以前的数据");
    expect(openPeriodProblem({ year: 2027, month: null }, TODAY)).toBe("2027年尚未开始，只能查看本年度及以前的数据");
  });

  it("offers the years since the first ticket and the months begun so far", () => {
    expect(publishedYears(2022, TODAY)).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(publishedYears(2030, TODAY)).toEqual([2026]); // no tickets yet: this year only
    expect(publishedMonths(2025, TODAY)).toHaveLength(12);
    expect(publishedMonths(2026, TODAY)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(publishedMonths(2026, "2026-01-01")).toEqual([1]);
    expect(publishedMonths(2027, TODAY)).toEqual([]);
  });

  it("publishes five figures and nothing else", () => {
    const figures = pickOpenMetrics(ratesOf({ ...emptyCounters(), received: 3, closed: 2 }, { satisfactionBasicWeight: 1 }));
    expect(Object.keys(figures)).toEqual(["received", "closedRate", "responseRate", "resolutionRate", "satisfactionRate"]);
    expect(figures.closedRate).toEqual({ num: 2, den: 3, rate: 2 / 3 });
  });
});
