import { METRIC_LABELS } from "@/lib/domain/metrics";
import { drilldownHref } from "@/lib/validation/dashboard";
import { BarLineChart } from "./bar-line-chart";
import { BreakdownTable, type BreakdownRow } from "./breakdown-table";
import { monthAxisLabels, percentValue } from "./format";
import { Panel } from "./panel";

const TREND_RATES = ["satisfactionRate", "resolutionRate", "onTimeRate"] as const;

/** 月度趋势: 受理量 per month as bars, 满意率 / 解决率 / 按时办结率 as lines. */
export function TrendSection({ rows }: { rows: BreakdownRow[] }) {
  return (
    <Panel title="月度趋势" testId="trend">
      <BarLineChart
        label="各月受理量与满意率、解决率、按时办结率"
        categories={monthAxisLabels(rows.map((r) => r.key))}
        bar={{ name: METRIC_LABELS.received, values: rows.map((r) => r.metrics.received) }}
        lines={TREND_RATES.map((name) => ({ name: METRIC_LABELS[name], values: rows.map((r) => percentValue(r.metrics[name])) }))}
        hrefs={rows.map((r) => drilldownHref(r.target, "received", "den"))}
      />
      <BreakdownTable caption="月度趋势数据" keyHeader="月份" rows={rows} columns={["received", ...TREND_RATES]} rowTestId="month-row" />
    </Panel>
  );
}
