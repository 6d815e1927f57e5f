// The SQL twin of ticketCounters (lib/domain/metrics.ts): one expression per counter over a
// Ticket row, used by the aggregate triggers, the rebuild, the naive scan and the drill-down
// lists — so "the list behind a figure" and "the figure" are the same predicate.
//
// Each expression is written once for both engines (docs/postgresql.md). SQLite stores dates as
// epoch milliseconds and booleans as 0/1 (lib/db.ts); PostgreSQL as UTC TIMESTAMP(3) and boolean.
// Comparisons between two dates read the same on both, so only a few spots differ — a date used
// as a number, a boolean tested, the local month, the upsert's reference to the stored row — and
// those go through ENGINES. Every function takes the dialect last and defaults to SQLite.
//
// No "server-only" here: scripts/metrics-triggers.ts prints the triggers from these strings.

import { sql, type RawBuilder, type SqlBool } from "kysely";
import { COUNTER_NAMES, EXCLUDED_STATUSES } from "@/lib/domain/metrics";
import { OPEN_STATUSES } from "@/lib/domain/overdue";

/** Counters kept in MetricDaily; contactLate depends on the clock and is counted at read time. */
export const STORED_COUNTERS = COUNTER_NAMES.filter((name) => name !== "contactLate");
export type StoredCounter = (typeof STORED_COUNTERS)[number];

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(", ");

export const DIALECTS = ["sqlite", "postgresql"] as const;
export type Dialect = (typeof DIALECTS)[number];

/** Asia/Shanghai has had no daylight saving since 1991: local time is UTC + 8 h throughout. */
const OFFSET_HOURS = 8;
const OFFSET_MS = OFFSET_HOURS * 3_600_000;

type Engine = {
  /**
   * A date as epoch milliseconds. On PostgreSQL a bigint, so that `/` on it divides as integers
   * (truncating, as SQLite's integer `/` does) and the day number is the same on both engines.
   */
  epochMs: (date: string) => string;
  /** A condition true of every row: PostgreSQL's CASE WHEN takes a boolean, not 1. */
  always: string;
  isTrue: (column: string) => string;
  isFalse: (column: string) => string;
  /** The local (UTC+8) month of a date as the integer yyyymm. */
  localMonth: (date: string) => string;
  /**
   * The stored row's value of a counter inside ON CONFLICT … DO UPDATE: PostgreSQL finds a bare
   * name ambiguous between the table and EXCLUDED, SQLite takes it as the table's.
   */
  stored: (table: string, column: string) => string;
};

const ENGINES: Record<Dialect, Engine> = {
  sqlite: {
    epochMs: (date) => date,
    always: "1",
    isTrue: (column) => `${column} = 1`,
    isFalse: (column) => `${column} = 0`,
    localMonth: (date) => `CAST(strftime('%Y%m', (${date} + ${OFFSET_MS}) / 1000, 'unixepoch') AS INTEGER)`,
    stored: (_table, column) => `"${column}"`,
  },
  postgresql: {
    // TIMESTAMP(3) without time zone holding UTC: EXTRACT reads it as UTC seconds.
    epochMs: (date) => `(EXTRACT(EPOCH FROM ${date}) * 1000)::bigint`,
    always: "TRUE",
    isTrue: (column) => `${column} = TRUE`,
    isFalse: (column) => `${column} = FALSE`,
    localMonth: (date) => `CAST(to_char(${date} + INTERVAL '${OFFSET_HOURS} hours', 'YYYYMM') AS INTEGER)`,
    stored: (table, column) => `"${table}"."${column}"`,
  },
};

/** §6 leaves MERGED and INVALID tickets out of every figure. */
export function countedSql(t: string): string {
  return `${t}."status" NOT IN (${list(EXCLUDED_STATUSES)})`;
}

/** The local (Asia/Shanghai, UTC+8) day of a date column as days since 1970-01-01: localDayNumber. */
export function localDaySql(column: string, dialect: Dialect): string {
  return `((${ENGINES[dialect].epochMs(column)} + ${OFFSET_MS}) / 86400000)`;
}

/** The local day of receipt (localDaySql of receivedAt). */
export function daySql(t: string, dialect: Dialect = "sqlite"): string {
  return localDaySql(`${t}."receivedAt"`, dialect);
}

/** The local month of receipt as yyyymm (202503): monthNumber. */
export function monthSql(t: string, dialect: Dialect = "sqlite"): string {
  return ENGINES[dialect].localMonth(`${t}."receivedAt"`);
}

/**
 * The aggregate tables: counters per local day, and the same per local month so that a year is
 * summed from a few thousand monthly rows rather than tens of thousands of daily ones.
 */
export const BUCKETS = {
  daily: { table: "MetricDaily", column: "day", of: daySql },
  monthly: { table: "MetricMonthly", column: "month", of: monthSql },
} as const;
export type Bucket = (typeof BUCKETS)[keyof typeof BUCKETS];

