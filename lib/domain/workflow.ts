// The ticket state machine (DOMAIN.md §4–5, §7): which actor may take which action on a ticket in
// which state, and where the action leads. Pure: the DAL loads the ticket, checks the version,
// asks decide(), and only on { allowed: true } writes the change, the new version, the event of
// transition() and the notifications in one transaction. A refusal writes nothing.
//
// Order of the checks, so that the status code means one thing:
//   1. the role's permission and the actor's unit scope → 403 (this actor may never do this here);
//   2. 已办结/已并单/无效 → 409: nothing at all happens on a finished ticket;
//   3. the action's own state rules → 409 (not now; it may become possible later).
import { can, type Permission, type Role } from "@/lib/auth/permissions";
import type { WorkCalendar } from "./calendar";
import { EVENT_TYPES, type EventType } from "./events";
import { STATUS_LABELS, type TicketStatus } from "./labels";
import { formatLocalDateTime } from "./local-time";
import type { Settings } from "./settings";
import { ACTIONS, type Action, type ActionInput } from "./workflow-actions";

export { ACTIONS, ACTION_LABELS, actionSchemas, isAction, parseActionInput } from "./workflow-actions";
export type { Action, ActionInput, ParsedActionInput } from "./workflow-actions";

export type WorkflowActor = { role: Role; unitId: string | null };

/** The ticket fields the rules read; the DAL loads them from the Ticket row. */
export type WorkflowTicket = {
  status: TicketStatus;
  ownerUnitId: string | null;
  squadronUnitId: string | null;
  /** Units asked to assist (协办) on this ticket. */
  assistingUnitIds: readonly string[];
  anonymous: boolean;
  returnPending: boolean;
  /** Approved returns so far. */
  returnCount: number;
  extensionPending: boolean;
  extendedDays: number;
  reopenCount: number;
  /** 不满意 recorded, waiting for a manager: 重办 or 办结（不重办）. */
  awaitingReview: boolean;
  firstContactAt: Date | null;
  dispatchedAt: Date | null;
  /** Final close deadline (办结时限). */
  dueAt: Date | null;
  categoryCode: string;
  /** Set when a 非警务 coordination (department, time and answer) is already on the ticket. */
  coordinatedAt: Date | null;
};

export type WorkflowContext = {
  actor: WorkflowActor;
  ticket: WorkflowTicket;
  now: Date;
  settings: Settings;
  calendar: WorkCalendar;
  /**
   * A manager's consent to go past a per-ticket cap (a further approved return beyond
   * maxApprovedReturns, a further reopen beyond maxReopens). decide() cannot see who consented:
   * the caller sets it only for a MANAGER's own decision (`return:override`, `ticket:reopen`).
   */
  override?: boolean;
};

export type DecideContext<A extends Action = Action> = WorkflowContext & { action: A; input: ActionInput<A> };

export type Decision = { allowed: true } | { allowed: false; status: 403 | 409; reason: string };

/** The action as it reads inside a sentence ("只有…可以{verb}", "不能再{verb}"). */
const VERBS: Record<Action, string> = {
  sign: "签收",
  contact: "记录联系群众",
  note: "添加办理记录",
  assist: "发起协办",
  assistReply: "填写协办反馈",
  return: "申请退单",
  approveReturn: "同意退单",
  rejectReturn: "驳回退单",
  extend: "申请延期",
  approveExtension: "同意延期",
  rejectExtension: "驳回延期",
  reply: "答复群众",
  evaluate: "录入回访评价",
  supervise: "督办",
  reopen: "重办",
  merge: "并单",
  invalidate: "置为无效",
  dispatch: "派单",
  assign: "指派承办人",
  grade: "定级",
  closeReview: "办结（不重办）",
};

type Refusal = string | null;
type Who = (actor: WorkflowActor, ticket: WorkflowTicket, verb: string) => Refusal;
type Rule<A extends Action> = {
  who: Who;
  /** `input` is undefined when availableActions asks whether to offer the action at all. */
  when(ctx: WorkflowContext, input: ActionInput<A> | undefined, verb: string): Refusal;
};

