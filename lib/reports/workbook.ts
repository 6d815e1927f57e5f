// The 统计报表 as an Excel workbook: 总体 (the period's §6 figures beside the same days a year
// earlier, lib/domain/comparison.ts) and
// one sheet per breakdown. Every sheet is a table described by its columns below, so a column is
// added or renamed in one place. Rates are numbers with a percent format, so leaders can sort, sum
// and chart them; their value is the dashboard's displayed figure (half-up, DOMAIN.md §6), so the
// cell shows exactly "93.03%". A zero denominator leaves the cell empty (the dashboard's "—").
import ExcelJS from "exceljs";
import type { Dashboard } from "@/lib/dal/metrics/dashboard";
import type { GroupedMetrics } from "@/lib/dal/metrics/read";
import { formatLocalDateTime } from "@/lib/domain/local-time";
import {
  METRIC_LABELS,
  METRIC_NAMES,
  RATE_NAMES,
  RATE_PARTS,
  roundHalfUp,
  type GroupBy,
  type MetricName,
  type Metrics,
  type Rate,
  type RateName,
} from "@/lib/domain/metrics";
import { changeText, periodText, reportTitle, scopeLabel } from "./format";
import { COMPARISON_BASIS } from "@/lib/domain/comparison";
import { groupLabel, type UnitNames } from "@/lib/domain/metric-labels";

export type Column<Row> = {
  header: string;
  value: (row: Row) => ExcelJS.CellValue;
  /** Excel number format of the cells; a function when it depends on the row. */
  numFmt?: string | ((row: Row) => string | undefined);
  /** Figures written as text ("93.03%") line up on the right like numbers. */
  figureText?: boolean;
};

const HOURS = "0.00";
/** Hour totals (平均办理时长分子) to one decimal: 211870.7, not 211870.68998722223. */
const TOTAL_HOURS = "0.0";
const PERCENT = "0.00%";
const COUNT = "0";
const partFormat = (name: MetricName) => (name === "avgHandlingHours" ? TOTAL_HOURS : undefined);
const rateFormat = (name: MetricName) => (name === "received" ? COUNT : name === "avgHandlingHours" ? HOURS : PERCENT);

/** A numerator as a cell: hour totals rounded to one decimal, counts as they are. */
function partNumber(name: RateName, r: Rate): number {
  return name === "avgHandlingHours" ? Math.round(r.num * 10) / 10 : r.num;
}

/**
 * A rate as a cell: the displayed figure (0.9303 for 93.03%, 12.35 for 12.35 小时), so the cell and
 * the dashboard never disagree; null (an empty cell) for a zero denominator, never 0% or 100%.
 */
export function rateNumber(name: RateName, r: Rate): number | null {
  if (r.den === 0) return null;
  return name === "avgHandlingHours" ? roundHalfUp(r.num, r.den, 2, 1) : roundHalfUp(r.num, r.den, 4, 1);
}

const figureNumber = (name: MetricName, m: Metrics): number | null => (name === "received" ? m.received : rateNumber(name, m[name]));

/** 受理量, then 分子, 分母 and the rate itself for every §6 rate. */
const METRIC_COLUMNS: readonly Column<Metrics>[] = [
  { header: METRIC_LABELS.received, value: (m) => m.received },
  ...RATE_NAMES.flatMap((name): Column<Metrics>[] => [
    { header: `${METRIC_LABELS[name]}分子`, value: (m) => partNumber(name, m[name]), numFmt: partFormat(name) },
    { header: `${METRIC_LABELS[name]}分母`, value: (m) => m[name].den },
    { header: METRIC_LABELS[name], value: (m) => rateNumber(name, m[name]), numFmt: rateFormat(name) },
  ]),
];

const BREAKDOWN_SHEETS: readonly { groupBy: GroupBy; sheet: string; groupHeader: string }[] = [
  { groupBy: "unit", sheet: "按单位", groupHeader: "单位名称" },
  { groupBy: "category", sheet: "按分类", groupHeader: "分类" },
  { groupBy: "channel", sheet: "按渠道", groupHeader: "渠道" },
  { groupBy: "month", sheet: "按月", groupHeader: "月份" },
];

type OverallRow = { name: MetricName; current: Metrics; before: Metrics };

