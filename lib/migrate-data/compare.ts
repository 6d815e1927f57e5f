// Judging a copy (pure): row counts per table, and the §6 figures per unit and year read four
// ways — each side's counter table and each side's recount from its tickets. The figures are
// compared as the counts they are made of (numerator and denominator), not as rounded percents.
import { emptyCounters, formatRate, METRIC_LABELS, RATE_NAMES, ratesOf, type Metrics } from "@/lib/domain/metrics";

export type TableCount = { table: string; source: number; target: number };

/** One side's figures of one unit and year; undefined where that reading found no ticket. */
export type SideFigures = { aggregates?: Metrics; recount?: Metrics };

export type FigureRow = {
  /** '' for tickets no unit owns yet (待派单). */
  unitId: string;
  /** The unit's code ('' for none). */
  unit: string;
  year: string;
  source: SideFigures;
  target: SideFigures;
};

export type Verification = { tables: TableCount[]; figures: FigureRow[]; problems: string[] };

/** No ticket: every count zero (the basic weight does not matter then). */
const NONE = ratesOf(emptyCounters(), { satisfactionBasicWeight: 1 });

/** The figures on which `a` and `b` differ, as "满意率 93.03%≠92.10%". */
export function figureDifferences(a: Metrics = NONE, b: Metrics = NONE): string[] {
  const differences: string[] = [];
  if (a.received !== b.received) differences.push(`${METRIC_LABELS.received} ${a.received}≠${b.received}`);
  for (const name of RATE_NAMES) {
    const [x, y] = [a[name], b[name]];
    if (x.num !== y.num || x.den !== y.den) differences.push(`${METRIC_LABELS[name]} ${formatRate(name, x)}（${x.num}/${x.den}）≠${formatRate(name, y)}（${y.num}/${y.den}）`);
  }
  return differences;
}

const CHECKS = [
  {
    a: (row: FigureRow) => row.source.aggregates,
    b: (row: FigureRow) => row.source.recount,
    what: "源库统计汇总表与源库按工单重算不一致（请先在原站点运行 npm run cli -- metrics-rebuild 再迁移）",
  },
  { a: (row: FigureRow) => row.source.aggregates, b: (row: FigureRow) => row.target.aggregates, what: "目标库统计汇总表与源库不一致" },
  { a: (row: FigureRow) => row.source.recount, b: (row: FigureRow) => row.target.recount, what: "目标库按工单重算与源库不一致" },
];

/** Display order: by unit code (待派单 last), then year. */
function byUnitAndYear(a: FigureRow, b: FigureRow): number {
  if ((a.unit === "") !== (b.unit === "")) return a.unit === "" ? 1 : -1;
  return a.unit.localeCompare(b.unit) || a.year.localeCompare(b.year);
}

export function unitLabel(row: Pick<FigureRow, "unit">): string {
  return row.unit === "" ? "待派单" : row.unit;
}

/** The problems of a copy, in Chinese; none when every count and figure agrees. */
export function compareFigures(tables: TableCount[], figures: FigureRow[]): Verification {
  const problems: string[] = [];
  for (const { table, source, target } of tables) {
    if (source !== target) problems.push(`表 ${table} 行数不一致：源库 ${source}，目标库 ${target}`);
  }
  const sorted = [...figures].sort(byUnitAndYear);
  for (const row of sorted) {
    for (const check of CHECKS) {
      const differences = figureDifferences(check.a(row), check.b(row));
      if (differences.length) problems.push(`${unitLabel(row)} ${row.year} 年：${check.what}：${differences.join("；")}`);
    }
  }
  return { tables, figures: sorted, problems };
}
