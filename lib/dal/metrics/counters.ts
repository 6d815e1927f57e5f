import "server-only";
// Summed counters for a period, read from the maintained aggregates — whole months from
// MetricMonthly, the days around them from MetricDaily — plus the few open tickets whose contact
// deadline crossed since the scheduler last ran (contactLate). The
// naive twin reads the same sums from the tickets themselves: the benchmark times the two side
// by side, and the tests check they agree. The SQL is written once for both engines: the
// expressions come from counter-sql.ts in the engine's dialect, values are bound parameters.
import { sql as kyselySql, type RawBuilder, type SqlBool } from "kysely";
import { emptyCounters, COUNTER_NAMES, GROUP_BYS, type Counters, type GroupBy } from "@/lib/domain/metrics";
import { localMidnight } from "@/lib/domain/local-time";
import { dateOfDayNumber, dayNumberOfDate, monthNumber, monthOf, monthOfNumber, splitByMonths, type Period } from "@/lib/domain/periods";
import { env } from "@/lib/env";
import { sql } from "@/lib/sql";
import { BUCKETS, contactLateSql, counterSql, countedSql, daySql, STORED_COUNTERS, unitSql, type Bucket, type Dialect } from "./counter-sql";

/** Which tickets: received in the period, optionally of one owner unit / category / channel. */
export type CounterFilter = { period: Period; unitId?: string; categoryCode?: string; channel?: string };

/** Counters per group key: unit id ('' = none yet), category code, channel code or "YYYY-MM". */
export type GroupedCounters = Map<string, Counters>;

/** A group's sums. PostgreSQL hands SUM / COUNT (bigint, numeric) over as strings. */
type Row = { k: string | number | null } & Record<string, number | string | bigint | null>;

/** The engine's spelling of the few expressions that differ (counter-sql.ts). */
export const dialect = (): Dialect => env().databaseEngine;

/** The SQL column each group-by reads in an aggregate table (m) and in Ticket (t). */
function groupColumn(groupBy: GroupBy | undefined, alias: "m" | "t", bucket: Bucket = BUCKETS.daily): RawBuilder<unknown> {
  // No grouping: one NULL key. The queries say `GROUP BY 1`, which groups by it on both engines
  // (PostgreSQL refuses a constant written out in GROUP BY).
  if (groupBy === undefined) return kyselySql`NULL`;
  if (groupBy === "unit") return kyselySql.raw(alias === "m" ? `m."unitId"` : unitSql("t"));
  if (groupBy === "category") return kyselySql.raw(`${alias}."categoryCode"`);
  if (groupBy === "channel") return kyselySql.raw(`${alias}."channel"`);
  // By day (or yyyymm) in SQL, folded into "YYYY-MM" keys by monthKey.
  return kyselySql.raw(alias === "m" ? `m."${bucket.column}"` : daySql("t", dialect()));
}

/** A month group's key from the bucket number SQL grouped by. */
function monthKey(bucket: Bucket): (k: number) => string {
  return bucket === BUCKETS.monthly ? monthOfNumber : (day) => monthOf(dateOfDayNumber(day));
}

/**
 * The filter as a WHERE over an aggregate table (m; whole months for the monthly one) or Ticket (t).
 * `backlog`: the query also holds contactLateSql, whose (status, escalationAt) index finds the few
 * open rows whatever the period; the period then only filters those rows. Offered as an index
 * too, receivedAt would tempt PostgreSQL into ANDing a bitmap of the whole period (a year is
 * millions of entries at 10M tickets) and SQLite, given a unit, into scanning its whole year.
 */
