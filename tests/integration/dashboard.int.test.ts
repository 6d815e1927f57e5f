// 领导驾驶舱: the figures the page shows and the lists behind them come from the same
// predicates, so a drill-down's total is its figure; and the rendered page holds what the
// browser tests look for, with no NaN anywhere.
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { dashboard } from "@/lib/dal/metrics/dashboard";
import { drilldown } from "@/lib/dal/metrics/drilldown";
import { formatRate, METRIC_NAMES, type FigurePart, type MetricName } from "@/lib/domain/metrics";
import { rankBySatisfaction } from "@/lib/domain/unit-ranking";
import { Forbidden } from "@/lib/errors";
import { dashboardQuerySchema, drilldownHref, type DrillTarget } from "@/lib/validation/dashboard";
import { drilldownQuerySchema } from "@/lib/validation/metrics";
import { actorOf } from "../support/actors";

// The pages render outside Next here: the signed-in actor and the router are stand-ins.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ requirePageActor: async () => session.actor }));
vi.mock("next/navigation", () => ({
  useRouter: () => ({ push: () => undefined }),
  forbidden: () => {
    throw new Error("NEXT_FORBIDDEN");
  },
  redirect: () => {
    throw new Error("NEXT_REDIRECT");
  },
}));

const YEAR_2025 = dashboardQuerySchema.parse({ kind: "year", at: "2025-06-30" });
const CHECKED: [MetricName, FigurePart][] = [
  ["received", "den"],
  ["closedRate", "num"],
  ["closedRate", "den"],
  ["responseRate", "num"],
  ["responseRate", "den"],
  ["onTimeRate", "num"],
  ["resolutionRate", "num"],
  ["satisfactionRate", "den"],
  ["reopenRate", "num"],
  ["returnRate", "den"],
];

let manager: Actor;
let lead: Actor;

/** The drill-down a dashboard link leads to, as its page would read the URL. */
async function listTotal(actor: Actor, target: DrillTarget, metric: MetricName, part: FigurePart): Promise<number> {
  const url = new URL(drilldownHref(target, metric, part), "http://localhost");
  return (await drilldown(actor, drilldownQuerySchema.parse(Object.fromEntries(url.searchParams)))).total;
}

async function renderPage(actor: Actor, path: "dashboard" | "dashboard/tickets", params: Record<string, string>): Promise<string> {
  session.actor = actor;
  const page = path === "dashboard" ? await import("@/app/(staff)/dashboard/page") : await import("@/app/(staff)/dashboard/tickets/page");
  return renderToStaticMarkup(await page.default({ searchParams: Promise.resolve(params) }));
}

beforeAll(async () => {
  manager = await actorOf("manager");
  lead = await actorOf("zq1.lead");
});

describe("dashboard figures and their drill-downs", () => {
  it("list exactly the tickets each ZQ1 figure of 2025 counts", async () => {
    const data = await dashboard(manager, { ...YEAR_2025, unit: "ZQ1" });
    expect(data.current.received).toBeGreaterThan(0);
    const target = { period: data.period, unit: "ZQ1" };
    for (const [metric, part] of CHECKED) {
      const figure = metric === "received" ? data.current.received : data.current[metric][part];
      expect(await listTotal(manager, target, metric, part), `${metric} ${part}`).toBe(figure);
    }
  });

  it("list each month, category and channel of the breakdowns", async () => {
    const data = await dashboard(manager, YEAR_2025);
    const base = { period: data.period };
    for (const row of data.breakdowns.month.slice(0, 3)) {
      expect(await listTotal(manager, { ...base, month: row.key }, "received", "den")).toBe(row.received);
    }
    for (const row of data.breakdowns.category) {
      expect(await listTotal(manager, { ...base, category: row.key }, "satisfactionRate", "den")).toBe(row.satisfactionRate.den);
    }
    for (const row of data.breakdowns.channel) {
      expect(await listTotal(manager, { ...base, channel: row.key }, "received", "den")).toBe(row.received);
    }
  });

  it("give a lead their own unit's figures, and refuse them another unit", async () => {
    const own = await dashboard(lead, YEAR_2025);
    expect(own.unit?.code).toBe("ZQ1");
    expect(own.allUnits).toBe(false);
    expect(own.current).toEqual((await dashboard(manager, { ...YEAR_2025, unit: "ZQ1" })).current);
    await expect(dashboard(lead, { ...YEAR_2025, unit: "ZQ2" })).rejects.toThrow(Forbidden);
    await expect(dashboard(await actorOf("zq1.handler"), YEAR_2025)).rejects.toThrow(Forbidden);
  });

  it("show ZQ1's 2022 as the detachment reported it: 1476 tickets, 满意率 93.03%, 解决率 100%", async () => {
    const data = await dashboard(lead, dashboardQuerySchema.parse({ kind: "year", at: "2022-01-01" }));
    expect(data.current.received).toBe(1476);
    expect(formatRate("satisfactionRate", data.current.satisfactionRate)).toBe("93.03%");
    expect(formatRate("resolutionRate", data.current.resolutionRate)).toBe("100.00%");
  });
});

