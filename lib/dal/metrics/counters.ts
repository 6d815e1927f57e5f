import "server-only";
// Summed counters for a period, read from the maintained aggregates — whole months from
// MetricMonthly, the days around them from MetricDaily — plus the few open tickets whose contact
// deadline crossed since the scheduler last ran (contactLate). The
// naive twin reads the same sums from the tickets themselves: the benchmark times the two side
// by side, and the tests check they agree.
import type Database from "better-sqlite3";
import { emptyCounters, COUNTER_NAMES, type Counters, type GroupBy } from "@/lib/domain/metrics";
import { localMidnight } from "@/lib/domain/local-time";
import { dateOfDayNumber, dayNumberOfDate, monthNumber, monthOf, monthOfNumber, splitByMonths, type Period } from "@/lib/domain/periods";
import { prepared } from "@/lib/sqlite";
import { BUCKETS, contactLateSql, counterSql, countedSql, daySql, STORED_COUNTERS, unitSql, type Bucket } from "./counter-sql";

/** Which tickets: received in the period, optionally of one owner unit / category / channel. */
export type CounterFilter = { period: Period; unitId?: string; categoryCode?: string; channel?: string };

/** Counters per group key: unit id ('' = none yet), category code, channel code or "YYYY-MM". */
export type GroupedCounters = Map<string, Counters>;

type Row = { k: string | number | null } & Record<string, number | bigint | null>;

/** The SQL column each group-by reads in an aggregate table (m) and in Ticket (t). */
function groupColumn(groupBy: GroupBy | undefined, alias: "m" | "t", bucket: Bucket = BUCKETS.daily): string {
  if (groupBy === undefined) return "NULL";
  if (groupBy === "unit") return alias === "m" ? `m."unitId"` : unitSql("t");
  if (groupBy === "category") return `${alias}."categoryCode"`;
  if (groupBy === "channel") return `${alias}."channel"`;
  // By day (or yyyymm) in SQL, folded into "YYYY-MM" keys by monthKey.
  return alias === "m" ? `m."${bucket.column}"` : daySql("t");
}

/** A month group's key from the bucket number SQL grouped by. */
function monthKey(bucket: Bucket): (k: number) => string {
  return bucket === BUCKETS.monthly ? monthOfNumber : (day) => monthOf(dateOfDayNumber(day));
}

type Params = Record<string, string | number>;

/** The filter as a WHERE over an aggregate table (m; whole months for the monthly one) or Ticket (t). */
export function filterSql(alias: "m" | "t", filter: CounterFilter, bucket: Bucket = BUCKETS.daily): { sql: string; params: Params } {
  const { from, to } = filter.period;
  const conds: string[] = [];
  const params: Params = {};
  if (alias === "m") {
    conds.push(`m."${bucket.column}" >= :lo`, `m."${bucket.column}" < :hi`);
    const at = bucket === BUCKETS.monthly ? (date: string) => monthNumber(date) : dayNumberOfDate;
    Object.assign(params, { lo: at(from), hi: at(to) });
  } else {
    // Bounds on receivedAt itself (not on the day expression), so the receivedAt indexes apply.
    conds.push(`t."receivedAt" >= :fromMs`, `t."receivedAt" < :toMs`, countedSql("t"));
    Object.assign(params, { fromMs: localMidnight(from).getTime(), toMs: localMidnight(to).getTime() });
  }
  if (filter.unitId !== undefined) {
    // '' is "no unit yet"; a real id compares the column itself, so (ownerUnitId, receivedAt) applies.
    const column = alias === "m" ? `m."unitId"` : filter.unitId === "" ? unitSql("t") : `t."ownerUnitId"`;
    conds.push(`${column} = :unitId`);
    params.unitId = filter.unitId;
  }
  if (filter.categoryCode) {
    conds.push(`${alias}."categoryCode" = :categoryCode`);
    params.categoryCode = filter.categoryCode;
  }
  if (filter.channel) {
    conds.push(`${alias}."channel" = :channel`);
    params.channel = filter.channel;
  }
  return { sql: conds.join(" AND "), params };
}

