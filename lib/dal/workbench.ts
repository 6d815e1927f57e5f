import "server-only";
// 工作台 (Issue 4 item 3): a unit's queue with tab counts, on the raw better-sqlite3 connection.
//
// Scope. HANDLER / LEAD see their unit's tickets: owner unit, or squadron for a squadron's staff
// (tickets where the unit only assists are under 协办请求). DISPATCHER / MANAGER see every
// unit, optionally narrowed with `unit`.
//
// Tabs (all counted in one statement of indexed sub-selects):
//   all         全部      — the scope, no further condition;
//   pending     待签收    — status DISPATCHED;
//   inProgress  办理中    — status IN_PROGRESS;
//   near        临期      — open (PENDING/DISPATCHED/IN_PROGRESS) and now ≤ escalationAt ≤ now + 24 h
//                           (NEAR_WINDOW_MS). The per-deadline 20 % rule (deadlineFlags) depends on
//                           each clock's start and cannot be answered from an index; the fixed
//                           window is a range scan of (ownerUnitId, status, escalationAt). The row
//                           badges still show deadlineFlags' own 临期 / 超期;
//   overdue     超期      — open and escalationAt < now (the earliest unmet deadline has passed);
//   assist      协办请求  — an OPEN AssistRequest asks the actor's unit to help (any owner);
//   approvals   待我审批  — LEAD: PENDING ExtensionRequest on the unit's tickets; DISPATCHER:
//                           PENDING ExtensionRequest or ReturnRequest (all units / `unit`).
// The counts describe the queue, not the search: filters and `q` narrow the list (and its
// total), not the tab badges.
//
// Order: escalationAt ascending, tickets without one last; ties newest first by rowid (insertion
// order, which the index carries for free, unlike receivedAt). For the `all` tab
// that is read in two index-friendly parts — open tickets with a running deadline (few, sorted by
// escalationAt) and then everything else newest first along (ownerUnitId, receivedAt) — so the
// first page never sorts the unit's whole archive.
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { reference } from "@/lib/dal/reference";
import type { CategoryCode, TicketStatus, TicketType, Urgency } from "@/lib/domain/labels";
import { deadlineFlags, OPEN_STATUSES, type DeadlineFlag } from "@/lib/domain/overdue";
import { Forbidden } from "@/lib/errors";
import { prepared, rawSqlite } from "@/lib/sqlite";
import { WORKBENCH_TABS, type WorkbenchQuery, type WorkbenchTab } from "@/lib/validation/workbench";

export const WORKBENCH_PAGE_SIZE = 50;
/** 临期 tab: open tickets whose earliest deadline falls within this window from now. */
export const NEAR_WINDOW_MS = 24 * 60 * 60 * 1000;

type Param = string | number;
type Cond = { sql: string; params: Param[] };

const c = (sql: string, ...params: Param[]): Cond => ({ sql, params });
function and(...conds: (Cond | null | undefined)[]): Cond {
  const parts = conds.filter((x): x is Cond => !!x && x.sql !== "");
  if (parts.length === 0) return c("1");
  return { sql: parts.map((p) => `(${p.sql})`).join(" AND "), params: parts.flatMap((p) => p.params) };
}

const OPEN_IN = `t."status" IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(", ")})`;
const RUNNING = `${OPEN_IN} AND t."escalationAt" IS NOT NULL`;
const NOT_RUNNING = `t."status" NOT IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(", ")}) OR t."escalationAt" IS NULL`;

