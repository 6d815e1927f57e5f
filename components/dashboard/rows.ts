// Breakdown rows of the dashboard data, each with its Chinese label and its drill-down target.
import type { GroupedMetrics } from "@/lib/dal/metrics/read";
import { UNASSIGNED_KEY, type GroupBy } from "@/lib/domain/metrics";
import type { DrillTarget } from "@/lib/validation/dashboard";
import type { BreakdownRow } from "./breakdown-table";
import { groupLabel, type UnitNames } from "@/lib/domain/metric-labels";

export function breakdownRows(groupBy: GroupBy, groups: readonly GroupedMetrics[], base: DrillTarget, unitNames: UnitNames): BreakdownRow[] {
  return groups.map(({ key, ...metrics }) => ({
    key,
    label: groupLabel(groupBy, key, unitNames),
    metrics,
    // Each group-by names the drill-down filter its keys set (unit, category, channel, month).
    target: { ...base, [groupBy]: key },
  }));
}

/** Units only: 待派单 is tickets no unit owns yet. */
export function unitsOnly<R extends { key: string }>(rows: readonly R[]): R[] {
  return rows.filter((row) => row.key !== UNASSIGNED_KEY);
}