describe("dashboard comparisons", () => {
  it("compare a year under way with the same days last year and hide the months still to come", async () => {
    const midsummer = new Date("2025-06-30T04:00:00Z"); // 12:00 in Shanghai
    const data = await dashboard(manager, YEAR_2025, midsummer);
    expect(data.previous).toEqual({ from: "2024-01-01", to: "2024-07-01" });
    expect(data.previousLabel).toBe("2024年同期（2024-01-01 至 2024-06-30）");
    const sameDays = await dashboard(manager, { kind: "custom", period: data.previous }, midsummer);
    expect(data.before).toEqual(sameDays.current);
    expect(data.breakdowns.month.map((r) => r.key)).toEqual(["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"]);
    // A complete year: the whole year before, every month listed.
    const past = await dashboard(manager, dashboardQuerySchema.parse({ kind: "year", at: "2022-06-01" }), midsummer);
    expect(past.previous).toEqual({ from: "2021-01-01", to: "2022-01-01" });
    expect(past.previousLabel).toBe("2021年");
    expect(past.breakdowns.month).toHaveLength(12);
  });

  it("place one unit among all units by 满意率, for a manager and for the unit's lead", async () => {
    const all = await dashboard(manager, YEAR_2025);
    expect(all.standing).toBeNull();
    const ranked = rankBySatisfaction(all.breakdowns.unit);
    const zq1 = ranked.find((r) => r.row.key === "ZQ1")!;
    const standing = { rank: zq1.rank, of: ranked.filter((r) => r.rank !== null).length };
    expect(standing.of).toBeGreaterThan(1);
    expect((await dashboard(manager, { ...YEAR_2025, unit: "ZQ1" })).standing).toEqual(standing);
    expect((await dashboard(lead, YEAR_2025)).standing).toEqual(standing);
    const html = await renderPage(lead, "dashboard", { kind: "year", at: "2025-06-30" });
    expect(html).toContain(`第 ${standing.rank} / ${standing.of} 名`);
    expect(html).toContain("同比（去年同期）");
  });
});

describe("dashboard page", () => {
  it("renders every KPI card, the unit ranking and links to the drill-down", async () => {
    const html = await renderPage(manager, "dashboard", { kind: "year", at: "2025-06-30" });
    for (const name of METRIC_NAMES) expect(html).toContain(`data-testid="kpi-${name}"`);
    expect(html.match(/data-testid="unit-row"/g)?.length).toBeGreaterThanOrEqual(6);
    expect(html).toContain("红榜");
    expect(html).toContain("/dashboard/tickets?metric=satisfactionRate&amp;part=num&amp;from=2025-01-01&amp;to=2026-01-01");
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
  });

  it("renders an empty year with — and empty charts, never NaN", async () => {
    const html = await renderPage(manager, "dashboard", { kind: "year", at: "2099-01-01" });
    expect(html).toContain("—");
    expect(html).toContain('data-testid="chart-empty"');
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
  });

  it("shows bad parameters as a Chinese message instead of failing", async () => {
    const html = await renderPage(manager, "dashboard", { kind: "custom", from: "2022-02-01", to: "2022-01-01" });
    expect(html).toContain('data-testid="query-error"');
    expect(html).toContain("结束日期不能早于开始日期");
    expect(await renderPage(manager, "dashboard", { unit: "NOPE" })).toContain("单位代码「NOPE」不存在");
  });

  it("gives a lead no unit selector and no ranking to be placed in", async () => {
    const html = await renderPage(lead, "dashboard", { kind: "year", at: "2025-06-30" });
    expect(html).not.toContain('data-testid="unit-select"');
    expect(html).toContain("本单位指标");
    expect(await renderPage(manager, "dashboard", { kind: "year", at: "2025-06-30", unit: "ZQ2" })).toContain("执勤二大队指标");
    expect(html.match(/data-testid="unit-row"/g)).toHaveLength(1);
  });
});

