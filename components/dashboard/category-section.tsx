import { METRIC_LABELS } from "@/lib/domain/metrics";
import { drilldownHref } from "@/lib/validation/dashboard";
import { BarLineChart } from "./bar-line-chart";
import { BreakdownTable, type BreakdownRow } from "./breakdown-table";
import { percentValue } from "./format";
import { Panel } from "./panel";

/** 诉求分类: 受理量 by category as bars, with each category's 满意率 as a line. */
export function CategorySection({ rows }: { rows: BreakdownRow[] }) {
  return (
    <Panel title="诉求分类" testId="categories">
      <BarLineChart
        label="各诉求分类的受理量与满意率"
        categories={rows.map((r) => r.label)}
        bar={{ name: METRIC_LABELS.received, values: rows.map((r) => r.metrics.received) }}
        lines={[{ name: METRIC_LABELS.satisfactionRate, values: rows.map((r) => percentValue(r.metrics.satisfactionRate)) }]}
        hrefs={rows.map((r) => drilldownHref(r.target, "received", "den"))}
        height={300}
      />
      <BreakdownTable
        caption="诉求分类数据"
        keyHeader="诉求分类"
        rows={rows}
        columns={["received", "closedRate", "satisfactionRate"]}
        rowTestId="category-row"
      />
    </Panel>
  );
}
