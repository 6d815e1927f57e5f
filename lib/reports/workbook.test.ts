import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Dashboard } from "@/lib/dal/metrics/dashboard";
import { RATE_NAMES, type Metrics, type Rate, type RateName } from "@/lib/domain/metrics";
import { attachmentDisposition, reportFileName } from "./file-name";
import { changeText } from "./format";
import { reportSummary } from "./summary";
import { buildMetricsWorkbook, workbookBuffer } from "./workbook";

const rate = (num: number, den: number): Rate => ({ num, den, rate: den === 0 ? null : num / den });

/** Metrics with every rate 0/0 except those given. */
function metrics(received: number, rates: Partial<Record<RateName, [number, number]>> = {}): Metrics {
  const m = { received } as Metrics;
  for (const name of RATE_NAMES) m[name] = rate(...(rates[name] ?? [0, 0]));
  return m;
}

const zq1 = metrics(1476, {
  closedRate: [1476, 1476],
  resolutionRate: [1435, 1435],
  satisfactionRate: [1335, 1435],
  evaluationRate: [1435, 1476],
  avgHandlingHours: [1476 * 12.345, 1476],
});
const zq2 = metrics(10, { closedRate: [5, 10], satisfactionRate: [4, 4] });

const report: Dashboard = {
  kind: "year",
  period: { from: "2022-01-01", to: "2023-01-01" },
  previous: { from: "2021-01-01", to: "2022-01-01" },
  previousLabel: "2021年",
  standing: null,
  unit: null,
  allUnits: true,
  current: metrics(1486, {
    closedRate: [1481, 1486],
    resolutionRate: [1435, 1435],
    satisfactionRate: [1339, 1439],
    avgHandlingHours: [1481 * 12.345, 1481],
  }),
  before: metrics(1400, { closedRate: [1390, 1400], satisfactionRate: [1200, 1300] }),
  breakdowns: {
    unit: [
      { key: "ZQ1", ...zq1 },
      { key: "ZQ2", ...zq2 },
      { key: "ZQ3", ...metrics(0) },
      { key: "UNASSIGNED", ...metrics(0) },
    ],
    category: [
      { key: "TRAFFIC_ORG", ...metrics(900) },
      { key: "CONGESTION", ...metrics(586) },
    ],
    channel: [{ key: "HOTLINE_12345", ...metrics(1486) }],
    month: [
      { key: "2022-01", ...metrics(700) },
      { key: "2022-02", ...metrics(786) },
    ],
  },
};
const unitNames = new Map([
  ["ZQ1", "执勤一大队"],
  ["ZQ2", "执勤二大队"],
  ["ZQ3", "执勤三大队"],
]);

async function roundTrip(): Promise<ExcelJS.Workbook> {
  const bytes = await workbookBuffer(
    buildMetricsWorkbook(report, unitNames, { organisation: "示例市公安局交通警察支队", generatedAt: new Date("2023-01-05T02:00:00Z") }),
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer);
  return workbook;
}

const rowValues = (row: ExcelJS.Row) => (row.values as ExcelJS.CellValue[]).slice(1);

/** The row below the header whose first cell is `label`. */
function findRow(sheet: ExcelJS.Worksheet, headerRow: number, label: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.number > headerRow && row.getCell(1).value === label) found = row;
  });
  if (!found) throw new Error(`no row ${label}`);
  return found;
}

/** The row whose first cell is `label`, as an object keyed by the table's header. */
function rowOf(sheet: ExcelJS.Worksheet, headerRow: number, label: string): Record<string, ExcelJS.CellValue> {
  const header = rowValues(sheet.getRow(headerRow)).map(String);
  const cells = findRow(sheet, headerRow, label);
  return Object.fromEntries(header.map((h, i) => [h, cells.getCell(i + 1).value]));
}

