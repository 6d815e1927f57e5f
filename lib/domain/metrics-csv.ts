// CSV of the §6 figures (`metrics --format csv`, GET /api/v1/metrics?format=csv): one line per
// group (or one line), each rate as three columns — numerator, denominator, rate.
import Papa from "papaparse";
import { RATE_NAMES, type Metrics } from "./metrics";

type Row = Metrics & { key?: string };

export function metricsCsv(rows: readonly Row[], grouped: boolean): string {
  const header = [...(grouped ? ["key"] : []), "received", ...RATE_NAMES.flatMap((name) => [`${name}.num`, `${name}.den`, `${name}.rate`])];
  const lines = rows.map((row) => [
    ...(grouped ? [row.key ?? ""] : []),
    row.received,
    ...RATE_NAMES.flatMap((name) => [row[name].num, row[name].den, row[name].rate ?? ""]),
  ]);
  return `${Papa.unparse({ fields: header, data: lines }, { newline: "\n" })}\n`;
}
