// A breakdown as a table: the figures each row needs, handed to FigureTable (a client component,
// see there why) without the rest of the row's metrics.
import type { Metrics } from "@/lib/domain/metrics";
import type { DrillTarget } from "@/lib/validation/dashboard";
import type { ComponentProps } from "react";
import { FigureTable, type FigureRow } from "./figure-table";

export type BreakdownRow = { key: string; label: string; metrics: Metrics; target: DrillTarget };

/** FigureTable's props, with the rows as the dashboard has them (all their metrics). */
export function BreakdownTable({ rows, ...table }: Omit<ComponentProps<typeof FigureTable>, "rows"> & { rows: (BreakdownRow & Pick<FigureRow, "rank" | "list">)[] }) {
  const shown = new Set(table.columns.map((c) => (c === "share" ? "received" : c)));
  const figureRows: FigureRow[] = rows.map(({ key, label, target, metrics, rank, list }) => ({
    key,
    label,
    target,
    figures: Object.fromEntries(Object.entries(metrics).filter(([name]) => shown.has(name as keyof Metrics))),
    ...(table.ranked && { rank, list }),
  }));
  return <FigureTable {...table} rows={figureRows} />;
}
