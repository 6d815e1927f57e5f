import { drilldownHref } from "@/lib/validation/dashboard";
import { BreakdownTable, type BreakdownRow } from "./breakdown-table";
import { Panel } from "./panel";
import { PieChart } from "./pie-chart";

/** 来源渠道: the channel mix of the tickets received. */
export function ChannelSection({ rows }: { rows: BreakdownRow[] }) {
  const slices = rows.filter((r) => r.metrics.received > 0);
  return (
    <Panel title="来源渠道" testId="channels">
      <PieChart
        label="受理渠道构成"
        slices={slices.map((r) => ({ name: r.label, value: r.metrics.received }))}
        hrefs={slices.map((r) => drilldownHref(r.target, "received", "den"))}
        height={300}
      />
      <BreakdownTable caption="来源渠道数据" keyHeader="来源渠道" rows={rows} columns={["received", "share"]} rowTestId="channel-row" />
    </Panel>
  );
}
