// 导出 of the workbench list (issue 13 item 10): the rows the page shows, one sheet, built with
// the report workbook's table writer so both exports look alike.
import ExcelJS from "exceljs";
import type { WorkbenchRow } from "@/lib/dal/workbench";
import { CATEGORY_LABELS, STATUS_LABELS, TYPE_LABELS, URGENCY_LABELS } from "@/lib/domain/labels";
import { formatDateTime } from "@/lib/format";
import { writeTable, type Column } from "@/lib/reports/workbook";

const FLAG_TEXT = { OVERDUE: "超期", NEAR: "临期", OK: "正常" } as const;

// Times are local (Asia/Shanghai) text, as on the page: Excel has no time zones.
const COLUMNS: readonly Column<WorkbenchRow>[] = [
  { header: "工单编号", value: (r) => r.no },
  { header: "标题", value: (r) => r.title },
  { header: "类型", value: (r) => TYPE_LABELS[r.type] },
  { header: "分类", value: (r) => CATEGORY_LABELS[r.category] ?? r.category },
  { header: "紧急程度", value: (r) => URGENCY_LABELS[r.urgency] },
  { header: "承办单位", value: (r) => r.ownerUnitName ?? "待派单" },
  { header: "状态", value: (r) => STATUS_LABELS[r.status] },
  { header: "督办", value: (r) => (r.supervised ? "是" : "") },
  { header: "受理时间", value: (r) => formatDateTime(r.receivedAt) },
  { header: "最近时限", value: (r) => (r.escalationAt ? formatDateTime(r.escalationAt) : "") },
  { header: "办结时限", value: (r) => (r.dueAt ? formatDateTime(r.dueAt) : "") },
  { header: "时限状态", value: (r) => (r.deadline ? FLAG_TEXT[r.deadline] : "") },
];

/**
 * `capped`: the list is longer than the export takes (WORKBENCH_EXPORT_MAX); `searched`: a search
 * in the words read only the newest tickets (TEXT_SEARCH_WINDOW). The sheet says both.
 */
export function buildWorkbenchWorkbook(
  title: string,
  rows: readonly WorkbenchRow[],
  generatedAt: Date,
  { capped = false, searched = null }: { capped?: boolean; searched?: { tickets: number; since: Date } | null } = {},
): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "接诉即办工作平台";
  workbook.created = generatedAt;
  const sheet = workbook.addWorksheet("工单列表");
  sheet.getCell("A1").value = title;
  sheet.getCell("A1").font = { bold: true };
  sheet.getCell("A2").value = capped
    ? `导出时间：${formatDateTime(generatedAt)}，列表超过 ${rows.length} 件，只导出了前 ${rows.length} 件，请缩小筛选范围后分批导出`
    : `导出时间：${formatDateTime(generatedAt)}，共 ${rows.length} 件`;
  if (searched) sheet.getCell("A3").value = `文字搜索只查找了最近受理的 ${searched.tickets.toLocaleString("zh-CN")} 件工单（${formatDateTime(searched.since)} 以来）`;
  writeTable(sheet, COLUMNS, rows, 4);
  return workbook;
}
