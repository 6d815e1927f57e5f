// The SQL twin of ticketCounters (lib/domain/metrics.ts): one expression per counter over a
// Ticket row, used by the aggregate triggers, the rebuild, the naive scan and the drill-down
// lists — so "the list behind a figure" and "the figure" are the same predicate. Dates are epoch
// milliseconds and booleans 0/1 (lib/db.ts), so comparisons yield the 0/1 a SUM needs.
//
// No "server-only" here: scripts/metrics-triggers.ts prints the triggers from these strings.

import { COUNTER_NAMES, EXCLUDED_STATUSES } from "@/lib/domain/metrics";
import { OPEN_STATUSES } from "@/lib/domain/overdue";

/** Counters kept in MetricDaily; contactLate depends on the clock and is counted at read time. */
export const STORED_COUNTERS = COUNTER_NAMES.filter((name) => name !== "contactLate");
export type StoredCounter = (typeof STORED_COUNTERS)[number];

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(", ");

/** §6 leaves MERGED and INVALID tickets out of every figure. */
export function countedSql(t: string): string {
  return `${t}."status" NOT IN (${list(EXCLUDED_STATUSES)})`;
}

/** The local (Asia/Shanghai, UTC+8) day of receipt as days since 1970-01-01: localDayNumber. */
export function daySql(t: string): string {
  return `((${t}."receivedAt" + 28800000) / 86400000)`;
}

/** The local month of receipt as yyyymm (202503): monthNumber. */
export function monthSql(t: string): string {
  return `CAST(strftime('%Y%m', (${t}."receivedAt" + 28800000) / 1000, 'unixepoch') AS INTEGER)`;
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
const uncontacted = (t: string) => `(${t}."anonymous" = 0 AND ${t}."contactDueAt" IS NOT NULL AND ${t}."firstContactAt" IS NULL)`;
const crossingRecorded = (t: string) => `(${t}."contactOverdueAt" IS NOT NULL AND ${t}."contactOverdueAt" >= ${t}."contactDueAt")`;

/**
 * Each 0/1 counter as a condition on one counted row `t` (conditions may be NULL when a column
 * is: as a WHERE that is false, and `counterSql` makes it 0).
 */
export const COUNTER_CONDITIONS: Record<Exclude<StoredCounter, "handlingMs">, (t: string) => string> = {
  received: () => `1`,
  dispatched: (t) => `${t}."dispatchedAt" IS NOT NULL`,
  returned: (t) => `${t}."returnCount" > 0`,
  closed,
  closedOnTime: (t) => `(${closed(t)} AND (${t}."dueAt" IS NULL OR ${t}."closedAt" <= ${t}."dueAt"))`,
  evaluated: answered,
  resolved: (t) => `(${answered(t)} AND ${t}."resolved" = 1)`,
  satisfied: (t) => `${t}."satisfaction" = 'SATISFIED'`,
  basic: (t) => `${t}."satisfaction" = 'BASIC'`,
  reopened: (t) => `${t}."reopenCount" > 0`,
  responded: (t) => `(${inTime(t, "signedAt", "signDueAt")} AND ${inTime(t, "firstContactAt", "contactDueAt")})`,
  contactDue: (t) => `(${t}."firstContactAt" IS NOT NULL OR (${uncontacted(t)} AND ${crossingRecorded(t)}))`,
};

/** One row's contribution to a counter: 0/1, or milliseconds for handlingMs. */
export function counterSql(name: StoredCounter, t: string): string {
  if (name === "handlingMs") return `(CASE WHEN ${closed(t)} THEN ${t}."closedAt" - ${t}."receivedAt" ELSE 0 END)`;
  return `(CASE WHEN ${COUNTER_CONDITIONS[name](t)} THEN 1 ELSE 0 END)`;
}

/**
 * contactLate: a contact deadline crossed (`:now`) that nobody recorded yet. Only open tickets
 * can be in that state — the scheduler records crossings of open tickets, and an import records
 * those of finished ones — and an open ticket's escalationAt is at or before its unmet contact
 * deadline, so the (status, escalationAt) index finds these rows without reading the archive.
 */
export function contactLateSql(t: string): string {
  return `(${t}."status" IN (${list(OPEN_STATUSES)}) AND ${t}."escalationAt" <= :now
    AND ${uncontacted(t)} AND ${t}."contactDueAt" <= :now AND NOT ${crossingRecorded(t)})`;
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
function upsertContribution(bucket: Bucket, t: string, sign: 1 | -1): string {
  const values = STORED_COUNTERS.map((name) => (sign === 1 ? counterSql(name, t) : `-${counterSql(name, t)}`));
  return `INSERT INTO "${bucket.table}" (${quoted([...keyColumns(bucket), ...STORED_COUNTERS])})
    SELECT ${bucket.of(t)}, ${unitSql(t)}, ${t}."categoryCode", ${t}."channel", ${values.join(", ")}
    WHERE ${countedSql(t)}
    ON CONFLICT (${quoted(keyColumns(bucket))}) DO UPDATE SET
      ${STORED_COUNTERS.map((name) => `"${name}" = "${name}" + excluded."${name}"`).join(",\n      ")};`;
}

/** The contribution of `t` to every aggregate table. */
function upsertAll(t: string, sign: 1 | -1): string {
  return Object.values(BUCKETS)
    .map((bucket) => upsertContribution(bucket, t, sign))
    .join("\n  ");
}

/**
 * The triggers that keep MetricDaily and MetricMonthly equal to a recount of Ticket. Being triggers, they run in
 * the transaction of whatever statement changed the ticket — intake, a workflow step, an
 * evaluation, the overdue scheduler, an import or the seed — so no writer can forget them.
 */
export function metricTriggersSql(): string {
  return `CREATE TRIGGER "Metric_ticket_insert" AFTER INSERT ON "Ticket" BEGIN
  ${upsertAll("NEW", 1)}
END;

CREATE TRIGGER "Metric_ticket_update" AFTER UPDATE OF ${quoted(COUNTED_COLUMNS)} ON "Ticket" BEGIN
  ${upsertAll("OLD", -1)}
  ${upsertAll("NEW", 1)}
END;

CREATE TRIGGER "Metric_ticket_delete" AFTER DELETE ON "Ticket" BEGIN
  ${upsertAll("OLD", -1)}
END;
`;
}

/** The names of the triggers, for a bulk load that drops and recreates them. */
export const METRIC_TRIGGERS = ["Metric_ticket_insert", "Metric_ticket_update", "Metric_ticket_delete"] as const;

/** Recounts the aggregate tables from the tickets (`npm run cli -- metrics-rebuild`). */
export function rebuildMetricsSql(): string[] {
  const sums = STORED_COUNTERS.map((name) => `SUM(${counterSql(name, "t")})`);
  return Object.values(BUCKETS).flatMap((bucket) => [
    `DELETE FROM "${bucket.table}"`,
    `INSERT INTO "${bucket.table}" (${quoted([...keyColumns(bucket), ...STORED_COUNTERS])})
     SELECT ${bucket.of("t")}, ${unitSql("t")}, t."categoryCode", t."channel", ${sums.join(", ")}
     FROM "Ticket" t WHERE ${countedSql("t")}
     GROUP BY 1, 2, 3, 4`,
  ]);
}