export function filterSql(alias: "m" | "t", filter: CounterFilter, bucket: Bucket = BUCKETS.daily, backlog = false): RawBuilder<SqlBool> {
  const { from, to } = filter.period;
  const conds: RawBuilder<unknown>[] = [];
  if (alias === "m") {
    const column = kyselySql.raw(`m."${bucket.column}"`);
    const at = bucket === BUCKETS.monthly ? (date: string) => monthNumber(date) : dayNumberOfDate;
    conds.push(kyselySql`${column} >= ${at(from)}`, kyselySql`${column} < ${at(to)}`);
  } else {
    // Bounds on receivedAt itself (not on the day expression), so the receivedAt indexes apply;
    // over the backlog wrapped in an expression no index matches, on either engine.
    const receivedAt = kyselySql.raw(backlog ? `COALESCE(t."receivedAt", t."receivedAt")` : `t."receivedAt"`);
    conds.push(kyselySql`${receivedAt} >= ${localMidnight(from)}`, kyselySql`${receivedAt} < ${localMidnight(to)}`, kyselySql.raw(countedSql("t")));
  }
  if (filter.unitId !== undefined) {
    // '' is "no unit yet"; a real id compares the column itself, so (ownerUnitId, receivedAt) applies.
    const column = alias === "m" ? `m."unitId"` : filter.unitId === "" ? unitSql("t") : `t."ownerUnitId"`;
    conds.push(kyselySql`${kyselySql.raw(column)} = ${filter.unitId}`);
  }
  if (filter.categoryCode) conds.push(kyselySql`${kyselySql.raw(`${alias}."categoryCode"`)} = ${filter.categoryCode}`);
  if (filter.channel) conds.push(kyselySql`${kyselySql.raw(`${alias}."channel"`)} = ${filter.channel}`);
  return kyselySql<SqlBool>`${kyselySql.join(conds, kyselySql` AND `)}`;
}

/** Adds each row's counters to its group; the group key is in column `keyColumn` of the row. */
function collect(rows: Row[], groupBy: GroupBy | undefined, into: GroupedCounters, bucket: Bucket = BUCKETS.daily, keyColumn = "k"): GroupedCounters {
  const keyOf = (k: Row["k"]) => (groupBy === undefined ? "" : groupBy === "month" ? monthKey(bucket)(Number(k)) : String(k ?? ""));
  for (const row of rows) {
    const key = keyOf(row[keyColumn] as Row["k"]);
    const counters = into.get(key) ?? emptyCounters();
    for (const name of COUNTER_NAMES) counters[name] += Number(row[name] ?? 0);
    into.set(key, counters);
  }
  return into;
}

/** Runs one of the sums below on this process's engine. */
async function grouped(query: RawBuilder<Row>): Promise<Row[]> {
  return (await query.execute(sql())).rows;
}

/** The crossings not recorded yet, counted at `now` (see contactLateSql); exported for its plan test. */
export function contactLateQuery(filter: CounterFilter, groupBy: GroupBy | undefined, now: Date): RawBuilder<Row> {
  return kyselySql<Row>`SELECT ${groupColumn(groupBy, "t")} AS k, COUNT(*) AS "contactLate"
    FROM "Ticket" t WHERE ${contactLateSql("t", now, dialect())} AND ${filterSql("t", filter, BUCKETS.daily, true)} GROUP BY 1`;
}

/** One aggregate table's sums over (a month-aligned part of) the filter's period. */
async function readBucket(bucket: Bucket, filter: CounterFilter, groupBy: GroupBy | undefined, into: GroupedCounters): Promise<void> {
  const sums = kyselySql.raw(STORED_COUNTERS.map((c) => `SUM(m."${c}") AS "${c}"`).join(", "));
  const rows = await grouped(kyselySql<Row>`SELECT ${groupColumn(groupBy, "m", bucket)} AS k, ${sums}
    FROM ${kyselySql.table(bucket.table)} m WHERE ${filterSql("m", filter, bucket)} GROUP BY 1
    HAVING SUM(m."received") <> 0`); // a group every ticket has left (merged, moved to another unit) is none
  collect(rows, groupBy, into, bucket);
}

