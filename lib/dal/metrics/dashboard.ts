import "server-only";
// 领导驾驶舱: everything the dashboard and the reports show for one period, read from the
// aggregates in a handful of indexed sums (lib/dal/metrics/counters.ts).
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { changeMark, SHARED_READ_MS } from "@/lib/dal/change-mark";
import { reference } from "@/lib/dal/reference";
import { GROUP_BYS, ratesOf, type GroupBy, type Metrics } from "@/lib/domain/metrics";
import { comparisonOf, withoutFutureMonths } from "@/lib/domain/comparison";
import { localDateOf } from "@/lib/domain/local-time";
import type { Period, PeriodKind } from "@/lib/domain/periods";
import { standingOf, type Standing } from "@/lib/domain/unit-ranking";
import { Forbidden } from "@/lib/errors";
import { ttlCache } from "@/lib/ttl-cache";
import { countersWith, crossingsAt, total } from "./counters";
import { counterFilter, groupedMetrics, metricsScope, type GroupedMetrics } from "./read";

export type DashboardQuery = { kind: PeriodKind; period: Period; unit?: string };

export type Dashboard = {
  kind: PeriodKind;
  period: Period;
  /** What `before` covers: the same days a year earlier (同比, lib/domain/comparison.ts). */
  previous: Period;
  /** 「2021年」 or 「2025年同期（2025-01-01 至 2025-11-30）」. */
  previousLabel: string;
  /** The unit the figures are limited to (a LEAD's own, or a manager's choice); null = all units. */
  unit: { code: string; name: string } | null;
  /** Whether the actor may choose the unit (MANAGER) or is held to their own (LEAD). */
  allUnits: boolean;
  current: Metrics;
  before: Metrics;
  /** By month, months still to come left out. */
  breakdowns: Record<GroupBy, GroupedMetrics[]>;
  /**
   * With one unit in scope, its place in the 红黑榜 of all units. Only the rank and the number of
   * ranked units leave the scope — no other unit's figures — so a LEAD may see it too.
   */
  standing: Standing | null;
};

/**
 * The dashboard as the page shows it now: the same figures for everyone with the same scope and
 * view, so the leaders who open a view together share one read while nothing changed
 * (lib/dal/change-mark.ts), for a few seconds at most.
 */
export async function sharedDashboard(actor: Actor, query: DashboardQuery): Promise<Dashboard> {
  if (!can(actor.role, "dashboard:view")) throw new Forbidden("您没有查看领导驾驶舱的权限");
  const scope = await metricsScope(actor);
  const key = [scope.unitId ?? "*", query.kind, query.period.from, query.period.to, query.unit ?? "", await changeMark()].join("|");
  return sharedDashboards(key, () => dashboard(actor, query));
}

const sharedDashboards = ttlCache<Dashboard>(SHARED_READ_MS, 200);

export async function dashboard(actor: Actor, query: DashboardQuery, now = new Date()): Promise<Dashboard> {
  if (!can(actor.role, "dashboard:view")) throw new Forbidden("您没有查看领导驾驶舱的权限");
  const scope = await metricsScope(actor);
  const filter = await counterFilter(scope, { ...query.period, unit: query.unit });
  const today = localDateOf(now);
  const comparison = comparisonOf(query.kind, query.period, today);
  const ref = await reference();

  // Every figure below adds the same crossings not recorded yet: counted once for the page.
  const crossings = await crossingsAt(now);
  const breakdowns = {} as Record<GroupBy, GroupedMetrics[]>;
  let current: Metrics | undefined;
  for (const groupBy of GROUP_BYS) {
    const grouped = await countersWith(crossings, filter, groupBy);
    current ??= ratesOf(total(grouped), ref.settings); // every grouping sums to the same total
    breakdowns[groupBy] = await groupedMetrics(grouped, groupBy, filter);
  }
  breakdowns.month = withoutFutureMonths(breakdowns.month, today);
  const before = ratesOf(total(await countersWith(crossings, { ...filter, period: comparison.period }, undefined)), ref.settings);
  const unit = filter.unitId ? ref.unitById.get(filter.unitId) : undefined;
  let standing: Standing | null = null;
  if (unit) {
    const everyUnit = { ...filter, unitId: undefined };
    standing = standingOf(await groupedMetrics(await countersWith(crossings, everyUnit, "unit"), "unit", everyUnit), unit.code);
  }
  return {
    kind: query.kind,
    period: query.period,
    previous: comparison.period,
    previousLabel: comparison.label,
    unit: unit ? { code: unit.code, name: unit.name } : null,
    allUnits: scope.unitId === undefined,
    current: current!,
    before,
    breakdowns,
    standing,
  };
}