// ---- who: permission and unit scope (403) ---------------------------------------------------

/** Owner unit or the squadron it was assigned to, as lib/auth/ticket-access isOwnUnitTicket. */
function ownUnit(actor: WorkflowActor, ticket: WorkflowTicket): boolean {
  return actor.unitId !== null && (ticket.ownerUnitId === actor.unitId || ticket.squadronUnitId === actor.unitId);
}

const notOwnUnit = (verb: string) => `该工单不由本单位承办，您不能${verb}`;

function ownerUnitStaff(permission: Permission, who: string): Who {
  return (actor, ticket, verb) =>
    !can(actor.role, permission) ? `只有${who}可以${verb}` : !ownUnit(actor, ticket) ? notOwnUnit(verb) : null;
}

function roleOnly(permission: Permission, who: string): Who {
  return (actor, _ticket, verb) => (can(actor.role, permission) ? null : `只有${who}可以${verb}`);
}

const handling = ownerUnitStaff("ticket:handle", "承办单位的民警或大队领导");
const leading = ownerUnitStaff("ticket:assign", "承办单位的大队领导");
const dispatching = roleOnly("ticket:dispatch", "指挥中心坐席");
const callingBack = roleOnly("callback:record", "指挥中心坐席");

/** 退单审核: dispatchers; a manager (`return:override`) for a return beyond the cap. */
const approvingReturn: Who = (actor, _ticket, verb) =>
  can(actor.role, "ticket:dispatch") || can(actor.role, "return:override") ? null : `只有指挥中心坐席或支队领导可以${verb}`;
const managing = (permission: Permission) => roleOnly(permission, "支队领导");

/** 延期审批: the owner unit's LEAD, or any dispatcher. Unit-scoped roles must own the ticket. */
const decidingExtension: Who = (actor, ticket, verb) => {
  if (!can(actor.role, "extension:decide")) return `只有承办单位的大队领导或指挥中心坐席可以${verb}`;
  if (can(actor.role, "ticket:read:unit") && !ownUnit(actor, ticket)) return notOwnUnit(verb);
  return null;
};

const assisting: Who = (actor, ticket, verb) => {
  if (!can(actor.role, "ticket:read:unit")) return `只有协办单位的民警可以${verb}`;
  if (actor.unitId === null || !ticket.assistingUnitIds.includes(actor.unitId)) {
    return `本单位不是该工单的协办单位，不能${verb}`;
  }
  return null;
};

// ---- when: state (409) ----------------------------------------------------------------------

const FINISHED: Partial<Record<TicketStatus, (verb: string) => string>> = {
  CLOSED: (verb) => `工单已办结，不能再${verb}`,
  MERGED: (verb) => `工单已并入其他工单（已并单），不能再${verb}，请在主工单上办理`,
  INVALID: (verb) => `工单已置为无效，不能再${verb}`,
};

/**
 * 签收 then 办理: every handling step except 退单 needs the ticket signed (IN_PROGRESS), so the
 * sign clock cannot be skipped by going straight to work.
 */
function statusIn(ticket: WorkflowTicket, allowed: readonly TicketStatus[], verb: string): Refusal {
  if (allowed.includes(ticket.status)) return null;
  if (ticket.status === "DISPATCHED" && allowed.includes("IN_PROGRESS")) return `请先签收工单，再${verb}（先签收后办理）`;
  const names = allowed.map((s) => `「${STATUS_LABELS[s]}」`).join("或");
  return `只有${names}的工单可以${verb}，该工单当前为「${STATUS_LABELS[ticket.status]}」`;
}

const first = (...checks: Array<() => Refusal>): Refusal => {
  for (const check of checks) {
    const refusal = check();
    if (refusal) return refusal;
  }
  return null;
};

function returnCap(ctx: WorkflowContext): Refusal {
  const { returnCount } = ctx.ticket;
  const max = ctx.settings.maxApprovedReturns;
  if (returnCount < max || ctx.override === true) return null;
  return `该工单已退单 ${returnCount} 次，每单最多退单 ${max} 次；确需再次退单须经支队领导同意`;
}