/** The stored counters of the filter from the aggregates: whole months, then the days around them. */
export async function readAggregates(filter: CounterFilter, groupBy: GroupBy | undefined, into: GroupedCounters): Promise<GroupedCounters> {
  const { months, days } = splitByMonths(filter.period);
  if (months) await readBucket(BUCKETS.monthly, { ...filter, period: months }, groupBy, into);
  for (const part of days) await readBucket(BUCKETS.daily, { ...filter, period: part }, groupBy, into);
  return into;
}

/** Counters from the aggregates: a year is 12 months × units × categories × channels, not tickets. */
export async function aggregateCounters(filter: CounterFilter, groupBy: GroupBy | undefined, now: Date): Promise<GroupedCounters> {
  const into = await readAggregates(filter, groupBy, new Map());
  return collect(await grouped(contactLateQuery(filter, groupBy, now)), groupBy, into);
}

/**
 * The crossings not recorded yet at `now` (contactLateSql) of the whole backlog, counted by unit,
 * category, channel and day: one walk over the open tickets past a deadline (6–15 ms at
 * 10,000,000 tickets) that a page reading several periods and groupings shares (the dashboard:
 * four breakdowns, the same period a year before, the unit's standing) instead of one walk each.
 */
export type Crossings = Row[];

export async function crossingsAt(now: Date): Promise<Crossings> {
  const keys = kyselySql.join(GROUP_BYS.map((groupBy) => kyselySql`${groupColumn(groupBy, "t")} AS ${kyselySql.ref(groupBy)}`));
  return grouped(kyselySql<Row>`SELECT ${keys}, COUNT(*) AS "contactLate"
    FROM "Ticket" t WHERE ${contactLateSql("t", now, dialect())} AND ${kyselySql.raw(countedSql("t"))} GROUP BY 1, 2, 3, 4`);
}

/** The crossings of `filter` (the same conditions filterSql puts on the tickets), by `groupBy`. */
function collectCrossings(crossings: Crossings, filter: CounterFilter, groupBy: GroupBy | undefined, into: GroupedCounters): GroupedCounters {
  const from = dayNumberOfDate(filter.period.from);
  const to = dayNumberOfDate(filter.period.to);
  // The "month" column holds the day number (groupColumn of Ticket); collect folds it into months.
  const rows = crossings.filter(
    (row) =>
      Number(row.month) >= from &&
      Number(row.month) < to &&
      (filter.unitId === undefined || row.unit === filter.unitId) &&
      (!filter.categoryCode || row.category === filter.categoryCode) &&
      (!filter.channel || row.channel === filter.channel),
  );
  return collect(rows, groupBy, into, BUCKETS.daily, groupBy ?? "k");
}

/** aggregateCounters with the crossings already counted (crossingsAt). */
export async function countersWith(crossings: Crossings, filter: CounterFilter, groupBy: GroupBy | undefined): Promise<GroupedCounters> {
  return collectCrossings(crossings, filter, groupBy, await readAggregates(filter, groupBy, new Map()));
}

/** The same counters by reading every ticket in the period (the benchmark's baseline, the tests' recount). */
export async function naiveCounters(filter: CounterFilter, groupBy: GroupBy | undefined, now: Date): Promise<GroupedCounters> {
  const sums = kyselySql.raw(STORED_COUNTERS.map((c) => `SUM(${counterSql(c, "t", dialect())}) AS "${c}"`).join(", "));
  const late = kyselySql`SUM(CASE WHEN ${contactLateSql("t", now, dialect())} THEN 1 ELSE 0 END) AS "contactLate"`;
  const rows = await grouped(kyselySql<Row>`SELECT ${groupColumn(groupBy, "t")} AS k, ${sums}, ${late}
    FROM "Ticket" t WHERE ${filterSql("t", filter)} GROUP BY 1`);
  return collect(rows, groupBy, new Map());
}

/** All counters of the filter in one, whatever the grouping. */
export function total(grouped: GroupedCounters): Counters {
  const sum = emptyCounters();
  for (const counters of grouped.values()) for (const name of COUNTER_NAMES) sum[name] += counters[name];
  return sum;
}
