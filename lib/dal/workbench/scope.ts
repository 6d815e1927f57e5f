import "server-only";
// Whose tickets a workbench shows, its tabs, and the condition of each tab (lib/dal/workbench.ts).
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { reference } from "@/lib/dal/reference";
import { idsIn, eb, lit, NOTHING, OPEN, type Cond } from "@/lib/dal/workbench/sql";
import type { TicketStatus } from "@/lib/domain/labels";
import { myQueueRule, type MyQueueRule } from "@/lib/domain/my-queue";
import { Forbidden } from "@/lib/errors";
import { sql } from "@/lib/sql";
import type { WorkbenchQuery, WorkbenchTab } from "@/lib/validation/workbench";

/** 临期 tab: open tickets whose earliest deadline falls within this window from now. */
export const NEAR_WINDOW_MS = 24 * 60 * 60 * 1000;


export type Scope = {
  owner: Cond[];
  /**
   * Whose archive the 全部 count is (a unit's id, or null for every unit), read from the
   * aggregates rather than counted: MetricMonthly counts every ticket once under its owner unit
   * (`received`), so their sum is the count of the unit's tickets — 2.5 million rows to count at
   * 10 million tickets. Absent where the scope is not an owner unit (a squadron).
   */
  archive?: { unitId: string | null };
  tabs: WorkbenchTab[];
  approvals: "extension" | "both" | null;
  mine: MyQueueRule | null;
  actorId: string;
  /** The tickets open requests point at (requestsOf). */
  requests: Requests;
};

/**
 * The tickets of the open requests the queue looks at: an OPEN 协办 asking the actor's unit, a
 * PENDING 延期, a PENDING 退单 — a handful of rows, read first and written into the statements as
 * id lists. As sub-selects inside 我的待办's OR they made PostgreSQL read the whole unit's open
 * tickets from the table (a BitmapOr: 20 ms at 10,000,000 tickets); with no request open, the
 * branch disappears and the unit's waiting tickets are counted and ordered from the queue index
 * alone (4 ms).
 */
type Requests = { assisting: string[]; extensions: string[]; returns: string[] };

async function requestsOf(assistUnitId: string | null, decides: boolean): Promise<Requests> {
  const ids = (rows: { ticketId: string }[]) => rows.map((r) => r.ticketId);
  const [assisting, extensions, returns] = await Promise.all([
    assistUnitId
      ? sql().selectFrom("AssistRequest").select("ticketId").where("assistingUnitId", "=", assistUnitId).where("status", "=", "OPEN").execute()
      : [],
    decides ? sql().selectFrom("ExtensionRequest").select("ticketId").where("status", "=", "PENDING").execute() : [],
    decides ? sql().selectFrom("ReturnRequest").select("ticketId").where("status", "=", "PENDING").execute() : [],
  ]);
  return { assisting: ids(assisting), extensions: ids(extensions), returns: ids(returns) };
}

/** 我的待办 leads the tabs of every role that has one. */
const withMine = (rule: MyQueueRule | null, tabs: WorkbenchTab[]): WorkbenchTab[] => (rule ? ["mine", ...tabs] : tabs);

export async function scopeOf(actor: Actor, query: WorkbenchQuery): Promise<Scope & { unit: { code: string; name: string } | null }> {
  const ref = await reference();
  if (can(actor.role, "ticket:read:all")) {
    const unit = query.unit ? ref.unitByCode.get(query.unit) : undefined;
    // An unknown unit code matches nothing rather than everything.
    const owner = query.unit ? [eb("t.ownerUnitId", "=", unit?.id ?? "")] : [];
    const dispatcher = actor.role === "DISPATCHER";
    const mine = myQueueRule(actor.role);
    const tabs = withMine(mine, ["all", "pending", "inProgress", "near", "overdue", ...(dispatcher ? (["approvals"] as const) : [])]);
    // An unknown unit code has no archive (the owner condition matches nothing).
    const archive = !query.unit ? { unitId: null } : unit ? { unitId: unit.id } : undefined;
    const requests = await requestsOf(null, dispatcher);
    return { owner, tabs, archive, mine, actorId: actor.userId, approvals: dispatcher ? "both" : null, requests, unit: unit ? { code: unit.code, name: unit.name } : null };
  }
  if (can(actor.role, "ticket:read:unit") && actor.unitId) {
    const kind = ref.unitById.get(actor.unitId)?.kind;
    // A squadron is recorded as squadronUnitId under its brigade (no index on that column; the
    // squadron's queue is small). Brigades and other units own their tickets directly.
    const owner =
      kind === "SQUADRON"
        ? [eb.or([eb("t.ownerUnitId", "=", actor.unitId), eb("t.squadronUnitId", "=", actor.unitId)])]
        : [eb("t.ownerUnitId", "=", actor.unitId)];
    const lead = can(actor.role, "extension:decide");
    const mine = myQueueRule(actor.role);
    const tabs = withMine(mine, ["all", "pending", "inProgress", "near", "overdue", "assist", ...(lead ? (["approvals"] as const) : [])]);
    return {
      owner,
      tabs,
      archive: kind === "SQUADRON" ? undefined : { unitId: actor.unitId },
      mine,
      actorId: actor.userId,
      approvals: lead ? "extension" : null,
      requests: await requestsOf(actor.unitId, lead),
      unit: actor.unitCode && actor.unitName ? { code: actor.unitCode, name: actor.unitName } : null,
    };
  }
  throw new Forbidden("您没有使用工作台的权限");
}