function returnWindow(ctx: WorkflowContext): Refusal {
  const { dispatchedAt } = ctx.ticket;
  if (!dispatchedAt) return "工单没有派单时间，不能申请退单";
  const hours = ctx.settings.returnWindowWorkingHours;
  if (ctx.calendar.workingHoursBetween(dispatchedAt, ctx.now) <= hours) return null;
  return `已超过派单后 ${hours} 个工作小时的退单时限（派单时间 ${formatLocalDateTime(dispatchedAt)}），不能退单；如需其他单位配合，请发起协办`;
}

const returnPendingBlocks = (ticket: WorkflowTicket, verb: string): Refusal =>
  ticket.returnPending ? `退单申请正在审核中，请等待指挥中心审核结果后再${verb}` : null;

const COORDINATION_FIELDS = [
  ["coordinatedWith", "协调部门"],
  ["coordinatedAt", "协调时间"],
  ["coordinationAnswer", "部门答复"],
] as const;

/** 不推诿: a 非警务 ticket is answered only after recording whom the unit coordinated with. */
function nonPoliceCoordination(ticket: WorkflowTicket, input: ActionInput<"reply"> | undefined): Refusal {
  if (ticket.categoryCode !== "NON_POLICE" || ticket.coordinatedAt !== null || input === undefined) return null;
  const missing = COORDINATION_FIELDS.filter(([field]) => input[field] === undefined).map(([, label]) => label);
  return missing.length === 0 ? null : `非警务诉求须先记录协调的部门、时间和答复，请补充：${missing.join("、")}`;
}

function extensionAllowed(ctx: WorkflowContext, input: ActionInput<"extend"> | undefined): Refusal {
  const { ticket, now, settings } = ctx;
  if (ticket.extensionPending) return "已提交延期申请，正在等待审核";
  if (ticket.extendedDays > 0) return `该工单已延期 ${ticket.extendedDays} 个工作日，延期只能申请一次`;
  if (!ticket.dueAt) return "该工单没有办结时限，无需延期";
  if (now >= ticket.dueAt) {
    return `已超过办结时限（${formatLocalDateTime(ticket.dueAt)}），延期须在时限届满前申请`;
  }
  if (input && input.workingDays > settings.maxExtensionWorkingDays) {
    return `延期最多 ${settings.maxExtensionWorkingDays} 个工作日，请减少延期天数`;
  }
  return null;
}

const awaitingManager = (ticket: WorkflowTicket, verb: string): Refusal =>
  ticket.status === "REPLIED" && ticket.awaitingReview
    ? null
    : `只有群众评价「不满意」、等待支队领导决定的工单可以${verb}`;

const noStateRule = () => null;

