import "server-only";
// Summed counters for a period, read from the maintained aggregates (MetricDaily) plus the few
// open tickets whose contact deadline crossed since the scheduler last ran (contactLate). The
// naive twin reads the same sums from the tickets themselves: the benchmark times the two side
// by side, and the tests check they agree.
import type Database from "better-sqlite3";
import { emptyCounters, COUNTER_NAMES, type Counters, type GroupBy } from "@/lib/domain/metrics";
import { localMidnight } from "@/lib/domain/local-time";
import { dateOfDayNumber, dayNumberOfDate, monthOf, type Period } from "@/lib/domain/periods";
import { prepared } from "@/lib/sqlite";
import { contactLateSql, counterSql, countedSql, daySql, STORED_COUNTERS, unitSql } from "./counter-sql";

/** Which tickets: received in the period, optionally of one owner unit / category / channel. */
export type CounterFilter = { period: Period; unitId?: string; categoryCode?: string; channel?: string };

/** Counters per group key: unit id ('' = none yet), category code, channel code or "YYYY-MM". */
export type GroupedCounters = Map<string, Counters>;

type Row = { k: string | number | null } & Record<string, number | bigint | null>;

/** The SQL column each group-by reads, in MetricDaily (m) and in Ticket (t). */
const GROUP_COLUMN: Record<GroupBy | "none", { aggregate: string; ticket: string }> = {
  none: { aggregate: "NULL", ticket: "NULL" },
  unit: { aggregate: `m."unitId"`, ticket: unitSql("t") },
  category: { aggregate: `m."categoryCode"`, ticket: `t."categoryCode"` },
  channel: { aggregate: `m."channel"`, ticket: `t."channel"` },
  // Grouped by day in SQL and folded into months here: day → month needs the calendar.
  month: { aggregate: `m."day"`, ticket: daySql("t") },
};

type Params = Record<string, string | number>;

/** The filter as a WHERE over MetricDaily (m) or Ticket (t). */
export function filterSql(alias: "m" | "t", filter: CounterFilter): { sql: string; params: Params } {
  const { from, to } = filter.period;
  const conds: string[] = [];
  const params: Params = {};
  if (alias === "m") {
    conds.push(`m."day" >= :fromDay`, `m."day" < :toDay`);
    Object.assign(params, { fromDay: dayNumberOfDate(from), toDay: dayNumberOfDate(to) });
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

function keyOf(groupBy: GroupBy | undefined, k: Row["k"]): string {
  if (groupBy === undefined) return "";
  if (groupBy === "month") return monthOf(dateOfDayNumber(Number(k)));
  return String(k ?? "");
}

function collect(rows: Row[], groupBy: GroupBy | undefined, into: GroupedCounters = new Map()): GroupedCounters {
  for (const row of rows) {
    const key = keyOf(groupBy, row.k);
    const counters = into.get(key) ?? emptyCounters();
    for (const name of COUNTER_NAMES) counters[name] += Number(row[name] ?? 0);
    into.set(key, counters);
  }
  return into;
}

const groupOf = (groupBy: GroupBy | undefined) => GROUP_COLUMN[groupBy ?? "none"];

/** The crossings not recorded yet, counted at `now` (see contactLateSql). */
function addContactLate(sqlite: Database.Database, filter: CounterFilter, groupBy: GroupBy | undefined, now: Date, into: GroupedCounters) {
  const w = filterSql("t", filter);
  const sql = `SELECT ${groupOf(groupBy).ticket} AS k, COUNT(*) AS "contactLate"
    FROM "Ticket" t WHERE ${contactLateSql("t")} AND ${w.sql} GROUP BY 1`;
  return collect(prepared(sqlite, sql).all({ ...w.params, now: now.getTime() }) as Row[], groupBy, into);
}

/** Counters from MetricDaily: sums a few hundred rows per unit and year. */
export function aggregateCounters(sqlite: Database.Database, filter: CounterFilter, groupBy: GroupBy | undefined, now: Date): GroupedCounters {
  const w = filterSql("m", filter);
  const sql = `SELECT ${groupOf(groupBy).aggregate} AS k, ${STORED_COUNTERS.map((c) => `SUM(m."${c}") AS "${c}"`).join(", ")}
    FROM "MetricDaily" m WHERE ${w.sql} GROUP BY 1`;
  const grouped = collect(prepared(sqlite, sql).all(w.params) as Row[], groupBy);
  return addContactLate(sqlite, filter, groupBy, now, grouped);
}

/** The same counters by reading every ticket in the period (the benchmark's baseline, the tests' recount). */
export function naiveCounters(sqlite: Database.Database, filter: CounterFilter, groupBy: GroupBy | undefined, now: Date): GroupedCounters {
  const w = filterSql("t", filter);
  const sums = STORED_COUNTERS.map((c) => `SUM(${counterSql(c, "t")}) AS "${c}"`);
  const late = `SUM(CASE WHEN ${contactLateSql("t")} THEN 1 ELSE 0 END) AS "contactLate"`;
  const sql = `SELECT ${groupOf(groupBy).ticket} AS k, ${sums.join(", ")}, ${late} FROM "Ticket" t WHERE ${w.sql} GROUP BY 1`;
  return collect(prepared(sqlite, sql).all({ ...w.params, now: now.getTime() }) as Row[], groupBy);
}

/** All counters of the filter in one, whatever the grouping. */
export function total(grouped: GroupedCounters): Counters {
  const sum = emptyCounters();
  for (const counters of grouped.values()) for (const name of COUNTER_NAMES) sum[name] += counters[name];
  return sum;
}