export function unitSql(t: string): string {
  return `COALESCE(${t}."ownerUnitId", '')`;
}

const inTime = (t: string, done: string, due: string) =>
  `(${t}."${done}" IS NOT NULL AND (${t}."${due}" IS NULL OR ${t}."${done}" <= ${t}."${due}"))`;

const closed = (t: string) => `(${t}."status" = 'CLOSED' AND ${t}."closedAt" IS NOT NULL)`;
const answered = (t: string) => `(${t}."satisfaction" IN ('SATISFIED', 'BASIC', 'UNSATISFIED'))`;
const uncontacted = (t: string, dialect: Dialect) => `(${ENGINES[dialect].isFalse(`${t}."anonymous"`)} AND ${t}."contactDueAt" IS NOT NULL AND ${t}."firstContactAt" IS NULL)`;
const crossingRecorded = (t: string) => `(${t}."contactOverdueAt" IS NOT NULL AND ${t}."contactOverdueAt" >= ${t}."contactDueAt")`;

/**
 * Each 0/1 counter as a condition on one counted row `t` (conditions may be NULL when a column
 * is: as a WHERE that is false, and `counterSql` makes it 0).
 */
export const COUNTER_CONDITIONS: Record<Exclude<StoredCounter, "handlingMs">, (t: string, dialect?: Dialect) => string> = {
  received: (_t, dialect = "sqlite") => ENGINES[dialect].always,
  dispatched: (t) => `${t}."dispatchedAt" IS NOT NULL`,
  returned: (t) => `${t}."returnCount" > 0`,
  closed,
  closedOnTime: (t) => `(${closed(t)} AND (${t}."dueAt" IS NULL OR ${t}."closedAt" <= ${t}."dueAt"))`,
  evaluated: answered,
  resolved: (t, dialect = "sqlite") => `(${answered(t)} AND ${ENGINES[dialect].isTrue(`${t}."resolved"`)})`,
  satisfied: (t) => `${t}."satisfaction" = 'SATISFIED'`,
  basic: (t) => `${t}."satisfaction" = 'BASIC'`,
  reopened: (t) => `${t}."reopenCount" > 0`,
  responded: (t) => `(${inTime(t, "signedAt", "signDueAt")} AND ${inTime(t, "firstContactAt", "contactDueAt")})`,
  contactDue: (t, dialect = "sqlite") => `(${t}."firstContactAt" IS NOT NULL OR (${uncontacted(t, dialect)} AND ${crossingRecorded(t)}))`,
};

/** One row's contribution to a counter: 0/1, or milliseconds for handlingMs. */
export function counterSql(name: StoredCounter, t: string, dialect: Dialect = "sqlite"): string {
  const { epochMs } = ENGINES[dialect];
  if (name === "handlingMs") return `(CASE WHEN ${closed(t)} THEN ${epochMs(`${t}."closedAt"`)} - ${epochMs(`${t}."receivedAt"`)} ELSE 0 END)`;
  return `(CASE WHEN ${COUNTER_CONDITIONS[name](t, dialect)} THEN 1 ELSE 0 END)`;
}

/**
 * contactLate: a contact deadline crossed (`now`) that nobody recorded yet. Only open tickets
 * can be in that state — the scheduler records crossings of open tickets, and an import records
 * those of finished ones — and an open ticket's escalationAt is at or before its unmet contact
 * deadline, so the (status, escalationAt) index finds these rows without reading the archive.
 * Read at query time only (never in a trigger), so `now` is a bound parameter: a Date, which
 * either engine compares with its own date columns.
 */