/**
 * lib/domain/my-queue.ts's needsMyAction as SQL, one condition per clause of the rule: `waiting`
 * (the rule's statuses within the scope) apart, as the page reads it along the queue index, and
 * the clauses on open requests and reviews, which point at a handful of tickets.
 */
export function mineClauses(rule: MyQueueRule, scope: Scope): { waiting: Cond[] | null; few: Cond[] } {
  const waiting = rule.statuses.length > 0 ? waitingClause(rule, scope, rule.statuses) : null;
  const few: Cond[] = [];
  const requested = idsIn([...scope.requests.extensions, ...scope.requests.returns]);
  if (rule.pendingRequests && requested) {
    // A flag is only ever set with its PENDING request (lib/dal/workflow/effects.ts): the few
    // requests find the tickets, where testing the flags read every open ticket (75 ms at 10M).
    const flagged = eb.or([eb("t.returnPending", "=", true), eb("t.extensionPending", "=", true)]);
    few.push(eb.and([...scope.owner, OPEN, requested, flagged]));
  }
  const assisting = idsIn(scope.requests.assisting);
  if (rule.assistRequests && assisting) few.push(assisting);
  if (rule.awaitingReview) few.push(eb.and([...scope.owner, eb("t.status", "=", lit("REPLIED")), eb("t.awaitingReview", "=", true)]));
  return { waiting, few };
}

/** The waiting clause of the rule for some of its statuses (the page reads them one by one). */
export function waitingClause(rule: MyQueueRule, scope: Scope, statuses: readonly TicketStatus[]): Cond[] {
  const waiting = [...scope.owner, statuses.length === 1 ? eb("t.status", "=", lit(statuses[0]!)) : eb("t.status", "in", statuses.map(lit))];
  if (rule.skipReturnPending) waiting.push(eb("t.returnPending", "=", false));
  return waiting;
}

function mineCond(rule: MyQueueRule, scope: Scope): Cond {
  const { waiting, few } = mineClauses(rule, scope);
  const branches = waiting ? [eb.and(waiting), ...few] : few;
  return branches.length > 0 ? eb.or(branches) : NOTHING;
}

/** The condition of one tab, including the scope (assist replaces the owner scope). */
export function tabCond(tab: WorkbenchTab, scope: Scope, now: Date): Cond {
  switch (tab) {
    case "mine":
      return scope.mine ? mineCond(scope.mine, scope) : NOTHING;
    case "all":
      return eb.and(scope.owner);
    case "pending":
      return eb.and([...scope.owner, eb("t.status", "=", lit("DISPATCHED"))]);
    case "inProgress":
      return eb.and([...scope.owner, eb("t.status", "=", lit("IN_PROGRESS"))]);
    case "near":
      return eb.and([
        ...scope.owner,
        OPEN,
        eb("t.escalationAt", ">=", now),
        eb("t.escalationAt", "<=", new Date(now.getTime() + NEAR_WINDOW_MS)),
      ]);
    case "overdue":
      return eb.and([...scope.owner, OPEN, eb("t.escalationAt", "<", now)]);
    case "assist":
      return idsIn(scope.requests.assisting) ?? NOTHING;
    case "approvals": {
      const { extensions, returns } = scope.requests;
      const decided = idsIn(scope.approvals === "both" ? [...extensions, ...returns] : scope.approvals === "extension" ? extensions : []);
      return decided ? eb.and([...scope.owner, decided]) : NOTHING;
    }
  }
}
