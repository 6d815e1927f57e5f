// Tables of the printed 统计报表. Every rate is shown with its numerator and denominator
// (DOMAIN.md §6); the full set of rates per group is in the Excel export.
import type { GroupedMetrics } from "@/lib/dal/metrics/read";
import { formatPercent, formatRate, METRIC_LABELS, METRIC_NAMES, RATE_PARTS, type GroupBy, type Metrics, type Rate, type RateName } from "@/lib/domain/metrics";
import { rankBySatisfaction } from "@/lib/domain/unit-ranking";
import { changeText, figureText } from "@/lib/reports/format";
import { groupLabel, partText, type UnitNames } from "@/lib/domain/metric-labels";

/** The rates a breakdown table shows; the rest stay in the Excel export. */
const BREAKDOWN_RATES: readonly RateName[] = ["closedRate", "onTimeRate", "resolutionRate", "satisfactionRate", "avgHandlingHours"];

const table = "w-full border-collapse text-sm";
const th = "border border-slate-300 bg-slate-100 px-2 py-1.5 text-center font-semibold";
const td = "border border-slate-300 px-2 py-1.5";
const num = `${td} text-right tabular-nums`;

/** "93.03%" over "1335 / 1435". */
function RateCell({ name, rate }: { name: RateName | "share"; rate: Rate }) {
  return (
    <td className={num}>
      <div>{name === "share" ? formatPercent(rate) : formatRate(name, rate)}</div>
      <div className="text-xs text-slate-500">
        {partText(rate.num)} / {partText(rate.den)}
      </div>
    </td>
  );
}

/** 指标 / 分子 / 分母 / 比率 / 去年同期 / 变化, one row per §6 figure. */
export function OverallTable({ current, before }: { current: Metrics; before: Metrics }) {
  return (
    <table className={table} data-testid="report-overall">
      <thead>
        <tr>
          {["指标", "分子", "分母", "比率", "去年同期", "变化"].map((h) => (
            <th key={h} className={th}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {METRIC_NAMES.map((name) => (
          <tr key={name} data-testid="report-row" data-metric={name}>
            <td className={td}>
              {METRIC_LABELS[name]}
              {name !== "received" && (
                <div className="text-xs text-slate-500">
                  {RATE_PARTS[name].num} / {RATE_PARTS[name].den}
                </div>
              )}
            </td>
            <td className={num}>{name === "received" ? "" : partText(current[name].num)}</td>
            <td className={num}>{name === "received" ? "" : partText(current[name].den)}</td>
            <td className={`${num} font-semibold`}>{figureText(name, current)}</td>
            <td className={num}>{figureText(name, before)}</td>
            <td className={num}>{changeText(name, current, before)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RateHeaders({ withShare }: { withShare?: boolean }) {
  return (
    <>
      <th className={th}>受理量</th>
      {withShare && <th className={th}>占比</th>}
      {BREAKDOWN_RATES.map((name) => (
        <th key={name} className={th}>
          {METRIC_LABELS[name]}
        </th>
      ))}
    </>
  );
}

function RateCells({ row, total }: { row: GroupedMetrics; total?: number }) {
  return (
    <>
      <td className={num}>{row.received}</td>
      {total !== undefined && <RateCell name="share" rate={{ num: row.received, den: total, rate: total === 0 ? null : row.received / total }} />}
      {BREAKDOWN_RATES.map((name) => (
        <RateCell key={name} name={name} rate={row[name]} />
      ))}
    </>
  );
}

/** One row per category, channel or month. `total` adds a 占比 column (share of 受理量). */
export function BreakdownTable({
  groupBy,
  groupHeader,
  rows,
  unitNames,
  total,
  testId,
}: {
  groupBy: GroupBy;
  groupHeader: string;
  rows: readonly GroupedMetrics[];
  unitNames: UnitNames;
  total?: number;
  testId: string;
}) {
  return (
    <table className={table} data-testid={testId}>
      <thead>
        <tr>
          <th className={th}>{groupHeader}</th>
          <RateHeaders withShare={total !== undefined} />
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-key={row.key}>
            <td className={td}>{groupLabel(groupBy, row.key, unitNames)}</td>
            <RateCells row={row} total={total} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 各单位满意率排名: ranked best first; units without an answered evaluation come last, unranked. */
export function UnitRankingTable({ rows, unitNames }: { rows: readonly GroupedMetrics[]; unitNames: UnitNames }) {
  return (
    <table className={table} data-testid="report-units">
      <thead>
        <tr>
          <th className={th}>名次</th>
          <th className={th}>单位</th>
          <RateHeaders />
        </tr>
      </thead>
      <tbody>
        {rankBySatisfaction(rows).map(({ rank, row }) => (
          <tr key={row.key} data-key={row.key}>
            <td className={`${td} text-center`}>{rank ?? "—"}</td>
            <td className={td}>{groupLabel("unit", row.key, unitNames)}</td>
            <RateCells row={row} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
