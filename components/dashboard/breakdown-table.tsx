// A breakdown as a table (for screen readers, the printout and tests): one row per unit,
// category, channel or month; counts and rate parts link to their tickets.
import { METRIC_LABELS, type MetricName, type Metrics } from "@/lib/domain/metrics";
import type { DrillTarget } from "@/lib/validation/dashboard";
import { CountLink, RateCell } from "./figure-links";

export type BreakdownRow = { key: string; label: string; metrics: Metrics; target: DrillTarget };

/** A column: a §6 figure, or anything else with its own header and cell. */
export type BreakdownColumn<R extends BreakdownRow> = MetricName | { header: string; cell: (row: R) => React.ReactNode };

function Cell<R extends BreakdownRow>({ column, row }: { column: BreakdownColumn<R>; row: R }) {
  if (typeof column !== "string") return <>{column.cell(row)}</>;
  if (column === "received") return <CountLink target={row.target} value={row.metrics.received} />;
  return <RateCell name={column} rate={row.metrics[column]} target={row.target} />;
}

export function BreakdownTable<R extends BreakdownRow>({
  caption,
  keyHeader,
  rows,
  columns,
  leading,
  rowTestId,
  rowClassName,
}: {
  caption: string;
  keyHeader: string;
  rows: R[];
  columns: BreakdownColumn<R>[];
  /** Columns before the key column (the rank). */
  leading?: BreakdownColumn<R>[];
  rowTestId?: (row: R) => string;
  rowClassName?: (row: R) => string;
}) {
  const header = (c: BreakdownColumn<R>) => (typeof c === "string" ? METRIC_LABELS[c] : c.header);
  const th = "px-2 py-1.5 font-medium whitespace-nowrap";
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-slate-500">
          <tr>
            {leading?.map((c) => (
              <th key={header(c)} scope="col" className={`${th} text-center`}>
                {header(c)}
              </th>
            ))}
            <th scope="col" className={`${th} text-left`}>
              {keyHeader}
            </th>
            {columns.map((c) => (
              <th key={header(c)} scope="col" className={`${th} text-right`}>
                {header(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 && (
            <tr>
              <td colSpan={(leading?.length ?? 0) + 1 + columns.length} className="px-2 py-4 text-center text-slate-500">
                本期暂无数据
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.key} data-testid={rowTestId?.(row)} data-key={row.key} className={rowClassName?.(row)}>
              {leading?.map((c) => (
                <td key={header(c)} className="px-2 py-1.5 text-center">
                  <Cell column={c} row={row} />
                </td>
              ))}
              <th scope="row" className="px-2 py-1.5 text-left font-normal whitespace-nowrap">
                {row.label}
              </th>
              {columns.map((c) => (
                <td key={header(c)} className="px-2 py-1.5 text-right align-top">
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
