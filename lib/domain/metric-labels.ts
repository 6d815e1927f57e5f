// Words and numbers shared by the dashboard and the reports: what a breakdown row is called, and
// how a numerator or denominator reads.
import { CATEGORY_LABELS, CHANNEL_LABELS, STATUS_LABELS } from "./labels";
import { UNASSIGNED_KEY, type GroupBy } from "./metrics";

/** Unit code → unit name, for the 按单位 rows. */
export type UnitNames = ReadonlyMap<string, string>;

/** "2022-01" → "2022年1月". */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** The Chinese name of a breakdown key: unit name (待派单 for none), category, channel or month. */
export function groupLabel(groupBy: GroupBy, key: string, unitNames: UnitNames): string {
  if (groupBy === "unit") return key === UNASSIGNED_KEY ? STATUS_LABELS.PENDING : (unitNames.get(key) ?? key);
  if (groupBy === "category") return (CATEGORY_LABELS as Record<string, string>)[key] ?? key;
  if (groupBy === "channel") return (CHANNEL_LABELS as Record<string, string>)[key] ?? key;
  return monthLabel(key);
}

/** A numerator or denominator: counts as they are, hours (or a weighted 满意 count) to 2 decimals. */
export function partText(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
