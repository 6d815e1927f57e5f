// 我的待办 (issue 13 item 8): the open tickets that wait for this user's or unit's action. One rule
// per role; lib/dal/workbench.ts renders it to SQL, needsMyAction states it for a single ticket
// (tests, and anyone reasoning about one ticket).
import type { Role } from "@/lib/auth/permissions";
import type { TicketStatus } from "@/lib/domain/labels";

export type MyQueueRule = {
  /** Statuses, within the role's workbench scope, that wait for it. */
  statuses: readonly TicketStatus[];
  /**
   * A unit's ticket with a 退单 request pending waits for the dispatcher, not for the unit: signing
   * on, contacting and replying are blocked until the return is decided.
   */
  skipReturnPending: boolean;
  /** Open tickets with a 退单 or 延期 request the role decides. */
  pendingRequests: boolean;
  /** Tickets on which an open 协办 request asks the actor's unit (any owner). */
  assistRequests: boolean;
  /** 不满意 tickets waiting for a manager's 重办 / 办结 decision. */
  awaitingReview: boolean;
  /** Tickets assigned to the actor (指派) come before the rest of the unit's. */
  assignedFirst: boolean;
};

const NONE: Omit<MyQueueRule, "statuses"> = {
  skipReturnPending: false,
  pendingRequests: false,
  assistRequests: false,
  awaitingReview: false,
  assignedFirst: false,
};

/** The role's 我的待办, or null for a role without a workbench. */
export function myQueueRule(role: Role): MyQueueRule | null {
  switch (role) {
    case "DISPATCHER":
      // 待派单, and the 退单 / 延期 requests the hotline decides.
      return { ...NONE, statuses: ["PENDING"], pendingRequests: true };
    case "HANDLER":
    case "LEAD":
      // 签收 (DISPATCHED), 联系 / 办理 / 答复 (IN_PROGRESS), and 协办 replies owed to other units.
      return { ...NONE, statuses: ["DISPATCHED", "IN_PROGRESS"], skipReturnPending: true, assistRequests: true, assignedFirst: true };
    case "MANAGER":
      return { ...NONE, statuses: [], awaitingReview: true };
    default:
      return null;
  }
}

/** One ticket as the rule reads it; `inScope` = the actor's workbench scope holds it. */
export type QueueTicket = {
  status: TicketStatus;
  inScope: boolean;
  returnPending: boolean;
  extensionPending: boolean;
  awaitingReview: boolean;
  /** An open assist request asks the actor's unit to help on this ticket. */
  assistRequested: boolean;
};

const OPEN: readonly TicketStatus[] = ["PENDING", "DISPATCHED", "IN_PROGRESS"];

export function needsMyAction(rule: MyQueueRule, t: QueueTicket): boolean {
  if (rule.assistRequests && t.assistRequested) return true;
  if (!t.inScope) return false;
  if (rule.statuses.includes(t.status) && !(rule.skipReturnPending && t.returnPending)) return true;
  if (rule.pendingRequests && OPEN.includes(t.status) && (t.returnPending || t.extensionPending)) return true;
  return rule.awaitingReview && t.status === "REPLIED" && t.awaitingReview;
}
