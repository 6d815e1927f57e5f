import "server-only";
// Reading a page of the workbench: row keys in order first, then the page's rows
// (lib/dal/workbench.ts explains the orders).
import { sql as kyselySql } from "kysely";
import { reference } from "@/lib/dal/reference";
import { mineClauses, waitingClause, type Scope } from "@/lib/dal/workbench/scope";
import { ASSIGNED_FIRST, BY_ESCALATION, eb, NOTHING, NULLS_LAST_BY_ESCALATION, rowKey, type Cond, type Order } from "@/lib/dal/workbench/sql";
import type { CategoryCode, TicketStatus, TicketType, Urgency } from "@/lib/domain/labels";
import type { MyQueueRule } from "@/lib/domain/my-queue";
import { deadlineFlags, type DeadlineFlag } from "@/lib/domain/overdue";
import { sql } from "@/lib/sql";
import { toBoolean, toDate } from "@/lib/sql/values";

export const WORKBENCH_PAGE_SIZE = 50;

export type WorkbenchRow = {
  no: string;
  /** For bulk steps: each is checked against the version the officer saw. */
  version: number;
  title: string;
  status: TicketStatus;
  type: TicketType;
  category: CategoryCode;
  urgency: Urgency;
  ownerUnit: string | null;
  ownerUnitName: string | null;
  supervised: boolean;
  receivedAt: Date;
  dueAt: Date | null;
  escalationAt: Date | null;
  flags: { sign: DeadlineFlag; contact: DeadlineFlag; close: DeadlineFlag };
  /** Worst of the three flags: "OVERDUE" > "NEAR" > "OK"; null when no clock runs. */
  deadline: DeadlineFlag;
};

/** The row keys of `where` in `order`: a page of them is the inner select of rowsOf. */
function sortedKeys(where: Cond, order: Order) {
  let keys = eb.selectFrom("Ticket as t").select(rowKey().as("k")).where(where);
  for (const [by, direction] of order) keys = keys.orderBy(by, direction);
  return keys;
}

type Keys = ReturnType<typeof sortedKeys>;

/**
 * One page. The inner select finds the page's row keys, ordered on columns of the index it walks
 * (escalationAt, rowid), so on SQLite it sorts index entries only; the outer one reads those 50
 * rows. Reading every candidate row just to sort it costs ~40 ms for a unit's 16,000 open tickets.
 * PostgreSQL's index entries carry no sortable row key: it reads the candidates' ids from the
 * table (a bitmap heap scan of the same index range) and keeps the top 50 in a heap sort.
 */
export async function rows(where: Cond, order: Order, limit: number, offset: number) {
  if (limit <= 0) return [];
  return rowsOf(sortedKeys(where, order).limit(limit).offset(offset), order);
}

/** The rows of a page of keys, in `order`. */
export async function rowsOf(keys: Keys, order: Order) {
  let page = sql()
    .selectFrom("Ticket as t")
    .select([
      "t.no", "t.version", "t.title", "t.status", "t.type", "t.categoryCode", "t.urgency", "t.ownerUnitId", "t.supervised", "t.anonymous",
      "t.receivedAt", "t.dispatchedAt", "t.signDueAt", "t.signedAt", "t.signOverdueAt", "t.contactDueAt", "t.firstContactAt",
      "t.contactOverdueAt", "t.dueAt", "t.repliedAt", "t.dueOverdueAt", "t.escalationAt",
    ])
    .where(rowKey(), "in", keys);
  for (const [by, direction] of order) page = page.orderBy(by, direction);
  return page.execute();
}

/**
 * One page of an officer's 我的待办 (ASSIGNED_FIRST) without sorting the unit's waiting tickets:
 * at 10,000,000 tickets a brigade has 25,000 in progress, and "assigned to me first" is an order
 * no index holds, so the single statement sorted all of them on every view (PostgreSQL 6–13 ms).
 * Read instead in parts that each follow an index and stop after offset + 50 rows:
 *   - the waiting tickets assigned to the actor (Ticket_handler_queue_idx holds assigned tickets
 *     only: a handful);
 *   - per waiting status, everyone else's with a running deadline (the queue index in
 *     escalationAt order) and those without one;
 *   - the tickets of the rule's other clauses (open 协办 requests …: id lists).
 * One statement unites the parts and orders the union, so the database compares every row of the
 * page, as the single statement did, and the page's first offset + 50 rows are among the parts'.
 */