export function contactLateSql(t: string, now: Date, dialect: Dialect = "sqlite"): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.raw(`${t}."status" IN (${list(OPEN_STATUSES)}) AND ${t}."escalationAt"`)} <= ${now}
    AND ${sql.raw(`${uncontacted(t, dialect)} AND ${t}."contactDueAt"`)} <= ${now} AND ${sql.raw(`NOT ${crossingRecorded(t)}`)})`;
}

/** The ticket columns any counter reads: the update trigger fires only when one of them changes. */
export const COUNTED_COLUMNS = [
  "status",
  "ownerUnitId",
  "categoryCode",
  "channel",
  "anonymous",
  "receivedAt",
  "dispatchedAt",
  "returnCount",
  "closedAt",
  "dueAt",
  "satisfaction",
  "resolved",
  "reopenCount",
  "signedAt",
  "signDueAt",
  "firstContactAt",
  "contactDueAt",
  "contactOverdueAt",
] as const;

const keyColumns = (bucket: Bucket) => [bucket.column, "unitId", "categoryCode", "channel"];
const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(", ");

/** Adds (sign 1) or removes (sign -1) row `t`'s contribution to one table, if it is counted. */
function upsertContribution(bucket: Bucket, t: string, sign: 1 | -1, dialect: Dialect): string {
  const values = STORED_COUNTERS.map((name) => (sign === 1 ? counterSql(name, t, dialect) : `-${counterSql(name, t, dialect)}`));
  const add = (name: string) => `"${name}" = ${ENGINES[dialect].stored(bucket.table, name)} + excluded."${name}"`;
  return `INSERT INTO "${bucket.table}" (${quoted([...keyColumns(bucket), ...STORED_COUNTERS])})
    SELECT ${bucket.of(t, dialect)}, ${unitSql(t)}, ${t}."categoryCode", ${t}."channel", ${values.join(", ")}
    WHERE ${countedSql(t)}
    ON CONFLICT (${quoted(keyColumns(bucket))}) DO UPDATE SET
      ${STORED_COUNTERS.map(add).join(",\n      ")};`;
}

/** What each trigger does: take the old row's contribution away, add the new row's. */
const TRIGGERS = [
  { name: "Metric_ticket_insert", event: "INSERT", rows: [["NEW", 1]] },
  { name: "Metric_ticket_update", event: `UPDATE OF ${quoted(COUNTED_COLUMNS)}`, rows: [["OLD", -1], ["NEW", 1]] },
  { name: "Metric_ticket_delete", event: "DELETE", rows: [["OLD", -1]] },
] as const;

/** The names of the triggers (and on PostgreSQL of their functions), for a bulk load that drops and recreates them. */
export const METRIC_TRIGGERS = TRIGGERS.map((trigger) => trigger.name);

/** The statements of one trigger: the contributions of its rows to every aggregate table. */
function triggerBody(trigger: (typeof TRIGGERS)[number], dialect: Dialect): string {
  return trigger.rows
    .flatMap(([t, sign]) => Object.values(BUCKETS).map((bucket) => upsertContribution(bucket, t, sign, dialect)))
    .join("\n  ");
}

/**
 * The triggers that keep MetricDaily and MetricMonthly equal to a recount of Ticket. Being triggers, they run in
 * the transaction of whatever statement changed the ticket — intake, a workflow step, an
 * evaluation, the overdue scheduler, an import or the seed — so no writer can forget them.
 * PostgreSQL runs a row trigger's statements from a PL/pgSQL function, one per trigger here so
 * that each reads like its SQLite twin. `EXECUTE PROCEDURE` rather than PostgreSQL 11's
 * `EXECUTE FUNCTION`: openGauss and KingbaseES know only the older spelling. There they are
 * constraint triggers deferred to COMMIT: a counter row is shared by every ticket of its day,
 * unit, category and channel, and its row lock is then held only while a transaction commits,
 * not from its first statement on, so concurrent writers queue less behind each other. A
 * transaction that reads the counters after changing tickets must `SET CONSTRAINTS ALL
 * IMMEDIATE` first (the rebuild does).
 */
export function metricTriggersSql(dialect: Dialect = "sqlite"): string {
  const statements = TRIGGERS.map((trigger) =>
    dialect === "sqlite"
      ? `CREATE TRIGGER "${trigger.name}" AFTER ${trigger.event} ON "Ticket" BEGIN
  ${triggerBody(trigger, dialect)}
END;
`
      : `CREATE FUNCTION "${trigger.name}"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${triggerBody(trigger, dialect)}
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "${trigger.name}" AFTER ${trigger.event} ON "Ticket"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE PROCEDURE "${trigger.name}"();
`,
  );
  return statements.join("\n");
}

/**
 * Recounts the aggregate tables from the tickets (`npm run cli -- metrics-rebuild`). On SQLite the
 * caller's write transaction already keeps writers out; on PostgreSQL a SHARE lock on Ticket does
 * (readers go on), so that no ticket written meanwhile is counted twice or lost — its trigger
 * would otherwise add to rows this DELETE and INSERT do not see.
 */
export function rebuildMetricsSql(dialect: Dialect = "sqlite"): string[] {
  const sums = STORED_COUNTERS.map((name) => `SUM(${counterSql(name, "t", dialect)})`);
  // PostgreSQL: first the counts still deferred in this transaction (a copy's inserted tickets),
  // which would otherwise be added again at COMMIT, on top of the recount.
  const lock = dialect === "postgresql" ? [`SET CONSTRAINTS ALL IMMEDIATE`, `LOCK TABLE "Ticket" IN SHARE MODE`] : [];
  return [
    ...lock,
    ...Object.values(BUCKETS).flatMap((bucket) => [
      `DELETE FROM "${bucket.table}"`,
      `INSERT INTO "${bucket.table}" (${quoted([...keyColumns(bucket), ...STORED_COUNTERS])})
     SELECT ${bucket.of("t", dialect)}, ${unitSql("t")}, t."categoryCode", t."channel", ${sums.join(", ")}
     FROM "Ticket" t WHERE ${countedSql("t")}
     GROUP BY 1, 2, 3, 4`,
    ]),
  ];
}