const OVERALL_COLUMNS: readonly Column<OverallRow>[] = [
  { header: "指标", value: (r) => (r.name === "avgHandlingHours" ? `${METRIC_LABELS[r.name]}（小时）` : METRIC_LABELS[r.name]) },
  // 受理量 is a count, not a quotient: it has no numerator or denominator of its own.
  { header: "分子", value: (r) => (r.name === "received" ? null : partNumber(r.name, r.current[r.name])), numFmt: (r) => partFormat(r.name) },
  { header: "分母", value: (r) => (r.name === "received" ? null : r.current[r.name].den) },
  { header: "本期", value: (r) => figureNumber(r.name, r.current), numFmt: (r) => rateFormat(r.name) },
  { header: "去年同期", value: (r) => figureNumber(r.name, r.before), numFmt: (r) => rateFormat(r.name) },
  { header: "变化", value: (r) => changeText(r.name, r.current, r.before), figureText: true },
  {
    header: "口径（分子 / 分母）",
    value: (r) => (r.name === "received" ? "本期受理的诉求（不含已并单、无效）" : `${RATE_PARTS[r.name].num} / ${RATE_PARTS[r.name].den}`),
  },
];

/** Width in Excel's character units: a CJK character takes two. */
function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return width;
}

function cellText(value: ExcelJS.CellValue): string {
  return value === null || value === undefined ? "" : String(value);
}

/** Writes a table with its bold header at `headerRow`, freezes the rows above the data, sizes the columns. */
export function writeTable<Row>(sheet: ExcelJS.Worksheet, columns: readonly Column<Row>[], rows: readonly Row[], headerRow = 1): void {
  const header = sheet.getRow(headerRow);
  columns.forEach((column, i) => {
    header.getCell(i + 1).value = column.header;
  });
  header.font = { bold: true };
  header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };

  rows.forEach((row, r) => {
    const line = sheet.getRow(headerRow + 1 + r);
    columns.forEach((column, i) => {
      const cell = line.getCell(i + 1);
      cell.value = column.value(row);
      const numFmt = typeof column.numFmt === "function" ? column.numFmt(row) : column.numFmt;
      if (numFmt) cell.numFmt = numFmt;
      if (column.figureText) cell.alignment = { horizontal: "right" };
    });
  });

  columns.forEach((column, i) => {
    const widest = Math.max(textWidth(column.header), ...rows.map((row) => textWidth(cellText(column.value(row)))));
    sheet.getColumn(i + 1).width = Math.min(Math.max(widest + 2, 8), 40);
  });
  sheet.views = [{ state: "frozen", ySplit: headerRow, xSplit: 1 }];
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: columns.length } };
}

export type WorkbookOptions = {
  /** The detachment's name, for the title. */
  organisation?: string;
  generatedAt?: Date;
};

export function buildMetricsWorkbook(report: Dashboard, unitNames: UnitNames, options: WorkbookOptions = {}): ExcelJS.Workbook {
  const generatedAt = options.generatedAt ?? new Date();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = options.organisation || "接诉即办工作平台";
  workbook.created = generatedAt;

  const overall = workbook.addWorksheet("总体");
  const about: [string, string][] = [
    ["报表", reportTitle(options.organisation ?? "", report.kind, report.period)],
    ["统计期间", periodText(report.kind, report.period)],
    ["统计范围", scopeLabel(report)],
    [COMPARISON_BASIS, report.previousLabel],
    ["生成时间", formatLocalDateTime(generatedAt)],
    ["说明", "按受理时间统计，不含已并单、无效工单；比率为数值（百分比格式），四舍五入保留两位小数，分母为 0 时留空；时长单位为小时"],
  ];
  about.forEach(([label, text], i) => {
    const row = overall.getRow(i + 1);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = text;
  });
  const rows = METRIC_NAMES.map((name) => ({ name, current: report.current, before: report.before }));
  writeTable(overall, OVERALL_COLUMNS, rows, about.length + 2);

  for (const { groupBy, sheet, groupHeader } of BREAKDOWN_SHEETS) {
    const columns: Column<GroupedMetrics>[] = [{ header: groupHeader, value: (row) => groupLabel(groupBy, row.key, unitNames) }, ...METRIC_COLUMNS];
    writeTable(workbook.addWorksheet(sheet), columns, report.breakdowns[groupBy]);
  }
  return workbook;
}

/** The .xlsx file's bytes. */
export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
