import "server-only";
import { sql, type Kysely, type Transaction } from "kysely";
import { contactLateSql, monthSql, STORED_COUNTERS, type Dialect } from "@/lib/dal/metrics/counter-sql";
import type { DB } from "@/lib/generated/kysely/types";
import { localDateOf } from "@/lib/domain/local-time";
import { COUNTER_NAMES, emptyCounters, type CounterName, isCounted, ratesOf, ticketCounters, type Counters, type Metrics } from "@/lib/domain/metrics";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { toBoolean, toDate } from "@/lib/sql/values";
import { PAGE_SIZE } from "./copy";
import { REBUILT_TABLES } from "./plan";
import { compareFigures, type FigureRow, type TableCount, type Verification } from "./compare";

// The checks after a copy (docs/postgresql.md, "Moving a site"): the rows of every table, and
// the §6 figures of every unit and year, each side read twice — from its counter table
// (MetricMonthly, what the dashboard reads) and recounted from its tickets by the domain's own
// ticketCounters, so a date or boolean converted wrongly shows up even where the triggers agree.

type Db = Kysely<DB> | Transaction<DB>;
export type Side = { db: Db; dialect: Dialect };

/** unitId ('' = no owner unit yet) + local year of receipt → counters. */
type UnitYears = Map<string, Counters>;
const keyOf = (unitId: string, year: number | string) => `${unitId}|${year}`;

/** Adds counters as either engine returns sums (pg: bigint and numeric sums as strings). */
function add(into: UnitYears, key: string, counters: Partial<Record<CounterName, number | string | bigint | null>>): void {
  const sum = into.get(key) ?? emptyCounters();
  for (const name of COUNTER_NAMES) sum[name] += Number(counters[name] ?? 0);
  into.set(key, sum);
}

/**
 * Rows per table. Of the counter tables only the rows that count a ticket: SQLite's triggers
 * leave a row at zero when its last ticket leaves it (merged, moved to another unit), a recount
 * makes none. A row counts a ticket when `received` does — every counted ticket adds 1 to it.
 */
export async function rowCounts(db: Db, tables: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of tables) {
    const counting = REBUILT_TABLES.includes(table) ? sql`WHERE "received" <> 0` : sql``;
    const { rows } = await sql<{ count: number | string }>`SELECT COUNT(*) AS count FROM ${sql.table(table)} ${counting}`.execute(db);
    counts.set(table, Number(rows[0]?.count ?? 0));
  }
  return counts;
}

/** The counters as the dashboard reads them: MetricMonthly by unit and year, plus the crossings not recorded yet at `now`. */
async function countersFromAggregates({ db, dialect }: Side, now: Date): Promise<UnitYears> {
  const grouped: UnitYears = new Map();
  const year = sql<number>`"month" / 100`;
  const sums = await db
    .selectFrom("MetricMonthly")
    .select((eb) => ["unitId", year.as("year"), ...STORED_COUNTERS.map((name) => eb.fn.sum<number | string>(name).as(name))])
    .groupBy(["unitId", year])
    .having((eb) => eb.fn.sum("received"), "<>", 0) // a group every ticket has left (merged, moved) is none
    .execute();
  for (const row of sums) add(grouped, keyOf(row.unitId, row.year), row);

  const lateSql = contactLateSql("t", now, dialect);
  const { rows: late } = await sql<{ unitId: string; year: number | string; contactLate: number | string }>`
    SELECT COALESCE(t."ownerUnitId", '') AS "unitId", ${sql.raw(monthSql("t", dialect))} / 100 AS "year", COUNT(*) AS "contactLate"
    FROM "Ticket" t WHERE ${lateSql} GROUP BY 1, 2`.execute(db);
  for (const row of late) add(grouped, keyOf(row.unitId, row.year), { contactLate: Number(row.contactLate) });
  return grouped;
}

