// 话务 in the monthly .xlsx (issue 16): the centre and each agent, and each day, with every
// share's numerator and denominator — the same figures /calls and the dashboard show.
import type ExcelJS from "exceljs";
import type { CallReport } from "@/lib/dal/call-report";
import type { CallFigures } from "@/lib/domain/calls";
import type { Rate } from "@/lib/domain/metrics";
import { writeTable, type Column } from "./workbook";

type Row = { label: string; figures: CallFigures };

const PERCENT = "0.00%";
const share = (r: Rate | null) => (r && r.den > 0 ? r.num / r.den : null);

const COLUMNS = (keyHeader: string): Column<Row>[] => [
  { header: keyHeader, value: (r) => r.label },
  { header: "来电", value: (r) => r.figures.tally.calls, numFmt: "0" },
  { header: "当场解答", value: (r) => r.figures.tally.answered, numFmt: "0" },
  { header: "当场解答率", value: (r) => share(r.figures.answeredShare), numFmt: PERCENT },
  { header: "转工单", value: (r) => r.figures.tally.ticket, numFmt: "0" },
  { header: "转工单率", value: (r) => share(r.figures.ticketShare), numFmt: PERCENT },
  { header: "转接其他部门", value: (r) => r.figures.tally.transferred, numFmt: "0" },
  { header: "无效/骚扰", value: (r) => r.figures.tally.invalid, numFmt: "0" },
  { header: "通话总时长（秒）", value: (r) => r.figures.tally.seconds, numFmt: "0" },
  { header: "平均通话时长（秒）", value: (r) => (r.figures.tally.calls ? Math.round(r.figures.tally.seconds / r.figures.tally.calls) : null), numFmt: "0" },
  { header: "交换机呼入", value: (r) => r.figures.switch?.offered ?? null, numFmt: "0" },
  { header: "交换机接通", value: (r) => r.figures.switch?.answered ?? null, numFmt: "0" },
  { header: "交换机放弃", value: (r) => r.figures.switch?.abandoned ?? null, numFmt: "0" },
  { header: "人工接通率", value: (r) => share(r.figures.connectRate), numFmt: PERCENT },
];

export function addCallSheets(workbook: ExcelJS.Workbook, report: CallReport): void {
  const rows: Row[] = [{ label: "全中心", figures: report.centre }, ...report.byAgent.map((a) => ({ label: a.name, figures: a.figures }))];
  writeTable(workbook.addWorksheet("话务"), COLUMNS("坐席"), rows);
  writeTable(
    workbook.addWorksheet("话务按日"),
    COLUMNS("日期"),
    report.byDay.map((d) => ({ label: d.date, figures: d.figures })),
  );
}
