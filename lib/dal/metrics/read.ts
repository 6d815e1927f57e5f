import "server-only";
// The rates of DOMAIN.md §6 for `npm run cli -- metrics`, GET /api/v1/metrics and the dashboard.
//
// Scope: MANAGER and DISPATCHER read every unit (optionally one); HANDLER and LEAD read their own
// unit only — a squadron's staff read their brigade's, since tickets are attributed to the owner
// unit (the brigade) and a squadron owns none.
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { reference, type Reference } from "@/lib/dal/reference";
import { CATEGORY_CODES, CHANNELS } from "@/lib/domain/labels";
import { emptyCounters, ratesOf, UNASSIGNED_KEY, type GroupBy, type Metrics } from "@/lib/domain/metrics";
import { monthsOf } from "@/lib/domain/periods";
import { Forbidden, Invalid } from "@/lib/errors";
import type { MetricsQuery } from "@/lib/validation/metrics";
import { aggregateCounters, total, type CounterFilter, type GroupedCounters } from "./counters";

export type GroupedMetrics = { key: string } & Metrics;

/** Whose figures an actor may read: one unit, or all (`unitId` undefined). */
export type MetricsScope = { unitId?: string };

/** The unit a HANDLER / LEAD reads: their own, or their brigade for a squadron's staff. */
function ownBrigade(ref: Reference, actor: Actor): string {
  const unit = actor.unitId ? ref.unitById.get(actor.unitId) : undefined;
  if (!unit) throw new Forbidden("您的账号未归属单位，无法查看统计");
  return unit.kind === "SQUADRON" && unit.parentId ? unit.parentId : unit.id;
}

/** Checks the actor may read metrics at all and returns the scope they are limited to. */
export async function metricsScope(actor: Actor): Promise<MetricsScope> {
  if (can(actor.role, "metrics:read:all")) return {};
  if (can(actor.role, "metrics:read:unit")) return { unitId: ownBrigade(await reference(), actor) };
  throw new Forbidden("您没有查看统计的权限");
}

/** The counter filter of a query within a scope; asking for another unit than one's own is refused. */
export async function counterFilter(scope: MetricsScope, query: Pick<MetricsQuery, "from" | "to" | "unit" | "category" | "channel">): Promise<CounterFilter> {
  const ref = await reference();
  let unitId = scope.unitId;
  if (query.unit) {
    const unit = query.unit === UNASSIGNED_KEY ? { id: "" } : ref.unitByCode.get(query.unit);
    if (!unit) throw new Invalid([{ field: "unit", message: `单位代码「${query.unit}」不存在` }]);
    if (scope.unitId !== undefined && unit.id !== scope.unitId) throw new Forbidden("只能查看本单位的统计");
    unitId = unit.id;
  }
  return { period: { from: query.from, to: query.to }, unitId, categoryCode: query.category, channel: query.channel };
}

/**
 * The groups a breakdown always lists, even with nothing received: every month of the period
 * (a trend has no gaps) and, by unit, every active brigade in scope (the 红黑榜 ranks them all).
 */
function standingKeys(ref: Reference, groupBy: GroupBy, filter: CounterFilter): string[] {
  if (groupBy === "month") return monthsOf(filter.period);
  if (groupBy === "unit") {
    return ref.units.filter((u) => u.kind === "BRIGADE" && u.active && (filter.unitId === undefined || u.id === filter.unitId)).map((u) => u.id);
  }
  return [];
}

/** Display order: months in order, units / categories / channels in their configured order. */
function orderOf(ref: Reference, groupBy: GroupBy): (key: string) => number {
  const position = (list: readonly string[]) => (key: string) => {
    const i = list.indexOf(key);
    return i === -1 ? list.length : i;
  };
  if (groupBy === "unit") return position([...ref.units.map((u) => u.id), ""]); // unassigned last
  if (groupBy === "category") return position(CATEGORY_CODES);
  if (groupBy === "channel") return position(CHANNELS);
  return () => 0;
}

function publicKey(ref: Reference, groupBy: GroupBy, key: string): string {
  if (groupBy !== "unit") return key;
  return key === "" ? UNASSIGNED_KEY : (ref.unitById.get(key)?.code ?? key);
}

/** Counters → §6 figures, per group, in display order. */
export async function groupedMetrics(grouped: GroupedCounters, groupBy: GroupBy, filter: CounterFilter): Promise<GroupedMetrics[]> {
  const ref = await reference();
  const keys = new Set([...standingKeys(ref, groupBy, filter), ...grouped.keys()]);
  const order = orderOf(ref, groupBy);
  const sorted = [...keys].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  return sorted.map((key) => ({
    key: publicKey(ref, groupBy, key),
    ...ratesOf(grouped.get(key) ?? emptyCounters(), ref.settings),
  }));
}

/** The figures of one filter: one object, or one per group. */
export async function computeMetrics(filter: CounterFilter, groupBy: GroupBy | undefined, now = new Date()): Promise<Metrics | GroupedMetrics[]> {
  const grouped = await aggregateCounters(filter, groupBy, now);
  if (groupBy) return groupedMetrics(grouped, groupBy, filter);
  return ratesOf(total(grouped), (await reference()).settings);
}

/** GET /api/v1/metrics: the actor's figures, as §7's JSON. */
export async function readMetrics(actor: Actor, query: MetricsQuery, now = new Date()): Promise<Metrics | GroupedMetrics[]> {
  const filter = await counterFilter(await metricsScope(actor), query);
  return computeMetrics(filter, query.groupBy, now);
}

/** `npm run cli -- metrics`: the administrator's command line reads every unit. */
export async function systemMetrics(query: MetricsQuery, now = new Date()): Promise<Metrics | GroupedMetrics[]> {
  return computeMetrics(await counterFilter({}, query), query.groupBy, now);
}