/** The same counters recounted from every ticket by the domain's rule, a page at a time. */
async function countersFromTickets({ db }: Side, now: Date): Promise<UnitYears> {
  const grouped: UnitYears = new Map();
  let after = "";
  for (;;) {
    const page = await db
      .selectFrom("Ticket")
      .select([
        "id", "ownerUnitId", "status", "anonymous", "receivedAt", "dispatchedAt", "signedAt", "signDueAt", "firstContactAt",
        "contactDueAt", "contactOverdueAt", "closedAt", "dueAt", "resolved", "satisfaction", "returnCount", "reopenCount",
      ])
      .where("id", ">", after)
      .orderBy("id")
      .limit(PAGE_SIZE)
      .execute();
    for (const t of page) {
      if (!isCounted(t.status)) continue;
      const receivedAt = toDate(t.receivedAt);
      const counters = ticketCounters(
        {
          ...t,
          anonymous: toBoolean(t.anonymous),
          receivedAt,
          dispatchedAt: toDate(t.dispatchedAt),
          signedAt: toDate(t.signedAt),
          signDueAt: toDate(t.signDueAt),
          firstContactAt: toDate(t.firstContactAt),
          contactDueAt: toDate(t.contactDueAt),
          contactOverdueAt: toDate(t.contactOverdueAt),
          closedAt: toDate(t.closedAt),
          dueAt: toDate(t.dueAt),
          resolved: toBoolean(t.resolved),
        },
        now,
      );
      add(grouped, keyOf(t.ownerUnitId ?? "", localDateOf(receivedAt).slice(0, 4)), counters);
    }
    if (page.length < PAGE_SIZE) return grouped;
    after = page.at(-1)!.id;
  }
}

/** 满意率's weight of 基本满意, as the side's settings hold it. */
async function basicWeight({ db }: Side): Promise<number> {
  const row = await db.selectFrom("Setting").select("value").where("key", "=", "satisfactionBasicWeight").executeTakeFirst();
  return row ? Number(JSON.parse(row.value)) : DEFAULT_SETTINGS.satisfactionBasicWeight;
}

/** Unit id → its code, for the report ('' → 待派单, no unit yet). */
async function unitCodes({ db }: Side): Promise<Map<string, string>> {
  const units = await db.selectFrom("Unit").select(["id", "code"]).execute();
  return new Map(units.map((unit) => [unit.id, unit.code]));
}

async function figuresOf(side: Side, now: Date): Promise<{ aggregates: Map<string, Metrics>; recount: Map<string, Metrics> }> {
  const weight = { satisfactionBasicWeight: await basicWeight(side) };
  const rates = (grouped: UnitYears) => new Map([...grouped].map(([key, counters]) => [key, ratesOf(counters, weight)]));
  return { aggregates: rates(await countersFromAggregates(side, now)), recount: rates(await countersFromTickets(side, now)) };
}

/**
 * Compares two sites: row counts of `tables`, and the §6 figures of every unit and year from
 * both sides' counter tables and ticket recounts, all at one `now`.
 */
export async function verifyCopy(source: Side, target: Side, tables: readonly string[], now = new Date()): Promise<Verification> {
  const [sourceCounts, targetCounts] = [await rowCounts(source.db, tables), await rowCounts(target.db, tables)];
  const counts: TableCount[] = tables.map((table) => ({ table, source: sourceCounts.get(table)!, target: targetCounts.get(table)! }));
  const sourceFigures = await figuresOf(source, now);
  const targetFigures = await figuresOf(target, now);
  const codes = await unitCodes(source);
  const keys = new Set([sourceFigures, targetFigures].flatMap((f) => [...f.aggregates.keys(), ...f.recount.keys()]));
  const rows: FigureRow[] = [...keys].map((key) => {
    const [unitId, year] = key.split("|") as [string, string];
    return {
      unitId,
      unit: unitId === "" ? "" : (codes.get(unitId) ?? unitId),
      year,
      source: { aggregates: sourceFigures.aggregates.get(key), recount: sourceFigures.recount.get(key) },
      target: { aggregates: targetFigures.aggregates.get(key), recount: targetFigures.recount.get(key) },
    };
  });
  return compareFigures(counts, rows);
}
