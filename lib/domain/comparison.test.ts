import { describe, expect, it } from "vitest";
import { comparisonOf, withoutFutureMonths } from "./comparison";
import { periodContaining } from "./periods";

describe("comparisonOf", () => {
  it("compares a year under way with the same days last year, not the whole of last year", () => {
    const c = comparisonOf("year", periodContaining("year", "2026-11-30"), "2026-11-30");
    expect(c).toEqual({
      period: { from: "2025-01-01", to: "2025-12-01" },
      label: "2025年同期（2025-01-01 至 2025-11-30）",
      partial: true,
    });
  });

  it("compares a complete year with the year before", () => {
    expect(comparisonOf("year", periodContaining("year", "2022-06-01"), "2026-11-30")).toEqual({
      period: { from: "2021-01-01", to: "2022-01-01" },
      label: "2021年",
      partial: false,
    });
    // On the last day of a year the year is complete up to today: the whole year before.
    expect(comparisonOf("year", periodContaining("year", "2026-12-31"), "2026-12-31").period).toEqual({ from: "2025-01-01", to: "2026-01-01" });
  });

  it("compares a month with the same month last year (同比), a running month with its days so far", () => {
    expect(comparisonOf("month", periodContaining("month", "2022-03-10"), "2026-11-30")).toMatchObject({
      period: { from: "2021-03-01", to: "2021-04-01" },
      label: "2021年3月",
    });
    expect(comparisonOf("month", periodContaining("month", "2026-11-10"), "2026-11-10")).toEqual({
      period: { from: "2025-11-01", to: "2025-11-11" },
      label: "2025年11月同期（2025-11-01 至 2025-11-10）",
      partial: true,
    });
    expect(comparisonOf("quarter", periodContaining("quarter", "2026-11-10"), "2026-11-10").period).toEqual({ from: "2025-10-01", to: "2025-11-11" });
  });

  it("shifts a custom range by a year", () => {
    expect(comparisonOf("custom", { from: "2022-01-05", to: "2022-02-05" }, "2026-11-30")).toEqual({
      period: { from: "2021-01-05", to: "2021-02-05" },
      label: "2021-01-05 至 2021-02-04",
      partial: false,
    });
  });

  it("maps 29 February onto last February as a whole", () => {
    expect(comparisonOf("custom", { from: "2024-02-29", to: "2024-03-01" }, "2026-11-30").period).toEqual({ from: "2023-02-28", to: "2023-03-01" });
    expect(comparisonOf("year", periodContaining("year", "2024-02-28"), "2024-02-28").period).toEqual({ from: "2023-01-01", to: "2023-03-01" });
  });
});

describe("withoutFutureMonths", () => {
  it("drops the months still to come and keeps every month so far", () => {
    const rows = ["2026-10", "2026-11", "2026-12"].map((key) => ({ key, received: 0 }));
    expect(withoutFutureMonths(rows, "2026-11-30").map((r) => r.key)).toEqual(["2026-10", "2026-11"]);
    expect(withoutFutureMonths(rows, "2026-11-01").map((r) => r.key)).toEqual(["2026-10", "2026-11"]);
    expect(withoutFutureMonths(rows, "2027-01-02")).toHaveLength(3);
  });
});
