// Words and numbers of the dashboard, shared by its server sections (pure, no data access).
import { roundHalfUp, type Rate } from "@/lib/domain/metrics";

/** Month axis labels: "3月" within one year, "2022-03" when the period spans years. */
export function monthAxisLabels(months: readonly string[]): string[] {
  const oneYear = new Set(months.map((m) => m.slice(0, 4))).size <= 1;
  return months.map((m) => (oneYear ? `${Number(m.slice(5, 7))}月` : m));
}

/** A rate as a chart value: percent to 2 decimals (half-up, as displayed), null for "—". */
export function percentValue(r: Rate): number | null {
  return r.den === 0 ? null : roundHalfUp(r.num, r.den);
}
