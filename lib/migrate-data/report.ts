// The Chinese summary `migrate-data` prints (pure): rows per table, then the §6 figures of every
// unit and year on both sides, then the verdict.
import { formatRate, METRIC_LABELS, RATE_NAMES, type Metrics } from "@/lib/domain/metrics";
import { figureDifferences, unitLabel, type Verification } from "./compare";
import { REBUILT_TABLES } from "./plan";

/** Terminal columns of a string: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return width;
}

const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - displayWidth(text)));

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => displayWidth(row[i] ?? ""))));
  return rows.map((row) => `  ${row.map((cell, i) => pad(cell, widths[i]!)).join("  ")}`.trimEnd());
}

const FIGURES = ["received", ...RATE_NAMES] as const;

function figureCells(metrics: Metrics | undefined): string[] {
  return FIGURES.map((name) => {
    if (!metrics) return "—";
    return name === "received" ? String(metrics.received) : formatRate(name, metrics[name]);
  });
}

/** The summary; `photos` (the photo rows copied) only after a copy that went through. */
export function formatVerification(verification: Verification, photos?: number): string {
  const lines = ["数据表行数："];
  lines.push(
    ...table([
      ["表", "源库", "目标库", ""],
      ...verification.tables.map(({ table: name, source, target }) => [
        REBUILT_TABLES.includes(name) ? `${name}（有工单的统计行）` : name,
        String(source),
        String(target),
        source === target ? "一致" : "不一致",
      ]),
    ]),
  );
  lines.push("", "各单位、各年度三率（按受理时间；源库与目标库均由统计汇总表读出，并与按工单重算的结果比对）：");
  const header = ["单位", "年度", "库", ...FIGURES.map((name) => METRIC_LABELS[name]), "核对"];
  const rows = verification.figures.flatMap((row) => {
    const agrees =
      figureDifferences(row.source.aggregates, row.source.recount).length === 0 &&
      figureDifferences(row.source.aggregates, row.target.aggregates).length === 0 &&
      figureDifferences(row.source.recount, row.target.recount).length === 0;
    return [
      [unitLabel(row), row.year, "源库", ...figureCells(row.source.aggregates), ""],
      ["", "", "目标库", ...figureCells(row.target.aggregates), agrees ? "一致" : "不一致"],
    ];
  });
  lines.push(...table([header, ...rows]));
  if (photos !== undefined) lines.push("", `照片：已复制 ${photos} 张照片（图片内容存于数据库，随数据一并复制；新站点不需要原站点的 DATA_DIR）。`);
  if (verification.problems.length === 0) {
    lines.push("", "核对通过：各表行数与各单位、各年度的三率两边一致。");
  } else {
    lines.push("", `核对未通过（${verification.problems.length} 处）：`, ...verification.problems.map((problem) => `  - ${problem}`));
  }
  return `${lines.join("\n")}\n`;
}
