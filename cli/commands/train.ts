import { parseArgs } from "node:util";
import { trainClassifier } from "@/lib/dal/classifier/training";
import { CATEGORY_CODES } from "@/lib/domain/labels";
import { isLocalDate, localMidnight } from "@/lib/domain/local-time";
import { categoryName } from "@/lib/domain/routing";
import type { Evaluation } from "@/lib/domain/classifier/train";

const USAGE = "用法: npm run cli -- train [--from YYYY-MM-DD]";
const TRIGGERS = ["CLI", "SCHEDULE", "ADMIN", "DEMO"] as const;

const percent = (p: number | null) => (p === null ? "—" : `${(p * 100).toFixed(1)}%`);

/** The evaluation as a person reads it: accuracy per category and the confusion matrix. */
function describe(evaluation: Evaluation): string {
  const lines = [`  留出工单 ${evaluation.tickets} 件：首选准确率 ${percent(evaluation.top1)}，前两位命中率 ${percent(evaluation.top2)}`];
  for (const c of evaluation.perCategory) {
    if (c.tickets) lines.push(`  ${categoryName(c.code).padEnd(6, "　")} ${String(c.tickets).padStart(6)} 件  首选 ${percent(c.top1 / c.tickets)}`);
  }
  lines.push(`  混淆矩阵（行：实际分类，列：模型分类）\n  ${"".padEnd(6, "　")} ${CATEGORY_CODES.map((c) => categoryName(c).padStart(5, "　")).join("")}`);
  evaluation.confusion.forEach((row, i) => {
    if (row.some((n) => n > 0)) lines.push(`  ${categoryName(CATEGORY_CODES[i]!).padEnd(6, "　")} ${row.map((n) => String(n).padStart(6)).join("")}`);
  });
  if (evaluation.units) lines.push(`  承办单位：${evaluation.units.correct}/${evaluation.units.tickets} 正确`);
  return lines.join("\n");
}

/**
 * train [--from YYYY-MM-DD]: retrains the classifier on the site's labelled tickets (DOMAIN.md §7).
 * The report as JSON on stdout (version, evaluation, the active model's figures on the same
 * held-out tickets, activated); the same in words on stderr. `--trigger` is for the server's own
 * nightly job and 立即训练, which run this command in a child process, and the demo's first start.
 */
export async function trainCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { from: { type: "string" }, trigger: { type: "string" } } });
  if (positionals.length) throw new Error(USAGE);
  if (values.from !== undefined && !isLocalDate(values.from)) throw new Error(`--from 应为日期 YYYY-MM-DD，例如 2025-01-01。${USAGE}`);
  const trigger = values.trigger ?? "CLI";
  if (!(TRIGGERS as readonly string[]).includes(trigger)) throw new Error(`--trigger 应为 ${TRIGGERS.join("、")} 之一`);
  process.stderr.write("正在训练智能分类模型…\n");
  const report = await trainClassifier({ trigger: trigger as (typeof TRIGGERS)[number], from: values.from ? localMidnight(values.from) : null });
  process.stderr.write(
    `模型 v${report.version}：训练工单 ${report.tickets} 件（另含内置语料）\n${describe(report.evaluation)}\n` +
      `当前模型 v${report.baseline.version} 在同一批留出工单上：\n${describe(report.baseline.evaluation)}\n${report.verdict}\n`,
  );
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