export function assignedFirstKeys(rule: MyQueueRule, scope: Scope, filters: Cond[], offset: number): Keys {
  const take = offset + WORKBENCH_PAGE_SIZE;
  const assignedToMe = eb.case().when("t.handlerId", "=", scope.actorId).then(0).else(1).end();
  const part = (where: Cond[], order: Order) => {
    let keys = eb
      .selectFrom("Ticket as t")
      .select([rowKey().as("k"), assignedToMe.as("a"), "t.escalationAt as e"])
      .where(eb.and([...where, ...filters]));
    for (const [by, direction] of order) keys = keys.orderBy(by, direction);
    // Wrapped: SQLite takes ORDER BY and LIMIT only on the last select of a compound one.
    return eb.selectFrom(keys.limit(take).as("p")).selectAll();
  };
  const { waiting, few } = mineClauses(rule, scope);
  if (!waiting && few.length === 0) return sortedKeys(NOTHING, []);
  const parts = few.map((clause) => part([clause], ASSIGNED_FIRST(scope.actorId)));
  if (waiting) {
    const others = eb.or([eb("t.handlerId", "is", null), eb("t.handlerId", "!=", scope.actorId)]);
    parts.push(part([...waiting, eb("t.handlerId", "=", scope.actorId)], NULLS_LAST_BY_ESCALATION()));
    for (const status of rule.statuses) {
      // The one status alone, not beside the list: PostgreSQL multiplies the two estimates, takes
      // the 25,000 in progress for 3 and sorts them all rather than walk the index in order.
      const theirs = [...waitingClause(rule, scope, [status]), others];
      // Apart, as SQLite sorts NULL first. The second part's order is the first's, though its
      // escalationAt is NULL throughout: ordered by id alone, PostgreSQL walked the whole table
      // backwards along the primary key, hoping for 50 soon (3 s at 10,000,000 tickets).
      for (const running of ["is not", "is"] as const) parts.push(part([...theirs, eb("t.escalationAt", running, null)], BY_ESCALATION()));
    }
  }
  // UNION, not UNION ALL: a ticket of two clauses (its unit's, and asked to assist) counts once.
  const union = parts.slice(1).reduce((all, next) => all.union(next), parts[0]!);
  return eb
    .selectFrom(union.as("u"))
    .select("u.k")
    .orderBy("u.a")
    .orderBy(kyselySql`u.e IS NULL`)
    .orderBy("u.e")
    .orderBy("u.k", "desc")
    .limit(WORKBENCH_PAGE_SIZE)
    .offset(offset);
}

export type Row = Awaited<ReturnType<typeof rows>>[number];

const RANK: Record<string, number> = { OK: 1, NEAR: 2, OVERDUE: 3 };

type Reference = Awaited<ReturnType<typeof reference>>;

export function toRow(r: Row, ref: Reference, now: Date): WorkbenchRow {
  const clocked = {
    status: r.status,
    anonymous: toBoolean(r.anonymous),
    receivedAt: toDate(r.receivedAt),
    dispatchedAt: toDate(r.dispatchedAt),
    signDueAt: toDate(r.signDueAt),
    signedAt: toDate(r.signedAt),
    signOverdueAt: toDate(r.signOverdueAt),
    contactDueAt: toDate(r.contactDueAt),
    firstContactAt: toDate(r.firstContactAt),
    contactOverdueAt: toDate(r.contactOverdueAt),
    dueAt: toDate(r.dueAt),
    repliedAt: toDate(r.repliedAt),
    dueOverdueAt: toDate(r.dueOverdueAt),
  };
  const flags = deadlineFlags(clocked, now, ref.settings.nearDueFraction);
  const worst = [flags.sign, flags.contact, flags.close].reduce<DeadlineFlag>(
    (a, b) => ((b ? RANK[b]! : 0) > (a ? RANK[a]! : 0) ? b : a),
    null,
  );
  const owner = r.ownerUnitId ? ref.unitById.get(r.ownerUnitId) : undefined;
  return {
    no: r.no,
    version: Number(r.version),
    title: r.title,
    status: clocked.status,
    type: r.type,
    category: r.categoryCode as CategoryCode,
    urgency: r.urgency,
    ownerUnit: owner?.code ?? null,
    ownerUnitName: owner?.name ?? null,
    supervised: toBoolean(r.supervised),
    receivedAt: clocked.receivedAt,
    dueAt: clocked.dueAt,
    escalationAt: toDate(r.escalationAt),
    flags,
    deadline: worst,
  };
}