describe("buildMetricsWorkbook", () => {
  it("has the overall sheet and one sheet per breakdown", async () => {
    const workbook = await roundTrip();
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["总体", "按单位", "按分类", "按渠道", "按月"]);
  });

  it("总体 states the report, then one row per §6 figure with numerator, denominator, rate, previous and change", async () => {
    const sheet = (await roundTrip()).getWorksheet("总体")!;
    expect(sheet.getCell("B1").value).toBe("示例市公安局交通警察支队 接诉即办工作年报 · 2022年");
    expect(sheet.getCell("B2").value).toBe("2022年（2022-01-01 至 2022-12-31）");
    expect(sheet.getCell("B3").value).toBe("全部单位");
    expect(sheet.getCell("A4").value).toBe("同比（去年同期）");
    expect(sheet.getCell("B4").value).toBe("2021年");
    expect(sheet.getCell("B5").value).toBe("2023-01-05 10:00");
    const headerRow = 8;
    expect(rowValues(sheet.getRow(headerRow))).toEqual(["指标", "分子", "分母", "本期", "去年同期", "变化", "口径（分子 / 分母）"]);
    expect(sheet.getRow(headerRow).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: headerRow });

    expect(rowOf(sheet, headerRow, "受理量")).toMatchObject({ 本期: 1486, 去年同期: 1400, 变化: "▲ 86 件（6.14%）" });
    // Rates are numbers with a percent format (sortable, summable), equal to the displayed figure.
    const satisfaction = rowOf(sheet, headerRow, "满意率");
    expect(satisfaction).toMatchObject({ 分子: 1339, 分母: 1439, 本期: 0.9305, 去年同期: 0.9231, 变化: "▲ 0.74 个百分点" });
    const satisfactionRow = findRow(sheet, headerRow, "满意率");
    expect(satisfactionRow.getCell(4).numFmt).toBe("0.00%");
    expect(satisfactionRow.getCell(5).numFmt).toBe("0.00%");
    // Nothing to divide by: an empty cell, never 0% or 100%.
    expect(rowOf(sheet, headerRow, "响应率")).toMatchObject({ 分子: 0, 分母: 0, 本期: null, 去年同期: null, 变化: "—" });
    // Hour totals rounded to one decimal, the average as the dashboard shows it.
    expect(rowOf(sheet, headerRow, "平均办理时长（小时）")).toMatchObject({ 分子: 18282.9, 本期: 12.35 });
    expect(findRow(sheet, headerRow, "平均办理时长（小时）").getCell(2).numFmt).toBe("0.0");
  });

  it("按单位 has Chinese group names and 分子 / 分母 / rate columns for every rate", async () => {
    const sheet = (await roundTrip()).getWorksheet("按单位")!;
    const header = rowValues(sheet.getRow(1));
    expect(header.slice(0, 5)).toEqual(["单位名称", "受理量", "办结率分子", "办结率分母", "办结率"]);
    expect(header).toHaveLength(2 + RATE_NAMES.length * 3);
    expect(header.slice(-3)).toEqual(["平均办理时长分子", "平均办理时长分母", "平均办理时长"]);

    const zq1Row = rowOf(sheet, 1, "执勤一大队");
    // Half-up: 1335 / 1435 = 93.0313… → 93.03%.
    expect(zq1Row).toMatchObject({ 受理量: 1476, 满意率分子: 1335, 满意率分母: 1435, 满意率: 0.9303, 平均办理时长: 12.35 });
    const header2 = rowValues(sheet.getRow(1));
    expect(findRow(sheet, 1, "执勤一大队").getCell(header2.indexOf("满意率") + 1).numFmt).toBe("0.00%");
    expect(rowOf(sheet, 1, "执勤二大队")).toMatchObject({ 响应率分子: 0, 响应率分母: 0, 响应率: null, 平均办理时长: null });
    expect(rowOf(sheet, 1, "待派单")).toMatchObject({ 受理量: 0 });
  });

  it("names categories, channels and months in Chinese", async () => {
    const workbook = await roundTrip();
    const firstColumn = (name: string) => rowValues(workbook.getWorksheet(name)!.getRow(2))[0];
    expect(rowValues(workbook.getWorksheet("按分类")!.getRow(1))[0]).toBe("分类");
    expect(firstColumn("按分类")).toBe("交通组织");
    expect(rowValues(workbook.getWorksheet("按渠道")!.getRow(1))[0]).toBe("渠道");
    expect(firstColumn("按渠道")).toBe("12345 转办");
    expect(rowValues(workbook.getWorksheet("按月")!.getRow(1))[0]).toBe("月份");
    expect(firstColumn("按月")).toBe("2022年1月");
  });
});

describe("report wording", () => {
  it("reads the change off the displayed figures", () => {
    expect(changeText("received", metrics(5), metrics(5))).toBe("持平");
    expect(changeText("received", metrics(3), metrics(0))).toBe("▲ 3 件");
    expect(changeText("received", metrics(90), metrics(100))).toBe("▼ 10 件（10.00%）");
    expect(changeText("closedRate", metrics(1, { closedRate: [1, 3] }), metrics(1, { closedRate: [1, 2] }))).toBe("▼ 16.67 个百分点");
  });

  it("writes the summary from the figures", () => {
    const summary = reportSummary(report, unitNames);
    expect(summary).toContain("本期共受理群众诉求 1486 件，较去年同期（2021年）增加 86 件（6.14%）");
    expect(summary).toContain("办结率 99.66%");
    expect(summary).toContain("满意率 93.05%");
    expect(summary).toContain("满意率上升 0.74 个百分点");
    expect(summary).toContain("与去年同期相比");
    expect(summary).toContain("满意率最高的是执勤二大队（100.00%），最低的是执勤一大队（93.03%）");
    expect(summary).toContain("诉求最多的分类是交通组织（900 件，占 60.57%）");
    expect(summary).not.toContain("响应率"); // 0 / 0: left out rather than shown as 0%
    expect(reportSummary({ ...report, current: metrics(0) }, unitNames)).toBe("本期未受理群众诉求（去年同期 2021年 受理 1400 件），各项比率暂无数据。");
  });

  it("names the file in Chinese with an ASCII fallback", () => {
    const file = reportFileName("month", { from: "2022-01-01", to: "2022-02-01" }, null);
    expect(file).toEqual({ name: "接诉即办月报-2022年1月.xlsx", ascii: "jsjb-month-report-2022-01.xlsx" });
    expect(reportFileName("year", report.period, { code: "ZQ1", name: "执勤一大队" }).ascii).toBe("jsjb-year-report-2022-ZQ1.xlsx");
    expect(attachmentDisposition(file)).toBe(
      `attachment; filename="jsjb-month-report-2022-01.xlsx"; filename*=UTF-8''${encodeURIComponent("接诉即办月报-2022年1月.xlsx")}`,
    );
  });
});
