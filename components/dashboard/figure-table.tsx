"use client";
// A breakdown's table (for screen readers, the printout and tests): one row per unit, category,
// channel or month; counts and rate parts link to their tickets. Drawn on the client from the
// rows' figures for the weight of the page, not for interactivity: as a server component each
// of its ~250 figure links travelled twice, as HTML and again as the React tree that hydrates it
// (issue 15); here the tree is replaced by the figures themselves.
import { METRIC_LABELS, roundHalfUp, UNASSIGNED_KEY, type MetricName, type Metrics, type Rate, type RateName } from "@/lib/domain/metrics";
import type { DrillTarget } from "@/lib/validation/dashboard";
import { CountLink, RateCell } from "./figure-links";

/** A §6 figure, or 占比 (the row's share of all received). */
export type FigureColumn = MetricName | "share";

export type FigureRow = {
  key: string;
  label: string;
  target: DrillTarget;
  /** Only the figures the columns show. */
  figures: Partial<Metrics>;
  /** 红黑榜: the place by 满意率 (null: not ranked) and the list it is on. */
  rank?: number | null;
  list?: "red" | "black" | null;
};

const LIST_BADGES = {
  red: <span className="ml-1 rounded bg-green-700 px-1 text-xs text-white">红榜</span>,
  black: <span className="ml-1 rounded bg-red-600 px-1 text-xs text-white">黑榜</span>,
};

const LIST_ROWS = { red: "bg-green-50", black: "bg-red-50" } as const;

function Figure({ column, row, total }: { column: FigureColumn; row: FigureRow; total: number }) {
  const received = row.figures.received ?? 0;
  if (column === "share") return <span className="tabular-nums">{total === 0 ? "—" : `${roundHalfUp(received, total).toFixed(2)}%`}</span>;
  if (column === "received") return <CountLink target={row.target} value={received} />;
  return <RateCell name={column as RateName} rate={row.figures[column] as Rate} target={row.target} />;
}

export function FigureTable({
  caption,
  keyHeader,
  rows,
  columns,
  ranked = false,
  rowTestId,
  unassignedTestId,
}: {
  caption: string;
  keyHeader: string;
  rows: FigureRow[];
  columns: FigureColumn[];
  /** A leading 排名 column (rows carry rank and list). */
  ranked?: boolean;
  rowTestId: string;
  /** The test id of the 待派单 row (UNASSIGNED_KEY), where it differs. */
  unassignedTestId?: string;
}) {
  const total = rows.reduce((sum, row) => sum + (row.figures.received ?? 0), 0);
  const header = (c: FigureColumn) => (c === "share" ? "占比" : METRIC_LABELS[c]);
  return (
    <div className="overflow-x-auto">
      <table className="figures min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-slate-500">
          <tr>
            {ranked && (
              <th scope="col" className="text-center">
                排名
              </th>
            )}
            <th scope="col" className="text-left">
              {keyHeader}
            </th>
            {columns.map((c) => (
              <th key={c} scope="col" className="text-right">
                {header(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 && (
            <tr>
              <td colSpan={(ranked ? 1 : 0) + 1 + columns.length} className="py-4 text-center! text-slate-500">
                本期暂无数据
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr
              key={row.key}
              data-testid={row.key === UNASSIGNED_KEY && unassignedTestId ? unassignedTestId : rowTestId}
              className={row.list ? LIST_ROWS[row.list] : undefined}
            >
              {ranked && (
                <td className="text-center!">
                  <span className="whitespace-nowrap" data-testid="unit-rank">
                    {row.rank ?? "—"}
                    {row.list && LIST_BADGES[row.list]}
                  </span>
                </td>
              )}
              <th scope="row" className="text-left font-normal">
                {row.label}
              </th>
              {columns.map((c) => (
                <td key={c}>
                  <Figure column={c} row={row} total={total} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
