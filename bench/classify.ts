// npm run bench:classify — the complaint classifier (#14 Evidence), in memory, no database.
//
// 1. Trains as a site would (the shipped base corpus + the demo history, one in five history
//    tickets held out by number) and prints top-1 / top-2 accuracy on the held-out history. The
//    history's texts come from templates, so this only shows that the model learned the site.
// 2. The real test: the same model on the independent evaluation set
//    (prisma/data/classifier/evaluation-set.json, written apart from the training texts; see
//    docs/classifier.md): top-1 / top-2 per category, the confusion matrix, and the owner unit
//    where the district is known (routing rules on the predicted category and that district).
// 3. Classification time per complaint (category, reasons, similar tickets, district, unit): p50/p95.
// 4. Training time on BENCH_TRAIN_TICKETS (default 100,000) tickets drawn from the demo history.
// Targets: top-1 ≥ 90 %, top-2 ≥ 97 %, unit ≥ 95 %, p95 ≤ 20 ms, training ≤ 60 s.
import { performance } from "node:perf_hooks";
import { judgeText } from "@/lib/domain/classifier/model";
import { evaluationLines } from "@/lib/domain/classifier/report";
import { formatShare } from "@/lib/format";
import { suggestUnit } from "@/lib/domain/classifier/suggest";
import { evaluate, Trainer, type Evaluation, type LabelledText } from "@/lib/domain/classifier/train";
import { districtFromText } from "@/lib/domain/gazetteer";
import type { RoutingRuleInput } from "@/lib/domain/routing";
import baseCorpus from "@/prisma/data/classifier/base-corpus.json" with { type: "json" };
import evaluationSet from "@/prisma/data/classifier/evaluation-set.json" with { type: "json" };
import { HotIssueGuard } from "@/prisma/seed/history/hot-issue-guard";
import { plan2022, planClusters, planRecent, type Plan } from "@/prisma/seed/history/plan";
import { routingRules, UNITS } from "@/prisma/seed/organisation";
import { demoPlaceNames } from "@/prisma/seed/places";

type CorpusText = { category: string; title: string; content: string; place: string | null; district?: string | null };

const TRAIN_TICKETS = Number(process.env.BENCH_TRAIN_TICKETS ?? 100_000);
const corpus = (texts: CorpusText[]): LabelledText[] => texts.map((t) => ({ ...t, no: null, unit: null }));

function historyTexts(): LabelledText[] {
  const guard = new HotIssueGuard();
  const now = Date.now();
  const plans: Plan[] = [...planClusters(guard, now), ...plan2022(guard), ...planRecent(guard, now)].sort((a, b) => a.receivedAt - b.receivedAt);
  return plans.map((p, i) => ({
    no: `H${String(i).padStart(9, "0")}`,
    title: p.text.title,
    content: p.text.content,
    place: p.text.place,
    category: p.category,
    unit: p.unit,
  }));
}

function printEvaluation(label: string, e: Evaluation, confusion = false): void {
  console.log(`\n${label}:\n${evaluationLines(e, { confusion }).join("\n")}`);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  const history = historyTexts();
  const unitCodes = UNITS.filter((u) => u.kind === "BRIGADE").map((u) => u.code);
  const districts = ["东城区", "西城区", "南城区", "北城区"];
  const places = demoPlaceNames();
  const placeNames = [...districts, ...places.map((p) => p.name)];

  // 1. As a site trains.
  let started = performance.now();
  const trainer = new Trainer(unitCodes, placeNames);
  await trainer.add(corpus(baseCorpus as CorpusText[]));
  await trainer.add(history);
  const { model } = await trainer.finish();
  const trainMs = performance.now() - started;
  console.log(`训练：内置语料 ${baseCorpus.length} 条 + 演示历史 ${trainer.trainedTickets} 件（留出 ${trainer.heldOut.length} 件），${(trainMs / 1000).toFixed(1)} s`);
  printEvaluation("演示历史留出工单（模板文本，仅说明模型学到了本站历史）", await evaluate(model, trainer.heldOut));

  // 2. The independent evaluation set.
  const evaluationTexts = evaluationSet as CorpusText[];
  const independent = await evaluate(model, corpus(evaluationTexts));
  printEvaluation("独立评测集（与训练文本分开撰写）", independent, true);

  const rules: RoutingRuleInput[] = routingRules().map((r, i) => ({ id: String(i), subCategory: null, keyword: null, priority: 0, active: true, ...r }));
  const brigades = new Map(UNITS.filter((u) => u.kind === "BRIGADE").map((u) => [u.code, u.name]));
  const nameOf = (code: string) => brigades.get(code) ?? null;
  const expectedUnit = (category: string, district: string | null) =>
    suggestUnit({ rules, category, district: district ? { name: district, source: "given" } : null, units: [], nameOf })?.unit ?? null;
  let unitTotal = 0;
  let unitRight = 0;
  const times: number[] = [];
  for (const t of evaluationTexts) {
    const t0 = performance.now();
    const judgement = judgeText(model, t);
    const district = t.district ? { name: t.district, source: "given" as const } : districtFromText(t, districts, places);
    const unit = suggestUnit({ rules, category: judgement.categories[0]!.code, district, place: t.place, content: t.content, units: judgement.units, nameOf });
    times.push(performance.now() - t0);
    if (t.district) {
      unitTotal++;
      if (unit?.unit === expectedUnit(t.category, t.district)) unitRight++;
    }
  }
  console.log(`\n承办单位（辖区已知的 ${unitTotal} 件，按模型分类 + 分派规则）：${formatShare(unitTotal ? unitRight / unitTotal : null)}`);

  // 3. Time per classification (warm: the first calls also warm the JIT).
  for (let round = 0; round < 4; round++) {
    for (const t of evaluationTexts) {
      const t0 = performance.now();
      const judgement = judgeText(model, t);
      const district = districtFromText(t, districts, places);
      suggestUnit({ rules, category: judgement.categories[0]!.code, district, place: t.place, content: t.content, units: judgement.units, nameOf });
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  console.log(`分类耗时（${times.length} 次）：p50 ${percentile(times, 50).toFixed(2)} ms，p95 ${percentile(times, 95).toFixed(2)} ms`);

  // 4. Training on TRAIN_TICKETS tickets: the history repeated with other house numbers.
  const big: LabelledText[] = [];
  for (let i = 0; big.length < TRAIN_TICKETS; i++) {
    const h = history[i % history.length]!;
    big.push({ ...h, no: `B${String(i).padStart(9, "0")}`, place: h.place ? h.place.replace(/\d+号/, `${(i % 400) + 1}号`) : null });
  }
  started = performance.now();
  const bigTrainer = new Trainer(unitCodes, placeNames);
  await bigTrainer.add(corpus(baseCorpus as CorpusText[]));
  await bigTrainer.add(big);
  const finished = await bigTrainer.finish();
  const bigEvaluation = await evaluate(finished.model, bigTrainer.heldOut);
  const bigMs = performance.now() - started;
  console.log(`训练 ${TRAIN_TICKETS.toLocaleString("en-US")} 件（含留出评估）：${(bigMs / 1000).toFixed(1)} s，词表 ${finished.data.category.grams.length.toLocaleString("en-US")} 项，留出 top-1 ${formatShare(bigEvaluation.top1)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
