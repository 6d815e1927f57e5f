"use client";
// The drill-down list's table, drawn on the client from each row's cell texts: a client component
// for the weight of the page (see components/ticket-rows.tsx), the texts made on the server from
// the columns the Excel export shares (lib/reports/drilldown-list.ts).
import Link from "@/components/link";
import { StatusBadge } from "@/components/status-badge";
import type { TicketStatus } from "@/lib/domain/labels";

export type DrilldownListRow = { no: string; status: TicketStatus; unsatisfied: boolean; texts: Record<string, string> };

const WIDE = new Set(["title", "comment"]);

function Cell({ column, row }: { column: string; row: DrilldownListRow }) {
  if (column === "no") {
    return (
      <Link href={`/tickets/${row.no}`} className="font-mono text-brand-700 hover:underline">
        {row.no}
      </Link>
    );
  }
  if (column === "status") return <StatusBadge status={row.status} />;
  const text = row.texts[column] ?? "—";
  if (column === "satisfaction" && row.unsatisfied) return <strong className="text-red-700">{text}</strong>;
  return <>{text}</>;
}

export function DrilldownRows({ columns, rows }: { columns: { key: string; header: string }[]; rows: DrilldownListRow[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="listing min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="font-medium whitespace-nowrap">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.no} data-testid="ticket-row" className="hover:bg-slate-50">
              {columns.map((c) => (
                <td key={c.key} data-testid={`cell-${c.key}`} className={WIDE.has(c.key) ? "max-w-xs break-words" : "whitespace-nowrap"}>
                  <Cell column={c.key} row={row} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
