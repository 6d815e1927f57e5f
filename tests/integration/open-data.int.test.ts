// 数据公开 (issue 13 item 19): the public page's figures are the dashboard's own, for every
// brigade, ranked as the 红黑榜 ranks them; a period that has not begun is refused in Chinese; the
// page holds figures only; and a period's figures are read once per cache lifetime.
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { dashboard } from "@/lib/dal/metrics/dashboard";
import { OPEN_FIGURES_TTL_MS, openFigures } from "@/lib/dal/open-figures";
import { formatPercent } from "@/lib/domain/metrics";
import { OPEN_METRICS } from "@/lib/domain/open-data";
import { periodContaining } from "@/lib/domain/periods";
import { actorOf } from "../support/actors";

async function renderPage(params: Record<string, string>): Promise<string> {
  const page = await import("@/app/(public)/open/page");
  return renderToStaticMarkup(await page.default({ searchParams: Promise.resolve(params) }));
}

afterEach(() => vi.restoreAllMocks());

describe("数据公开", () => {
  it("shows ZQ1's 2022 as the dashboard does: 1476, 解决率 100.00%, 满意率 93.03%", async () => {
    const open = await openFigures({ year: 2022 });
    const zq1 = open.brigades.find((b) => b.code === "ZQ1")!;
    expect(zq1.received).toBe(1476);
    expect(formatPercent(zq1.resolutionRate)).toBe("100.00%");
    expect(formatPercent(zq1.satisfactionRate)).toBe("93.03%");

    // Same counters, same rates: every published figure equals the dashboard's by-unit row.
    const board = await dashboard(await actorOf("manager"), { kind: "year", period: periodContaining("year", "2022-06-01") });
    for (const brigade of open.brigades) {
      const row = board.breakdowns.unit.find((r) => r.key === brigade.code)!;
      for (const name of OPEN_METRICS) expect(brigade[name], `${brigade.code} ${name}`).toEqual(row[name]);
    }
    expect(open.total).toMatchObject({ received: board.current.received, satisfactionRate: board.current.satisfactionRate });
  });

  it("lists every brigade (no squadron, no dispatch centre), best 满意率 first", async () => {
    const { brigades } = await openFigures({ year: 2022 });
    expect(brigades.map((b) => b.code).sort()).toEqual(["CGS", "SG", "ZQ1", "ZQ2", "ZQ3", "ZQ4"]);
    const ranks = brigades.map((b) => b.rank).filter((r): r is number => r !== null);
    expect(ranks[0]).toBe(1);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const rates = brigades.filter((b) => b.rank !== null).map((b) => b.satisfactionRate.num / b.satisfactionRate.den);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
  });

  it("renders the figures, the selector and the note — and no ticket content or phone number", async () => {
    const html = await renderPage({ year: "2022" });
    for (const text of ["2022年各大队办理情况", "执勤一大队", "1476", "100.00%", "93.03%", "1335 / 1435", "指标说明", "响应率 = "]) {
      expect(html).toContain(text);
    }
    expect(html).toContain('href="/open?year=2022&amp;month=12"');
    expect(html).not.toMatch(/1[3-9]\d{9}/); // no phone number
    expect(html).not.toMatch(/\d{14}/); // no ticket number
  });

  it("offers only months that have begun, and refuses a future period in Chinese", async () => {
    const now = new Date("2026-03-15T04:00:00Z");
    expect((await openFigures({ year: 2026 }, now)).months).toEqual([1, 2, 3]);
    expect((await openFigures({}, now)).label).toBe("2026年");
    await expect(openFigures({ year: 2026, month: 4 }, now)).rejects.toMatchObject({
      errors: [{ field: "month", message: "2026年4月尚未开始，只能查看本月及以前的数据" }],
    });
    expect(await renderPage({ year: "2999" })).toContain("2999年尚未开始，只能查看本年度及以前的数据");
    expect(await renderPage({ year: "2022", month: "13" })).toContain("月份应为 1 至 12 的数字");
    expect(await renderPage({ year: "abc" })).toContain("年份应为四位数字，例如 2022");
  });

  it("reads a period once per cache lifetime", async () => {
    const first = await openFigures({ year: 2023, month: 5 });
    expect((await openFigures({ year: 2023, month: 5 })).computedAt).toBe(first.computedAt);
    const later = Date.now() + OPEN_FIGURES_TTL_MS + 1;
    vi.spyOn(Date, "now").mockReturnValue(later);
    expect((await openFigures({ year: 2023, month: 5 })).computedAt).not.toBe(first.computedAt);
  });
});
