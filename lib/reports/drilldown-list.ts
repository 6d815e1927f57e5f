// The columns of a drill-down list (下钻明细), defined once for the page and its Excel export:
// what a leader checks behind a figure, down to the citizen's verdict and comment.
import ExcelJS from "exceljs";
import type { DrilldownRow } from "@/lib/dal/metrics/drilldown";
import { CATEGORY_LABELS, SATISFACTION_LABELS, STATUS_LABELS, TYPE_LABELS, type CategoryCode } from "@/lib/domain/labels";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { formatLocalDateTime } from "@/lib/domain/local-time";
import { groupLabel, type UnitNames } from "@/lib/domain/metric-labels";
import { METRIC_LABELS, RATE_PARTS } from "@/lib/domain/metrics";
import { kindOfPeriod, periodLabel } from "@/lib/domain/periods";
import type { DrilldownQuery } from "@/lib/validation/metrics";
import { writeTable, type Column } from "./workbook";

/** A column's value as text; null is an empty cell (a ticket not closed, not evaluated…). */
export type DrilldownColumn = { key: string; header: string; value: (row: DrilldownRow) => string | null };

/** 「执勤一大队 · 2022年 · 满意率 分子（满意+基本满意）」 */
export function drilldownTitle(actor: Actor, query: DrilldownQuery, unitNames: UnitNames): string {
  const period = { from: query.from, to: query.to };
  const scope = query.unit
    ? groupLabel("unit", query.unit, unitNames)
    : can(actor.role, "metrics:read:all")
      ? "全部单位"
      : (actor.unitName ?? "本单位");
  const parts = [scope, query.month ? groupLabel("month", query.month, unitNames) : periodLabel(kindOfPeriod(period), period)];
  if (query.category) parts.push(groupLabel("category", query.category, unitNames));
  if (query.channel) parts.push(groupLabel("channel", query.channel, unitNames));
  const { metric, part } = query;
  parts.push(metric === "received" ? METRIC_LABELS.received : `${METRIC_LABELS[metric]} ${part === "num" ? "分子" : "分母"}（${RATE_PARTS[metric][part]}）`);
  if (query.satisfaction) parts.push(`仅${SATISFACTION_LABELS[query.satisfaction]}`);
  return parts.join(" · ");
}

const dateTime = (value: Date | null) => (value ? formatLocalDateTime(value) : null);

export const DRILLDOWN_COLUMNS: readonly DrilldownColumn[] = [
  { key: "no", header: "工单编号", value: (r) => r.no },
  { key: "title", header: "标题", value: (r) => r.title },
  { key: "category", header: "类型 / 分类", value: (r) => `${TYPE_LABELS[r.type]} · ${CATEGORY_LABELS[r.category as CategoryCode] ?? r.category}` },
  { key: "owner", header: "承办单位", value: (r) => r.ownerUnitName ?? "待派单" },
  { key: "status", header: "状态", value: (r) => STATUS_LABELS[r.status] },
  { key: "receivedAt", header: "受理时间", value: (r) => dateTime(r.receivedAt) },
  { key: "closedAt", header: "办结时间", value: (r) => dateTime(r.closedAt) },
  { key: "resolved", header: "是否解决", value: (r) => (r.resolved === null ? null : r.resolved ? "已解决" : "未解决") },
  { key: "satisfaction", header: "满意度", value: (r) => (r.satisfaction ? SATISFACTION_LABELS[r.satisfaction] : null) },
  { key: "comment", header: "评价意见", value: (r) => r.comment },
];

/** The drill-down as one sheet: its title, count and time of export, then the table. */
export function buildDrilldownWorkbook(title: string, rows: readonly DrilldownRow[], generatedAt = new Date()): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.created = generatedAt;
  const sheet = workbook.addWorksheet("明细");
  sheet.getCell("A1").value = title;
  sheet.getCell("A1").font = { bold: true };
  sheet.getCell("A2").value = `共 ${rows.length} 件 · 导出时间 ${formatLocalDateTime(generatedAt)}`;
  const columns = DRILLDOWN_COLUMNS.map((c): Column<DrilldownRow> => ({ header: c.header, value: c.value }));
  writeTable(sheet, columns, rows, 4);
  return workbook;
}
