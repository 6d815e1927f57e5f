import "server-only";
import { replyTemplatesFor, type ReplyTemplate } from "@/lib/domain/reply-templates";
import type { Actor } from "@/lib/auth/actor";
import { assertCanReadTicket, ticketNotFound } from "@/lib/auth/ticket-access";
import { db } from "@/lib/db";
import type { TicketStatus } from "@/lib/domain/labels";
import { availableActions, type Action, type WorkflowContext } from "@/lib/domain/workflow";
import { assigneesOf, type Assignees } from "@/lib/dal/assignees";
import { dispatchAdviceFor, NO_ADVICE, type DispatchAdvice } from "@/lib/dal/dispatch-advice";
import { reference } from "@/lib/dal/reference";

// What the ticket page's action panel needs (DOMAIN.md §7): the steps this actor may take now,
// decided by the same rules performAction applies, plus the choices the forms offer. The page
// shows buttons from this; performAction still decides again on submit.

export type UnitOption = { code: string; name: string; kind: string };

export type TicketActionsView = {
  /** The version the forms send back, so a step decided on a stale page is refused (409). */
  version: number;
  actions: Action[];
  /** 非警务 without a recorded coordination: the reply form asks for 协调部门/时间/答复. */
  needsCoordination: boolean;
  /** Owner units (大队) for dispatch, approveReturn and return's suggested unit. */
  ownerUnits: UnitOption[];
  /** Any active unit but the owner, 外部门 included, for 协办. */
  assistUnits: UnitOption[];
  /** For 指派, only when the actor may assign: the owner brigade's officers and squadrons (中队). */
  assignees: Assignees;
  maxExtensionWorkingDays: number;
  /** 答复模板 of the ticket's category. */
  replyTemplates: ReplyTemplate[];
  /** For 派单: the suggested unit and the model's category opinion, and the categories to correct to. */
  dispatch: { advice: DispatchAdvice; category: string; categories: { code: string; name: string }[] } | null;
  /** The share of a clock's span left at which it shows 临期 (admin setting). */
  nearDueFraction: number;
};

const workflowSelect = {
  status: true,
  ownerUnitId: true,
  squadronUnitId: true,
  citizenUserId: true,
  anonymous: true,
  returnPending: true,
  returnCount: true,
  extensionPending: true,
  extendedDays: true,
  reopenCount: true,
  awaitingReview: true,
  firstContactAt: true,
  dispatchedAt: true,
  dueAt: true,
  categoryCode: true,
  coordinatedAt: true,
  id: true,
  title: true,
  content: true,
  place: true,
  suggestedUnitId: true,
  version: true,
  assistRequests: { select: { assistingUnitId: true } },
} as const;

export async function actionsFor(actor: Actor, no: string, now: Date = new Date()): Promise<TicketActionsView> {
  const [row, ref] = await Promise.all([db.ticket.findUnique({ where: { no }, select: workflowSelect }), reference()]);
  if (!row) throw ticketNotFound(no);
  const { assistRequests, version, citizenUserId, id, title, content, place, suggestedUnitId, ...fields } = row;
  const assistingUnitIds = [...new Set(assistRequests.map((a) => a.assistingUnitId))];
  assertCanReadTicket(actor, { ownerUnitId: row.ownerUnitId, squadronUnitId: row.squadronUnitId, citizenUserId, assistingUnitIds }, no);

  const ctx: WorkflowContext = {
    actor: { role: actor.role, unitId: actor.unitId },
    ticket: { ...fields, status: fields.status as TicketStatus, assistingUnitIds },
    now,
    settings: ref.settings,
    calendar: ref.calendar,
  };
  const actions = availableActions(ctx);

  const active = ref.units.filter((u) => u.active);
  const option = ({ code, name, kind }: UnitOption): UnitOption => ({ code, name, kind });
  return {
    version,
    actions,
    needsCoordination: row.categoryCode === "NON_POLICE" && row.coordinatedAt === null,
    ownerUnits: active.filter((u) => u.kind === "BRIGADE" && u.id !== row.ownerUnitId).map(option),
    assistUnits: active.filter((u) => u.id !== row.ownerUnitId).map(option),
    assignees: actions.includes("assign") && row.ownerUnitId ? await assigneesOf(row.ownerUnitId, ref.units) : { officers: [], squadrons: [] },
    maxExtensionWorkingDays: ref.settings.maxExtensionWorkingDays,
    replyTemplates: replyTemplatesFor(row.categoryCode),
    dispatch: actions.includes("dispatch")
      ? {
          advice: (await dispatchAdviceFor([{ id, title, content, place, suggestedUnitId, categoryCode: row.categoryCode }])).get(id) ?? NO_ADVICE,
          category: row.categoryCode,
          categories: ref.categories.map(({ code, name }) => ({ code, name })),
        }
      : null,
    nearDueFraction: ref.settings.nearDueFraction,
  };
}