export type WorkbenchRow = {
  no: string;
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

export type WorkbenchResult = {
  tabs: WorkbenchTab[];
  tab: WorkbenchTab;
  counts: Record<WorkbenchTab, number>;
  total: number;
  page: number;
  pageSize: number;
  items: WorkbenchRow[];
  /** The unit the queue is for (own unit, or the `unit` filter of an all-units role). */
  unit: { code: string; name: string } | null;
};

type Scope = { owner: Cond; tabs: WorkbenchTab[]; assistUnitId: string | null; approvals: "extension" | "both" | null };

async function scopeOf(actor: Actor, query: WorkbenchQuery): Promise<Scope & { unit: { code: string; name: string } | null }> {
  const ref = await reference();
  if (can(actor.role, "ticket:read:all")) {
    const unit = query.unit ? ref.unitByCode.get(query.unit) : undefined;
    // An unknown unit code matches nothing rather than everything.
    const owner = query.unit ? c(`t."ownerUnitId" = ?`, unit?.id ?? "") : c("");
    const dispatcher = actor.role === "DISPATCHER";
    const tabs: WorkbenchTab[] = ["all", "pending", "inProgress", "near", "overdue", ...(dispatcher ? (["approvals"] as const) : [])];
    return { owner, tabs, assistUnitId: null, approvals: dispatcher ? "both" : null, unit: unit ? { code: unit.code, name: unit.name } : null };
  }
  if (can(actor.role, "ticket:read:unit") && actor.unitId) {
    const kind = ref.unitById.get(actor.unitId)?.kind;
    // A squadron is recorded as squadronUnitId under its brigade (no index on that column; the
    // squadron's queue is small). Brigades and other units own their tickets directly.
    const owner =
      kind === "SQUADRON"
        ? c(`t."ownerUnitId" = ? OR t."squadronUnitId" = ?`, actor.unitId, actor.unitId)
        : c(`t."ownerUnitId" = ?`, actor.unitId);
    const lead = can(actor.role, "extension:decide");
    const tabs: WorkbenchTab[] = ["all", "pending", "inProgress", "near", "overdue", "assist", ...(lead ? (["approvals"] as const) : [])];
    return {
      owner,
      tabs,
      assistUnitId: actor.unitId,
      approvals: lead ? "extension" : null,
      unit: actor.unitCode && actor.unitName ? { code: actor.unitCode, name: actor.unitName } : null,
    };
  }
  throw new Forbidden("您没有使用工作台的权限");
}

/** The condition of one tab, including the scope (assist replaces the owner scope). */
function tabCond(tab: WorkbenchTab, scope: Scope, now: number): Cond {
  switch (tab) {
    case "all":
      return and(scope.owner);
    case "pending":
      return and(scope.owner, c(`t."status" = 'DISPATCHED'`));
    case "inProgress":
      return and(scope.owner, c(`t."status" = 'IN_PROGRESS'`));
    case "near":
      return and(scope.owner, c(OPEN_IN), c(`t."escalationAt" >= ? AND t."escalationAt" <= ?`, now, now + NEAR_WINDOW_MS));
    case "overdue":
      return and(scope.owner, c(OPEN_IN), c(`t."escalationAt" < ?`, now));
    case "assist":
      return scope.assistUnitId
        ? c(`t."id" IN (SELECT "ticketId" FROM "AssistRequest" WHERE "assistingUnitId" = ? AND "status" = 'OPEN')`, scope.assistUnitId)
        : c("0");
    case "approvals":
      if (scope.approvals === "extension") {
        return and(scope.owner, c(`t."id" IN (SELECT "ticketId" FROM "ExtensionRequest" WHERE "status" = 'PENDING')`));
      }
      if (scope.approvals === "both") {
        return and(
          scope.owner,
          c(
            `t."id" IN (SELECT "ticketId" FROM "ExtensionRequest" WHERE "status" = 'PENDING' UNION SELECT "ticketId" FROM "ReturnRequest" WHERE "status" = 'PENDING')`,
          ),
        );
      }
      return c("0");
  }
}

/** All digits and long enough to be a ticket number or a phone: exact look-ups (indexed). */
const EXACT_Q = /^\d{7,20}$/;

function filterCond(query: WorkbenchQuery): Cond {
  const parts: Cond[] = [];
  if (query.status) parts.push(c(`t."status" = ?`, query.status));
  if (query.category) parts.push(c(`t."categoryCode" = ?`, query.category));
  if (query.q) {
    if (EXACT_Q.test(query.q)) parts.push(c(`t."no" = ? OR t."citizenPhone" = ?`, query.q, query.q));
    else {
      const like = `%${query.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      parts.push(c(`t."title" LIKE ? ESCAPE '\\' OR t."place" LIKE ? ESCAPE '\\'`, like, like));
    }
  }
  return and(...parts);
}

const ROW_COLUMNS = [
  "no", "title", "status", "type", "categoryCode", "urgency", "ownerUnitId", "supervised", "anonymous",
  "receivedAt", "dispatchedAt", "signDueAt", "signedAt", "signOverdueAt", "contactDueAt", "firstContactAt",
  "contactOverdueAt", "dueAt", "repliedAt", "dueOverdueAt", "escalationAt",
] as const;
const SELECT_ROWS = `SELECT ${ROW_COLUMNS.map((col) => `t."${col}"`).join(", ")} FROM "Ticket" t`;

type RawRow = Record<(typeof ROW_COLUMNS)[number], string | number | null>;

/**
 * One page. The inner select finds the page's rowids, ordered on columns of the index it walks
 * (escalationAt, rowid), so it sorts index entries only; the outer one reads those 50 rows.
 * Reading every candidate row just to sort it costs ~40 ms for a unit's 16,000 open tickets.
 */
function rows(where: Cond, order: string, limit: number, offset: number): RawRow[] {
  if (limit <= 0) return [];
  const sql = `${SELECT_ROWS} WHERE t.rowid IN (SELECT t.rowid FROM "Ticket" t WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?) ORDER BY ${order}`;
  return prepared(rawSqlite(), sql).all(...where.params, limit, offset) as RawRow[];
}

function count(where: Cond): number {
  const sql = `SELECT count(*) AS n FROM "Ticket" t WHERE ${where.sql}`;
  return (prepared(rawSqlite(), sql).get(...where.params) as { n: number }).n;
}

const date = (v: string | number | null): Date | null => (v === null ? null : new Date(Number(v)));
const RANK: Record<string, number> = { OK: 1, NEAR: 2, OVERDUE: 3 };

/**
 * The workbench: tab counts, and one page of the selected tab (default 全部), filtered and
 * searched, sorted by escalationAt (nulls last) then newest first.
 */
export async function workbenchQueue(actor: Actor, query: WorkbenchQuery, now: Date = new Date()): Promise<WorkbenchResult> {
  const scope = await scopeOf(actor, query);
  const ref = await reference();
  const at = now.getTime();
  const tab: WorkbenchTab = query.tab && scope.tabs.includes(query.tab) ? query.tab : "all";

  // Tab counts: one statement, one indexed sub-select per tab.
  const conds = scope.tabs.map((t) => tabCond(t, scope, at));
  const countSql = `SELECT ${conds.map((cond, i) => `(SELECT count(*) FROM "Ticket" t WHERE ${cond.sql}) AS c${i}`).join(", ")}`;
  const counted = prepared(rawSqlite(), countSql).get(...conds.flatMap((cond) => cond.params)) as Record<string, number>;
  const counts = Object.fromEntries(WORKBENCH_TABS.map((t) => [t, 0])) as Record<WorkbenchTab, number>;
  scope.tabs.forEach((t, i) => (counts[t] = counted[`c${i}`] ?? 0));

  const filters = filterCond(query);
  const filtered = filters.sql !== "1";
  const base = and(tabCond(tab, scope, at), filters);
  const offset = (query.page - 1) * WORKBENCH_PAGE_SIZE;
  let total: number;
  let raw: RawRow[];
  if (tab === "all") {
    const running = and(base, c(RUNNING));
    const runningCount = count(running);
    total = filtered ? runningCount + count(and(base, c(NOT_RUNNING))) : counts.all;
    const first = rows(running, `t."escalationAt" ASC, t.rowid DESC`, Math.min(WORKBENCH_PAGE_SIZE, runningCount - offset), offset);
    const rest = rows(
      and(base, c(NOT_RUNNING)),
      `t."receivedAt" DESC, t.rowid DESC`,
      WORKBENCH_PAGE_SIZE - first.length,
      Math.max(0, offset - runningCount),
    );
    raw = [...first, ...rest];
  } else {
    total = filtered ? count(base) : counts[tab];
    raw = rows(base, `t."escalationAt" IS NULL, t."escalationAt" ASC, t.rowid DESC`, WORKBENCH_PAGE_SIZE, offset);
  }

  const nearFraction = ref.settings.nearDueFraction;
  const items = raw.map((r): WorkbenchRow => {
    const clocked = {
      status: r.status as TicketStatus,
      anonymous: r.anonymous === 1,
      receivedAt: date(r.receivedAt)!,
      dispatchedAt: date(r.dispatchedAt),
      signDueAt: date(r.signDueAt),
      signedAt: date(r.signedAt),
      signOverdueAt: date(r.signOverdueAt),
      contactDueAt: date(r.contactDueAt),
      firstContactAt: date(r.firstContactAt),
      contactOverdueAt: date(r.contactOverdueAt),
      dueAt: date(r.dueAt),
      repliedAt: date(r.repliedAt),
      dueOverdueAt: date(r.dueOverdueAt),
    };
    const flags = deadlineFlags(clocked, now, nearFraction);
    const worst = [flags.sign, flags.contact, flags.close].reduce<DeadlineFlag>(
      (a, b) => ((b ? RANK[b]! : 0) > (a ? RANK[a]! : 0) ? b : a),
      null,
    );
    const owner = r.ownerUnitId ? ref.unitById.get(String(r.ownerUnitId)) : undefined;
    return {
      no: String(r.no),
      title: String(r.title),
      status: clocked.status,
      type: r.type as TicketType,
      category: r.categoryCode as CategoryCode,
      urgency: r.urgency as Urgency,
      ownerUnit: owner?.code ?? null,
      ownerUnitName: owner?.name ?? null,
      supervised: r.supervised === 1,
      receivedAt: clocked.receivedAt,
      dueAt: clocked.dueAt,
      escalationAt: date(r.escalationAt),
      flags,
      deadline: worst,
    };
  });

  return { tabs: scope.tabs, tab, counts, total, page: query.page, pageSize: WORKBENCH_PAGE_SIZE, items, unit: scope.unit };
}
