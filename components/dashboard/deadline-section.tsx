import { METRIC_LABELS } from "@/lib/domain/metrics";
import { drilldownHref } from "@/lib/validation/dashboard";
import { BreakdownTable, type BreakdownRow } from "./breakdown-table";
import { percentValue } from "./format";
import { GroupedBarsChart } from "./grouped-bars-chart";
import { Panel } from "./panel";
import { unitsOnly } from "./rows";

const DEADLINE_RATES = ["responseRate", "onTimeRate"] as const;

/** 时限执行: per unit, 响应率 (signed and contacted in time) and 按时办结率. */
export function DeadlineSection({ rows }: { rows: BreakdownRow[] }) {
  const units = unitsOnly(rows);
  return (
    <Panel title="时限执行" testId="deadlines">
      <GroupedBarsChart
        label="各单位响应率与按时办结率"
        categories={units.map((r) => r.label)}
        series={DEADLINE_RATES.map((name) => ({ name: METRIC_LABELS[name], values: units.map((r) => percentValue(r.metrics[name])) }))}
        hrefs={units.map((r) => drilldownHref(r.target, "received", "den"))}
        height={300}
      />
      <BreakdownTable caption="各单位时限执行数据" keyHeader="单位" rows={units} columns={["received", ...DEADLINE_RATES]} rowTestId="deadline-row" />
    </Panel>
  );
}
