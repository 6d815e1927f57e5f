import "server-only";
// The pieces every workbench statement is built from: each reads "Ticket" as t, so a condition or
// an order is built once and placed in any of them (lib/dal/workbench.ts explains the queue).
import { expressionBuilder, sql as kyselySql, type AliasableExpression, type Expression, type SqlBool } from "kysely";
import { TICKET_STATUSES } from "@/lib/domain/labels";
import { localDayRange } from "@/lib/domain/local-time";
import { isExactLookup } from "@/lib/domain/ticket-search";
import { OPEN_STATUSES } from "@/lib/domain/overdue";
import { env } from "@/lib/env";
import type { DB, Ticket } from "@/lib/generated/kysely/types";
import type { WorkbenchQuery, WorkbenchSort } from "@/lib/validation/workbench";

export const eb = expressionBuilder<DB & { t: Ticket }, "t">();
export type Cond = Expression<SqlBool>;

const postgres = () => env().databaseEngine === "postgresql";

/**
 * Ties in insertion order. On SQLite the rowid, which every index entry carries: the page is
 * sorted on index entries alone. PostgreSQL has no rowid; ticket ids are time-ordered (newId).
 */
export const rowKey = (): AliasableExpression<unknown> => (postgres() ? eb.ref("t.id") : kyselySql`t.rowid`);

/**
 * Status values inlined as literals, as the statements had them before the port: constant parts
 * of the statement stay visible to SQLite's planner, and the prepared-statement cache stays small.
 */
export const lit = <V extends string>(value: V) => kyselySql.lit(value);
export const OPEN = eb("t.status", "in", OPEN_STATUSES.map(lit));
export const RUNNING = eb.and([OPEN, eb("t.escalationAt", "is not", null)]);
export const NOT_RUNNING = eb.or([eb("t.status", "not in", OPEN_STATUSES.map(lit)), eb("t.escalationAt", "is", null)]);
export const NOTHING = eb.lit(false);

/**
 * Substring search in a column, `%` and `_` in the text taken literally. Latin letters match
 * either case on both engines: SQLite's LIKE ignores their case, PostgreSQL's needs ILIKE.
 */
function contains(column: "t.title" | "t.place", text: string): Cond {
  const pattern = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return kyselySql<SqlBool>`${eb.ref(column)} ${kyselySql.raw(postgres() ? "ILIKE" : "LIKE")} ${pattern} ESCAPE '\\'`;
}

/** t.id in a list; null for an empty list (the branch or tab holds nothing). */
export const idsIn = (ids: string[]): Cond | null => (ids.length > 0 ? eb("t.id", "in", ids) : null);

/** A search in the words (title, place), as opposed to an exact look-up. */
export const isTextSearch = (query: WorkbenchQuery) => !!query.q && !isExactLookup(query.q);

/** 受理日期 of the query as instants, its last day included. */
export function receivedWithin(query: WorkbenchQuery): Cond[] {
  const { start, end } = localDayRange(query);
  const parts: Cond[] = [];
  if (start) parts.push(eb("t.receivedAt", ">=", start));
  if (end) parts.push(eb("t.receivedAt", "<", end));
  return parts;
}

export function filterConds(query: WorkbenchQuery): Cond[] {
  const parts: Cond[] = receivedWithin(query);
  if (query.status) parts.push(eb("t.status", "=", query.status));
  if (query.category) parts.push(eb("t.categoryCode", "=", query.category));
  if (query.q) {
    parts.push(
      isExactLookup(query.q)
        ? eb.or([eb("t.no", "=", query.q), eb("t.citizenPhone", "=", query.q)])
        : eb.or([contains("t.title", query.q), contains("t.place", query.q)]),
    );
  }
  return parts;
}

export type Order = [Expression<unknown>, "asc" | "desc"][];
export const BY_ESCALATION = (): Order => [[eb.ref("t.escalationAt"), "asc"], [rowKey(), "desc"]];
export const BY_RECEIPT = (): Order => [[eb.ref("t.receivedAt"), "desc"], [rowKey(), "desc"]];
export const NULLS_LAST_BY_ESCALATION = (): Order => [[eb("t.escalationAt", "is", null), "asc"], ...BY_ESCALATION()];
/** 我的待办: the actor's own assignments first (a CASE, so that NULL sorts alike on both engines). */
export const ASSIGNED_FIRST = (actorId: string): Order => [
  [eb.case().when("t.handlerId", "=", actorId).then(0).else(1).end(), "asc"],
  ...NULLS_LAST_BY_ESCALATION(),
];
const SORT_COLUMNS = { no: "t.no", receivedAt: "t.receivedAt", escalationAt: "t.escalationAt", dueAt: "t.dueAt", status: "t.status" } as const;
/** Statuses sort in the order a ticket passes through them (待派单 … 已办结), not by their codes. */
const STATUS_RANK = () =>
  TICKET_STATUSES.slice(1)
    .reduce((c, status, i) => c.when("t.status", "=", lit(status)).then(i + 1), eb.case().when("t.status", "=", lit(TICKET_STATUSES[0])).then(0))
    .end();
/** A chosen column (whitelisted by the query schema); empty values last in either direction. */
export const BY_COLUMN = (sort: WorkbenchSort, dir: "asc" | "desc"): Order => [
  [eb(SORT_COLUMNS[sort], "is", null), "asc"],
  [sort === "status" ? STATUS_RANK() : eb.ref(SORT_COLUMNS[sort]), dir],
  [rowKey(), "desc"],
];

/** A count as a sub-select (the tab counts); pg returns count(*), a bigint, as a string. */
export const countOf = (where: Cond) => eb.selectFrom("Ticket as t").select((e) => e.fn.countAll<number | string>().as("n")).where(where);
