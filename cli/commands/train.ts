import { parseArgs } from "node:util";
import { trainClassifier } from "@/lib/dal/classifier/training";
import { evaluationLines } from "@/lib/domain/classifier/report";
import { isLocalDate, localMidnight } from "@/lib/domain/local-time";

const USAGE = "用法: npm run cli -- train [--from YYYY-MM-DD]";
const TRIGGERS = ["CLI", "SCHEDULE", "ADMIN", "DEMO"] as const;

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
    [
      `模型 v${report.version}：训练工单 ${report.tickets} 件（另含内置语料），留出工单`,
      ...evaluationLines(report.evaluation),
      `当前模型 v${report.baseline.version} 在同一批留出工单上：`,
      ...evaluationLines(report.baseline.evaluation),
      report.verdict,
      "",
    ].join("\n"),
  );
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