const RULES: { [A in Action]: Rule<A> } = {
  // Signing while a return is pending is allowed: the unit acknowledges receipt, the return
  // decision is still the dispatcher's.
  sign: {
    who: handling,
    when: ({ ticket }, _input, verb) =>
      ticket.status === "IN_PROGRESS" ? "工单已签收，无需重复签收" : statusIn(ticket, ["DISPATCHED"], verb),
  },
  contact: {
    who: handling,
    when: ({ ticket }, _input, verb) =>
      statusIn(ticket, ["IN_PROGRESS"], verb) ??
      (ticket.anonymous ? "匿名诉求没有可联系的群众，无需联系，可直接答复" : null),
  },
  note: { who: handling, when: ({ ticket }, _input, verb) => statusIn(ticket, ["IN_PROGRESS"], verb) },
  assist: { who: handling, when: ({ ticket }, _input, verb) => statusIn(ticket, ["IN_PROGRESS"], verb) },
  // Assisting units answer as long as the ticket is open: a late answer still helps a reopen.
  assistReply: { who: assisting, when: noStateRule },
  // 退单 may come before signing: the unit says at once that the ticket is not its business.
  return: {
    who: handling,
    when: (ctx, _input, verb) =>
      first(
        () => statusIn(ctx.ticket, ["DISPATCHED", "IN_PROGRESS"], verb),
        () => (ctx.ticket.returnPending ? "已提交退单申请，正在等待指挥中心审核" : null),
        // No cap here: beyond the cap the unit may still ask, and only a manager can approve.
        () => returnWindow(ctx),
      ),
  },
  approveReturn: {
    who: approvingReturn,
    when: (ctx) => {
      if (!ctx.ticket.returnPending) return "该工单没有待审核的退单申请";
      // A manager steps in only beyond the cap (支队领导同意再次退单); below it the dispatcher decides.
      if (!can(ctx.actor.role, "ticket:dispatch") && ctx.ticket.returnCount < ctx.settings.maxApprovedReturns) {
        return "退单次数未超出上限，由指挥中心坐席审核";
      }
      return returnCap(ctx);
    },
  },
  rejectReturn: {
    who: dispatching,
    when: ({ ticket }) => (ticket.returnPending ? null : "该工单没有待审核的退单申请"),
  },
  extend: {
    who: handling,
    when: (ctx, input, verb) =>
      first(
        () => statusIn(ctx.ticket, ["IN_PROGRESS"], verb),
        () => returnPendingBlocks(ctx.ticket, verb),
        () => extensionAllowed(ctx, input),
      ),
  },
  approveExtension: {
    who: decidingExtension,
    when: ({ ticket }) => (ticket.extensionPending ? null : "该工单没有待审核的延期申请"),
  },
  rejectExtension: {
    who: decidingExtension,
    when: ({ ticket }) => (ticket.extensionPending ? null : "该工单没有待审核的延期申请"),
  },
  reply: {
    who: handling,
    when: ({ ticket }, input, verb) =>
      first(
        () => statusIn(ticket, ["IN_PROGRESS"], verb),
        () => returnPendingBlocks(ticket, verb),
        () =>
          ticket.firstContactAt === null && !ticket.anonymous
            ? "请先联系群众并记录联系情况，再答复（先联系后答复）"
            : null,
        () => nonPoliceCoordination(ticket, input),
      ),
  },
  evaluate: {
    who: callingBack,
    when: ({ ticket }, _input, verb) =>
      first(
        () => (ticket.anonymous ? "匿名诉求没有联系人，无法回访评价" : null),
        () => statusIn(ticket, ["REPLIED"], verb),
        () => (ticket.awaitingReview ? "群众已评价「不满意」，正在等待支队领导决定重办或办结" : null),
      ),
  },
  supervise: { who: managing("ticket:supervise"), when: noStateRule },
  reopen: {
    who: managing("ticket:reopen"),
    when: (ctx, _input, verb) =>
      first(
        () => awaitingManager(ctx.ticket, verb),
        () =>
          ctx.ticket.reopenCount < ctx.settings.maxReopens || ctx.override === true
            ? null
            : `该工单已重办 ${ctx.ticket.reopenCount} 次，每单最多重办 ${ctx.settings.maxReopens} 次；确需再次重办请选择超限重办，或办结（不重办）`,
      ),
  },
  closeReview: { who: managing("ticket:reopen"), when: ({ ticket }, _input, verb) => awaitingManager(ticket, verb) },
  merge: { who: dispatching, when: noStateRule },
  invalidate: { who: managing("ticket:invalidate"), when: noStateRule },
  dispatch: { who: dispatching, when: ({ ticket }, _input, verb) => statusIn(ticket, ["PENDING"], verb) },
  assign: { who: leading, when: ({ ticket }, _input, verb) => statusIn(ticket, ["DISPATCHED", "IN_PROGRESS"], verb) },
  grade: { who: leading, when: ({ ticket }, _input, verb) => statusIn(ticket, ["DISPATCHED", "IN_PROGRESS"], verb) },
};

function check(ctx: WorkflowContext, action: Action, input: unknown): Decision {
  // Fails closed on an action name that is not ours (the API passes client text through).
  if (!Object.hasOwn(RULES, action)) return { allowed: false, status: 403, reason: `未知的操作「${String(action)}」` };
  const rule = RULES[action] as Rule<Action>;
  const verb = VERBS[action];
  const forbidden = rule.who(ctx.actor, ctx.ticket, verb);
  if (forbidden) return { allowed: false, status: 403, reason: forbidden };
  const conflict = FINISHED[ctx.ticket.status]?.(verb) ?? rule.when(ctx, input as ActionInput<Action> | undefined, verb);
  if (conflict) return { allowed: false, status: 409, reason: conflict };
  return { allowed: true };
}