function collect(rows: Row[], groupBy: GroupBy | undefined, into: GroupedCounters, bucket: Bucket = BUCKETS.daily): GroupedCounters {
  const keyOf = (k: Row["k"]) => (groupBy === undefined ? "" : groupBy === "month" ? monthKey(bucket)(Number(k)) : String(k ?? ""));
  for (const row of rows) {
    const key = keyOf(row.k);
    const counters = into.get(key) ?? emptyCounters();
    for (const name of COUNTER_NAMES) counters[name] += Number(row[name] ?? 0);
    into.set(key, counters);
  }
  return into;
}

/** The crossings not recorded yet, counted at `now` (see contactLateSql). */
function addContactLate(sqlite: Database.Database, filter: CounterFilter, groupBy: GroupBy | undefined, now: Date, into: GroupedCounters) {
  const w = filterSql("t", filter);
  const sql = `SELECT ${groupColumn(groupBy, "t")} AS k, COUNT(*) AS "contactLate"
    FROM "Ticket" t WHERE ${contactLateSql("t")} AND ${w.sql} GROUP BY 1`;
  return collect(prepared(sqlite, sql).all({ ...w.params, now: now.getTime() }) as Row[], groupBy, into);
}

/** One aggregate table's sums over (a month-aligned part of) the filter's period. */
function readBucket(sqlite: Database.Database, bucket: Bucket, filter: CounterFilter, groupBy: GroupBy | undefined, into: GroupedCounters) {
  const w = filterSql("m", filter, bucket);
  const sql = `SELECT ${groupColumn(groupBy, "m", bucket)} AS k, ${STORED_COUNTERS.map((c) => `SUM(m."${c}") AS "${c}"`).join(", ")}
    FROM "${bucket.table}" m WHERE ${w.sql} GROUP BY 1
    HAVING SUM(m."received") <> 0`; // a group every ticket has left (merged, moved to another unit) is none
  collect(prepared(sqlite, sql).all(w.params) as Row[], groupBy, into, bucket);
}

/** Counters from the aggregates: a year is 12 months × units × categories × channels, not tickets. */
export function aggregateCounters(sqlite: Database.Database, filter: CounterFilter, groupBy: GroupBy | undefined, now: Date): GroupedCounters {
  const grouped: GroupedCounters = new Map();
  const { months, days } = splitByMonths(filter.period);
  if (months) readBucket(sqlite, BUCKETS.monthly, { ...filter, period: months }, groupBy, grouped);
  for (const part of days) readBucket(sqlite, BUCKETS.daily, { ...filter, period: part }, groupBy, grouped);
  return addContactLate(sqlite, filter, groupBy, now, grouped);
}

/** The same counters by reading every ticket in the period (the benchmark's baseline, the tests' recount). */
export function naiveCounters(sqlite: Database.Database, filter: CounterFilter, groupBy: GroupBy | undefined, now: Date): GroupedCounters {
  const w = filterSql("t", filter);
  const sums = STORED_COUNTERS.map((c) => `SUM(${counterSql(c, "t")}) AS "${c}"`);
  const late = `SUM(CASE WHEN ${contactLateSql("t")} THEN 1 ELSE 0 END) AS "contactLate"`;
  const sql = `SELECT ${groupColumn(groupBy, "t")} AS k, ${sums.join(", ")}, ${late} FROM "Ticket" t WHERE ${w.sql} GROUP BY 1`;
  return collect(prepared(sqlite, sql).all({ ...w.params, now: now.getTime() }) as Row[], groupBy, new Map());
}

/** All counters of the filter in one, whatever the grouping. */
export function total(grouped: GroupedCounters): Counters {
  const sum = emptyCounters();
  for (const counters of grouped.values()) for (const name of COUNTER_NAMES) sum[name] += counters[name];
  return sum;
}
