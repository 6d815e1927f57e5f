// A breakdown as a table: the figures each row needs, handed to FigureTable (a client component,
// see there why) without the rest of the row's metrics.
import type { Metrics } from "@/lib/domain/metrics";
import type { DrillTarget } from "@/lib/validation/dashboard";
import { FigureTable, type FigureColumn, type FigureRow } from "./figure-table";

export type BreakdownRow = { key: string; label: string; metrics: Metrics; target: DrillTarget };

type Ranked = { rank: number | null; list: "red" | "black" | null };

export function BreakdownTable({
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
  rows: (BreakdownRow & Partial<Ranked>)[];
  columns: FigureColumn[];
  ranked?: boolean;
  rowTestId: string;
  unassignedTestId?: string;
}) {
  const shown = new Set(columns.map((c) => (c === "share" ? "received" : c)));
  const figureRows: FigureRow[] = rows.map(({ key, label, target, metrics, rank, list }) => ({
    key,
    label,
    target,
    figures: Object.fromEntries(Object.entries(metrics).filter(([name]) => shown.has(name as keyof Metrics))),
    ...(ranked && { rank, list }),
  }));
  return (
    <FigureTable
      caption={caption}
      keyHeader={keyHeader}
      rows={figureRows}
      columns={columns}
      ranked={ranked}
      rowTestId={rowTestId}
      unassignedTestId={unassignedTestId}
    />
  );
}