/** May this actor take this action, with this input, on this ticket, now? */
export function decide<A extends Action>(ctx: DecideContext<A>): Decision {
  return check(ctx, ctx.action, ctx.input);
}

/**
 * Each action's decision without an input: the rules that depend on what is typed into the form
 * (非警务 coordination, the number of extension days) are left to the form and to decide(), so
 * the button still shows and the form explains. The UI can show a refused action's reason.
 */
export function actionDecisions(ctx: WorkflowContext): Record<Action, Decision> {
  return Object.fromEntries(ACTIONS.map((action) => [action, check(ctx, action, undefined)])) as Record<Action, Decision>;
}

/** The actions this actor may take on this ticket now, in the order of ACTIONS. */
export function availableActions(ctx: WorkflowContext): Action[] {
  const decisions = actionDecisions(ctx);
  return ACTIONS.filter((action) => decisions[action].allowed);
}

// ---- transition: where an allowed action leads ----------------------------------------------

export type Transition = {
  status: TicketStatus;
  event: EventType;
  visibility: "PUBLIC" | "INTERNAL";
  /** Queue a message to the citizen (when the ticket has a phone). */
  notifyCitizen: boolean;
  /** The new value of Ticket.awaitingReview, when the action changes it. */
  awaitingReview?: boolean;
};

type Step = { event: EventType; to?: TicketStatus; notifyCitizen?: true; awaitingReview?: boolean };

const STEPS: Record<Action, Step> = {
  sign: { event: "SIGNED", to: "IN_PROGRESS" },
  contact: { event: "CONTACTED" },
  note: { event: "NOTE" },
  assist: { event: "ASSIST_REQUESTED" },
  assistReply: { event: "ASSIST_REPLIED" },
  return: { event: "RETURN_REQUESTED" },
  // Re-dispatched to the new owner, who signs again: its sign clock and return window restart.
  approveReturn: { event: "RETURN_APPROVED", to: "DISPATCHED" },
  rejectReturn: { event: "RETURN_REJECTED" },
  extend: { event: "EXTENSION_REQUESTED" },
  approveExtension: { event: "EXTENSION_APPROVED", notifyCitizen: true },
  rejectExtension: { event: "EXTENSION_REJECTED" },
  // The citizen receives the answer and the one-time evaluation link.
  reply: { event: "REPLIED", to: "REPLIED", notifyCitizen: true },
  evaluate: { event: "EVALUATED", to: "CLOSED", awaitingReview: false },
  supervise: { event: "SUPERVISED" },
  reopen: { event: "REOPENED", to: "IN_PROGRESS", notifyCitizen: true, awaitingReview: false },
  merge: { event: "MERGED", to: "MERGED", notifyCitizen: true },
  invalidate: { event: "INVALIDATED", to: "INVALID" },
  dispatch: { event: "DISPATCHED", to: "DISPATCHED" },
  assign: { event: "ASSIGNED" },
  grade: { event: "GRADED" },
  closeReview: { event: "CLOSED", to: "CLOSED", notifyCitizen: true, awaitingReview: false },
};

/**
 * The status after an allowed action and the event to append. 不满意 does not close the ticket:
 * it stays 已答复待回访 with awaitingReview until a manager reopens it or closes it with a note.
 */
export function transition<A extends Action>(action: A, status: TicketStatus, input: ActionInput<A>): Transition {
  const step = STEPS[action];
  let to = step.to ?? status;
  let awaitingReview = step.awaitingReview;
  if (action === "evaluate" && (input as ActionInput<"evaluate">).satisfaction === "UNSATISFIED") {
    to = "REPLIED";
    awaitingReview = true;
  }
  const result: Transition = {
    status: to,
    event: step.event,
    visibility: EVENT_TYPES[step.event].visibility,
    notifyCitizen: step.notifyCitizen ?? false,
  };
  if (awaitingReview !== undefined) result.awaitingReview = awaitingReview;
  return result;
}
