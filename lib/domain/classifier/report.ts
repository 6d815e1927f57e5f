// A model's evaluation as text (#14): what `npm run cli -- train` writes on stderr and
// `npm run bench:classify` prints — the figures per category and the confusion matrix.
import { formatShare } from "@/lib/format";
import { CATEGORY_CODES } from "@/lib/domain/labels";
import { categoryName } from "@/lib/domain/routing";
import type { Evaluation } from "./train";

const name = (code: string) => categoryName(code).padEnd(6, "　");

export function evaluationLines(e: Evaluation, options: { confusion?: boolean } = {}): string[] {
  const lines = [
    `  ${e.tickets} 件：首选准确率 ${formatShare(e.top1)}，前两位命中率 ${formatShare(e.top2)}`,
    `  ${name("分类")}  件数   top-1   top-2`,
  ];
  for (const c of e.perCategory) {
    if (c.tickets) lines.push(`  ${name(c.code)} ${String(c.tickets).padStart(5)}  ${formatShare(c.top1 / c.tickets).padStart(6)}  ${formatShare(c.top2 / c.tickets).padStart(6)}`);
  }
  if (options.confusion ?? true) {
    lines.push(`  混淆矩阵（行：实际分类，列：模型分类）`, `  ${"".padEnd(6, "　")}${CATEGORY_CODES.map((c) => categoryName(c).padStart(6, "　")).join("")}`);
    e.confusion.forEach((row, i) => lines.push(`  ${name(CATEGORY_CODES[i]!)}${row.map((n) => String(n).padStart(8)).join("")}`));
  }
  if (e.units) lines.push(`  承办单位：${e.units.correct}/${e.units.tickets} 正确`);
  return lines;
}
