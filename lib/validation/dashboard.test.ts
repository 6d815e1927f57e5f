import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { dashboardHref, dashboardQuerySchema, drilldownHref, firstParams } from "./dashboard";
import { drilldownQuerySchema } from "./metrics";

const parse = (params: Record<string, string | string[] | undefined>) => dashboardQuerySchema.safeParse(params);
const messages = (params: Record<string, string | string[] | undefined>) => {
  const result = parse(params);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

beforeEach(() => {
  vi.useFakeTimers();
  // 2026-03-31 23:30 in Shanghai is still the 31st there, though UTC has it at 15:30.
  vi.setSystemTime(new Date("2026-03-31T15:30:00Z"));
});
afterEach(() => vi.useRealTimers());

describe("dashboardQuerySchema", () => {
  it("defaults to this year, read on the Shanghai calendar", () => {
    expect(parse({}).data).toEqual({ kind: "year", period: { from: "2026-01-01", to: "2027-01-01" } });
    vi.setSystemTime(new Date("2026-12-31T16:30:00Z")); // 2027-01-01 00:30 in Shanghai
    expect(parse({}).data).toEqual({ kind: "year", period: { from: "2027-01-01", to: "2028-01-01" } });
  });

  it("takes the month, quarter or year containing `at`, and today's when `at` is absent", () => {
    expect(parse({ kind: "month", at: "2022-02-14" }).data?.period).toEqual({ from: "2022-02-01", to: "2022-03-01" });
    expect(parse({ kind: "quarter", at: "2022-05-31" }).data?.period).toEqual({ from: "2022-04-01", to: "2022-07-01" });
    expect(parse({ kind: "year", at: "2022-12-31" }).data?.period).toEqual({ from: "2022-01-01", to: "2023-01-01" });
    expect(parse({ kind: "month" }).data?.period).toEqual({ from: "2026-03-01", to: "2026-04-01" });
    expect(parse({ kind: "quarter", at: " " }).data?.period).toEqual({ from: "2026-01-01", to: "2026-04-01" });
  });

  it("turns a custom range's inclusive end date into the exclusive `to`", () => {
    expect(parse({ kind: "custom", from: "2022-01-05", to: "2022-02-04" }).data).toEqual({
      kind: "custom",
      period: { from: "2022-01-05", to: "2022-02-05" },
    });
    expect(parse({ kind: "custom", from: "2024-02-29", to: "2024-02-29" }).data?.period).toEqual({ from: "2024-02-29", to: "2024-03-01" });
    expect(parse({ kind: "custom", from: "2022-12-01", to: "2022-12-31" }).data?.period.to).toBe("2023-01-01");
  });

  it("keeps a unit code, trims params and takes the first of repeated ones", () => {
    expect(parse({ kind: ["month", "year"], at: " 2022-03-09 ", unit: "ZQ1" }).data).toEqual({
      kind: "month",
      period: { from: "2022-03-01", to: "2022-04-01" },
      unit: "ZQ1",
    });
    expect(parse({ unit: "" }).data).not.toHaveProperty("unit");
    expect(parse({ unit: "ZQ1-1" }).data?.unit).toBe("ZQ1-1");
  });

  it("answers bad params in Chinese, saying what to fix", () => {
    expect(messages({ kind: "week" })[0]).toContain("统计周期应为");
    expect(messages({ kind: "month", at: "2022-02-30" })).toEqual(["日期应为有效日期，格式 YYYY-MM-DD"]);
    expect(messages({ at: "2022/03/01" })).toEqual(["日期应为有效日期，格式 YYYY-MM-DD"]);
    expect(messages({ at: "9999-01-01" })[0]).toContain("超出可统计范围");
    expect(messages({ kind: "custom" })).toEqual(["请选择开始日期", "请选择结束日期"]);
    expect(messages({ kind: "custom", from: "2022-01-01" })).toEqual(["请选择结束日期"]);
    expect(messages({ kind: "custom", from: "2022-13-01", to: "2022-01-01" })).toEqual(["开始日期应为有效日期，格式 YYYY-MM-DD"]);
    expect(messages({ kind: "custom", from: "2022-02-01", to: "2022-01-31" })).toEqual(["结束日期不能早于开始日期"]);
    expect(messages({ kind: "custom", from: "2010-01-01", to: "2022-01-01" })).toEqual(["统计区间不能超过 10 年"]);
    expect(messages({ unit: "ZQ1'; DROP" })[0]).toContain("单位代码");
    expect(messages({ unit: "X".repeat(33) })).toEqual(["单位代码过长"]);
  });

  it("names the param at fault", () => {
    const result = parse({ kind: "custom", from: "2022-02-01", to: "2022-01-31" });
    expect(result.error?.issues[0]?.path).toEqual(["to"]);
  });
});

describe("dashboardHref", () => {
  it("writes what the schema reads back", () => {
    const cases = [
      { kind: "year", period: { from: "2022-01-01", to: "2023-01-01" } },
      { kind: "quarter", period: { from: "2022-10-01", to: "2023-01-01" }, unit: "ZQ2" },
      { kind: "month", period: { from: "2022-02-01", to: "2022-03-01" } },
      { kind: "custom", period: { from: "2022-01-05", to: "2022-02-05" }, unit: "ZQ1" },
    ] as const;
    for (const params of cases) {
      const url = new URL(dashboardHref(params), "http://localhost");
      expect(url.pathname).toBe("/dashboard");
      expect(parse(Object.fromEntries(url.searchParams)).data).toEqual(params);
    }
  });

  it("shows a custom range with its inclusive end date", () => {
    expect(dashboardHref({ kind: "custom", period: { from: "2022-01-05", to: "2022-02-05" } })).toBe(
      "/dashboard?kind=custom&from=2022-01-05&to=2022-02-04",
    );
  });
});

describe("drilldownHref", () => {
  it("writes what drilldownQuerySchema reads back, with the exclusive `to`", () => {
    const href = drilldownHref(
      { period: { from: "2022-01-01", to: "2023-01-01" }, unit: "ZQ1", category: "TRAFFIC_ORG", channel: "WEB", month: "2022-03" },
      "satisfactionRate",
      "num",
      3,
    );
    const url = new URL(href, "http://localhost");
    expect(url.pathname).toBe("/dashboard/tickets");
    expect(drilldownQuerySchema.parse(Object.fromEntries(url.searchParams))).toEqual({
      from: "2022-01-01",
      to: "2023-01-01",
      unit: "ZQ1",
      category: "TRAFFIC_ORG",
      channel: "WEB",
      month: "2022-03",
      metric: "satisfactionRate",
      part: "num",
      page: 3,
    });
  });

  it("leaves out absent filters, the default part (den) and the first page", () => {
    expect(drilldownHref({ period: { from: "2022-01-01", to: "2023-01-01" } }, "received", "den")).toBe(
      "/dashboard/tickets?metric=received&from=2022-01-01&to=2023-01-01",
    );
  });
});

describe("firstParams", () => {
  it("keeps the first of repeated params and drops absent ones", () => {
    expect(firstParams({ metric: ["received", "closedRate"], part: "num", unit: undefined })).toEqual({ metric: "received", part: "num" });
  });
});