describe("drill-down page", () => {
  it("names the figure and counts the tickets behind it", async () => {
    const html = await renderPage(manager, "dashboard/tickets", {
      metric: "satisfactionRate",
      part: "num",
      from: "2022-01-01",
      to: "2023-01-01",
      unit: "ZQ1",
    });
    const figure = (await dashboard(manager, { kind: "year", period: { from: "2022-01-01", to: "2023-01-01" }, unit: "ZQ1" })).current.satisfactionRate.num;
    expect(figure).toBeGreaterThan(50);
    expect(html).toContain("执勤一大队 · 2022年 · 满意率 分子（满意+基本满意）");
    expect(html).toContain(`data-testid="drilldown-total">共 ${figure} 件`);
    expect(html).toContain('href="/dashboard?kind=year&amp;at=2022-01-01&amp;unit=ZQ1"');
    expect(html.match(/data-testid="ticket-row"/g)).toHaveLength(50);
    expect(html).toContain("&amp;unit=ZQ1&amp;page=2");
  });

  it("shows each ticket's satisfaction and comment, links to the 不满意 ones and lists only those there", async () => {
    const zq1 = { from: "2022-01-01", to: "2023-01-01", unit: "ZQ1" };
    const html = await renderPage(manager, "dashboard/tickets", { ...zq1, metric: "satisfactionRate", part: "den" });
    expect(html).toContain(">满意度</th>");
    expect(html).toContain(">评价意见</th>");
    expect(html).toContain("/dashboard/tickets?metric=satisfactionRate&amp;from=2022-01-01&amp;to=2023-01-01&amp;unit=ZQ1&amp;satisfaction=UNSATISFIED");
    expect(html).toContain("/dashboard/tickets/export?metric=satisfactionRate&amp;from=2022-01-01");

    const list = (part: "num" | "den", satisfaction?: "UNSATISFIED") => drilldown(manager, drilldownQuerySchema.parse({ ...zq1, metric: "satisfactionRate", part, satisfaction }));
    const unsatisfied = await list("den", "UNSATISFIED");
    // Every evaluated ticket is 满意, 基本满意 or 不满意.
    expect(unsatisfied.total).toBe((await list("den")).total - (await list("num")).total);
    expect(unsatisfied.total).toBeGreaterThan(0);
    expect(unsatisfied.items.every((row) => row.satisfaction === "UNSATISFIED")).toBe(true);
    // The seeded history gives every 不满意 a comment; the list shows the citizen's words.
    expect(unsatisfied.items.filter((row) => row.comment).length).toBeGreaterThan(0);
    const unsatisfiedHtml = await renderPage(manager, "dashboard/tickets", { ...zq1, metric: "satisfactionRate", part: "den", satisfaction: "UNSATISFIED" });
    expect(unsatisfiedHtml).toContain("仅不满意");
    expect(unsatisfiedHtml).toContain(unsatisfied.items.find((row) => row.comment)!.comment!.slice(0, 10));
    expect(await renderPage(manager, "dashboard/tickets", { ...zq1, metric: "satisfactionRate", part: "den", satisfaction: "MAYBE" })).toContain("满意度应为");
  });

  it("explains bad parameters in Chinese", async () => {
    const html = await renderPage(manager, "dashboard/tickets", { metric: "bogus", from: "2022-01-01", to: "2023-01-01" });
    expect(html).toContain("指标名称无效");
  });
});
