// The call-centre switch's report (issue 16): one row per hour — for the whole centre, or for one
// agent when the row names a 工号 — with calls offered, answered and abandoned. Read by
// readImportFile (CSV or .xlsx, UTF-8 or GB18030); judged here, all rows or none.
import { switchIntervalProblem, type SwitchInterval } from "@/lib/domain/calls";
import { parseLocalDateTime } from "@/lib/domain/local-time";
import type { ImportFile } from "./read";

/** Header names switches and people write, per field. */
const COLUMNS = {
  hour: ["时段", "时间", "小时", "统计时段"],
  agent: ["坐席工号", "坐席", "工号"],
  offered: ["呼入量", "呼入", "来电量", "进线量"],
  answered: ["接通量", "接通", "应答量", "人工接通量"],
  abandoned: ["放弃量", "放弃", "呼损量", "未接通量"],
} as const;

type Field = keyof typeof COLUMNS;
const REQUIRED: Field[] = ["hour", "offered", "answered", "abandoned"];

export type SwitchFileProblem = { line: number; message: string };
export type SwitchFileResult = { intervals: SwitchInterval[]; problems: SwitchFileProblem[] };

/** "2026-11-30 09:00", "2026/11/30 9:00", "2026-11-30 09" → the hour's start (Shanghai time). */
function parseHour(text: string): Date | null {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2})(?::(\d{2}))?(?::00)?$/.exec(text.trim());
  if (!m) return null;
  const pad = (s: string) => s.padStart(2, "0");
  return parseLocalDateTime(`${m[1]}-${pad(m[2]!)}-${pad(m[3]!)} ${pad(m[4]!)}:${m[5] ?? "00"}`);
}

function count(text: string | undefined): number {
  const t = (text ?? "").trim().replace(/,/g, "");
  return /^\d+$/.test(t) ? Number(t) : Number.NaN;
}

export function readSwitchRows(file: ImportFile): SwitchFileResult {
  const columnOf = {} as Record<Field, string | undefined>;
  for (const field of Object.keys(COLUMNS) as Field[]) columnOf[field] = file.header.find((h) => (COLUMNS[field] as readonly string[]).includes(h));
  const missing = REQUIRED.filter((f) => !columnOf[f]);
  if (missing.length > 0) {
    return {
      intervals: [],
      problems: [{ line: 1, message: `表头缺少：${missing.map((f) => COLUMNS[f][0]).join("、")}（应有 时段、坐席工号（可省略）、呼入量、接通量、放弃量）` }],
    };
  }
  const intervals: SwitchInterval[] = [];
  const problems: SwitchFileProblem[] = [];
  const seen = new Map<string, number>();
  for (const row of file.rows) {
    const cell = (f: Field) => (columnOf[f] ? (row.cells[columnOf[f]!] ?? "") : "");
    if (Object.values(row.cells).every((v) => v.trim() === "")) continue;
    for (const message of row.problems ?? []) problems.push({ line: row.line, message });
    const interval = {
      hourAt: parseHour(cell("hour")),
      agent: cell("agent").trim(),
      offered: count(cell("offered")),
      answered: count(cell("answered")),
      abandoned: count(cell("abandoned")),
    };
    const problem = switchIntervalProblem(interval);
    if (problem) {
      problems.push({ line: row.line, message: problem });
      continue;
    }
    const key = `${interval.hourAt!.getTime()}|${interval.agent}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ line: row.line, message: `与第 ${earlier} 行是同一时段、同一${interval.agent ? "坐席" : "全中心"}的统计` });
      continue;
    }
    seen.set(key, row.line);
    intervals.push({ ...interval, hourAt: interval.hourAt! });
  }
  if (intervals.length === 0 && problems.length === 0) problems.push({ line: 1, message: "文件中没有统计数据" });
  return { intervals, problems };
}
