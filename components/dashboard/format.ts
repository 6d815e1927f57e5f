// Words and numbers of the dashboard, shared by its server sections (pure, no data access).
import { CATEGORY_LABELS, CHANNEL_LABELS, STATUS_LABELS } from "@/lib/domain/labels";
import { roundHalfUp, UNASSIGNED_KEY, type GroupBy, type Rate } from "@/lib/domain/metrics";

/** Unit code → name, for the unit breakdown's keys. */
export type UnitNames = Readonly<Record<string, string>>;

/** The Chinese name of a breakdown key: unit name (待派单 for none), category, channel or month. */
export function groupLabel(groupBy: GroupBy, key: string, unitNames: UnitNames): string {
  if (groupBy === "unit") return key === UNASSIGNED_KEY ? STATUS_LABELS.PENDING : (unitNames[key] ?? key);
  if (groupBy === "category") return (CATEGORY_LABELS as Record<string, string>)[key] ?? key;
  if (groupBy === "channel") return (CHANNEL_LABELS as Record<string, string>)[key] ?? key;
  return `${key.slice(0, 4)}年${Number(key.slice(5, 7))}月`;
}

/** Month axis labels: "3月" within one year, "2022-03" when the period spans years. */
export function monthAxisLabels(months: readonly string[]): string[] {
  const oneYear = new Set(months.map((m) => m.slice(0, 4))).size <= 1;
  return months.map((m) => (oneYear ? `${Number(m.slice(5, 7))}月` : m));
}

/** A rate as a chart value: percent to 2 decimals (half-up, as displayed), null for "—". */
export function percentValue(r: Rate): number | null {
  return r.den === 0 ? null : roundHalfUp(r.num, r.den);
}

/** A numerator or denominator: counts as they are, hours (or a weighted 满意 count) to 2 decimals. */
export function partText(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
