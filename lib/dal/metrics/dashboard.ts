import "server-only";
// 领导驾驶舱: everything the dashboard and the reports show for one period, read from the
// aggregates in a handful of indexed sums (lib/dal/metrics/counters.ts).
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { reference } from "@/lib/dal/reference";
import { GROUP_BYS, ratesOf, type GroupBy, type Metrics } from "@/lib/domain/metrics";
import { previousPeriod, type Period, type PeriodKind } from "@/lib/domain/periods";
import { Forbidden } from "@/lib/errors";
import { aggregateCounters, total } from "./counters";
import { counterFilter, groupedMetrics, metricsScope, type GroupedMetrics } from "./read";

export type DashboardQuery = { kind: PeriodKind; period: Period; unit?: string };

export type Dashboard = {
  kind: PeriodKind;
  period: Period;
  previous: Period;
  /** The unit the figures are limited to (a LEAD's own, or a manager's choice); null = all units. */
  unit: { code: string; name: string } | null;
  /** Whether the actor may choose the unit (MANAGER) or is held to their own (LEAD). */
  allUnits: boolean;
  current: Metrics;
  before: Metrics;
  breakdowns: Record<GroupBy, GroupedMetrics[]>;
};

export async function dashboard(actor: Actor, query: DashboardQuery, now = new Date()): Promise<Dashboard> {
  if (!can(actor.role, "dashboard:view")) throw new Forbidden("您没有查看领导驾驶舱的权限");
  const scope = await metricsScope(actor);
  const filter = await counterFilter(scope, { ...query.period, unit: query.unit });
  const previous = previousPeriod(query.kind, query.period);
  const ref = await reference();

  const breakdowns = {} as Record<GroupBy, GroupedMetrics[]>;
  let current: Metrics | undefined;
  for (const groupBy of GROUP_BYS) {
    const grouped = await aggregateCounters(filter, groupBy, now);
    current ??= ratesOf(total(grouped), ref.settings); // every grouping sums to the same total
    breakdowns[groupBy] = await groupedMetrics(grouped, groupBy, filter);
  }
  const before = ratesOf(total(await aggregateCounters({ ...filter, period: previous }, undefined, now)), ref.settings);
  const unit = filter.unitId ? ref.unitById.get(filter.unitId) : undefined;
  return {
    kind: query.kind,
    period: query.period,
    previous,
    unit: unit ? { code: unit.code, name: unit.name } : null,
    allUnits: scope.unitId === undefined,
    current: current!,
    before,
    breakdowns,
  };
}
