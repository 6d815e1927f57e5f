// The tickets behind a dashboard figure, with the columns of lib/reports/drilldown-list.ts (the
// Excel export has the same): the number links to the ticket, 不满意 stands out.
import Link from "@/components/link";
import { StatusBadge } from "@/components/status-badge";
import type { DrilldownRow } from "@/lib/dal/metrics/drilldown";
import { DRILLDOWN_COLUMNS } from "@/lib/reports/drilldown-list";

function Cell({ column, row }: { column: (typeof DRILLDOWN_COLUMNS)[number]; row: DrilldownRow }) {
  if (column.key === "no") {
    return (
      <Link href={`/tickets/${row.no}`} className="font-mono text-brand-700 hover:underline">
        {row.no}
      </Link>
    );
  }
  if (column.key === "status") return <StatusBadge status={row.status} />;
  const text = column.value(row) ?? "—";
  if (column.key === "satisfaction" && row.satisfaction === "UNSATISFIED") return <strong className="text-red-700">{text}</strong>;
  return <>{text}</>;
}

const WIDE = new Set(["title", "comment"]);

export function DrilldownTable({ rows }: { rows: DrilldownRow[] }) {
  if (rows.length === 0) {
    return <p className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-slate-600">暂无工单</p>;
  }
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            {DRILLDOWN_COLUMNS.map((c) => (
              <th key={c.key} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.no} data-testid="ticket-row" className="hover:bg-slate-50">
              {DRILLDOWN_COLUMNS.map((c) => (
                <td key={c.key} data-testid={`cell-${c.key}`} className={`px-3 py-2 ${WIDE.has(c.key) ? "max-w-xs break-words" : "whitespace-nowrap"}`}>
                  <Cell column={c} row={row} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
