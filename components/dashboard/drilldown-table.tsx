// The tickets behind a dashboard figure, with the columns of lib/reports/drilldown-list.ts (the
// Excel export has the same): the number links to the ticket, 不满意 stands out. The cell texts
// are made here; DrilldownRows draws them.
import type { DrilldownRow } from "@/lib/dal/metrics/drilldown";
import { DRILLDOWN_COLUMNS } from "@/lib/reports/drilldown-list";
import { DrilldownRows } from "./drilldown-rows";

export function DrilldownTable({ rows }: { rows: DrilldownRow[] }) {
  if (rows.length === 0) {
    return <p className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-slate-600">暂无工单</p>;
  }
  const shown = DRILLDOWN_COLUMNS.filter((c) => c.key !== "no" && c.key !== "status");
  return (
    <DrilldownRows
      columns={DRILLDOWN_COLUMNS.map(({ key, header }) => ({ key, header }))}
      rows={rows.map((row) => ({
        no: row.no,
        status: row.status,
        unsatisfied: row.satisfaction === "UNSATISFIED",
        texts: Object.fromEntries(shown.map((c) => [c.key, c.value(row) ?? "—"])),
      }))}
    />
  );
}
