import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCanReadTicket, ticketNotFound } from "@/lib/auth/ticket-access";
import { contactOf, type Contact } from "@/lib/domain/contact";
import { EVENT_TYPES } from "@/lib/domain/events";
import type { TicketStatus } from "@/lib/domain/labels";
import { OPEN_STATUSES } from "@/lib/domain/overdue";
import { takesAttachments } from "@/lib/domain/staff-attachments";
import { earliestOpenDeadline } from "@/lib/domain/time-limits";
import {
  decide,
  isAction,
  parseActionInput,
  transition,
  type Action,
  type ActionInput,
  type WorkflowContext,
} from "@/lib/domain/workflow";
import { Conflict, Forbidden, Invalid } from "@/lib/errors";
import type { Ticket } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import { reference } from "@/lib/dal/reference";
import type { TicketView } from "@/lib/dal/ticket-view";
import { getTicket } from "@/lib/dal/tickets";
import { EFFECTS, type Effect, type EffectContext } from "@/lib/dal/workflow/effects";
import { assistingUnitIds, loadTicketRow, updateTicketVersioned, type TicketPatch } from "@/lib/dal/workflow/ticket-row";
import { write, type WriteTx } from "@/lib/sql/write";
import type { StaffAttachment } from "@/lib/uploads/staff-files";

// Every workflow step of DOMAIN.md §7 (POST /tickets/{no}/actions): one entry point, one write
// step (lib/sql/write.ts) — load, decide, version check, apply, bump the version, append the
// event, queue the notices. Two steps decided on the same version cannot both be written: on
// SQLite steps run one after another; on PostgreSQL the versioned UPDATE waits for the first's
// row lock and then finds the version gone (ticket-row.ts), and the loser's writes roll back.

const STALE = "工单已被他人更新，请刷新后重试";

export type ActionBody = { action: Action; version: number; input: ActionInput<Action>; override: boolean };

/** `action` and `version` first, then the action's own fields (all errors at once). */
export function parseActionBody(body: unknown, now: Date): ActionBody {
  const raw = (typeof body === "object" && body !== null && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  if (!isAction(raw.action)) {
    throw new Invalid([{ field: "action", message: raw.action === undefined ? "请指定操作（action）" : `未知的操作「${String(raw.action)}」` }]);
  }
  const errors = [];
  const version = raw.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    errors.push({ field: "version", message: "请提供工单的当前版本号（version，正整数）" });
  }
  const parsed = parseActionInput(raw.action, raw, now);
  if (!parsed.ok) errors.push(...parsed.errors);
  if (errors.length > 0 || !parsed.ok) throw new Invalid(errors);
  return { action: raw.action, version: version as number, input: parsed.input, override: raw.override === true };
}

/**
 * Takes one workflow step on ticket `no` and returns the ticket as the actor now sees it.
 * 404 unknown ticket; 403 a ticket the actor cannot read, or a step it may never take here;
 * 409 a stale `version`, then a step the ticket's state does not allow (in that order, so a
 * stale client is told to refresh before it is told why). Nothing is written on a refusal.
 */
export async function performAction(actor: Actor, no: string, body: unknown, attachments: StaffAttachment[] = []): Promise<TicketView> {
  await performStep(actor, no, body, attachments);
  return getTicket(actor, no);
}

/**
 * performAction without re-reading the view; answers the step's own result (dispatch, merge).
 * `attachments` (lib/uploads/staff-files.ts, already checked) are stored with the step's event.
 */
export async function performStep(actor: Actor, no: string, body: unknown, attachments: StaffAttachment[] = []): Promise<Effect["result"]> {
  const now = new Date();
  const step = parseActionBody(body, now);
  if (attachments.length > 0 && !takesAttachments(step.action)) {
    throw new Invalid([{ field: "attachments", message: "只有办理记录、协办反馈和答复可以附加照片或文件" }]);
  }
  const ref = await reference();
  return write(async (tx) => {
    const ticket = await loadTicketRow(tx, no);
    if (!ticket) throw ticketNotFound(no);
    const assisting = await assistingUnitIds(tx, ticket.id);
    const scope = { ...ticket, assistingUnitIds: assisting };
    // Someone who cannot see the ticket learns nothing about it, not even that it exists.
    assertCanReadTicket(actor, scope, no);

    const ctx: WorkflowContext = {
      actor: { role: actor.role, unitId: actor.unitId },
      ticket: {
        ...ticket,
        status: ticket.status as TicketStatus,
        assistingUnitIds: assisting,
        anonymous: ticket.anonymous,
      },
      now,
      settings: ref.settings,
      calendar: ref.calendar,
      // A manager's consent lets a step pass a per-ticket cap: explicitly (`"override": true`)
      // for a reopen beyond maxReopens (超限重办); implied when a manager approves a return, since
      // managers approve returns only beyond maxApprovedReturns. Only a MANAGER's own word counts.
      override: actor.role === "MANAGER" && (step.override || step.action === "approveReturn"),
    };
    const decision = decide({ ...ctx, action: step.action, input: step.input });
    if (!decision.allowed && decision.status === 403) throw new Forbidden(decision.reason);
    if (ticket.version !== step.version) throw new Conflict(STALE);
    if (!decision.allowed) throw new Conflict(decision.reason);

    return apply(tx, { actor, ticket, now, step, ref, attachments });
  });
}

async function apply(
  tx: WriteTx,
  {
    actor,
    ticket,
    now,
    step,
    ref,
    attachments,
  }: { actor: Actor; ticket: Ticket; now: Date; step: ActionBody; ref: Awaited<ReturnType<typeof reference>>; attachments: StaffAttachment[] },
): Promise<Effect["result"]> {
  const next = transition(step.action, ticket.status as TicketStatus, step.input);
  const effect = await (EFFECTS[step.action] as (ctx: EffectContext, input: unknown) => Effect | Promise<Effect>)(
    { tx, ticket, actor, now, ref, next },
    step.input,
  );
  const patch: TicketPatch = { ...effect.patch, status: next.status };
  if (next.awaitingReview !== undefined) patch.awaitingReview = next.awaitingReview;
  if (next.status === "CLOSED" && ticket.status !== "CLOSED") patch.closedAt ??= now;
  if (ticket.status === "PENDING" && next.status === "DISPATCHED") patch.dispatchedAt ??= now;
  // escalationAt follows the clocks: the earliest deadline still open, none once nothing runs.
  const after = { ...ticket, ...patch };
  patch.escalationAt = (OPEN_STATUSES as readonly string[]).includes(next.status) ? earliestOpenDeadline(after) : null;

  await updateTicketVersioned(tx, ticket, patch, now);
  const event = (ticketId: string, type: keyof typeof EVENT_TYPES, payload: Record<string, unknown>) => ({
    id: newId(),
    ticketId,
    type,
    visibility: EVENT_TYPES[type].visibility,
    actorId: actor.userId,
    actorUnitId: actor.unitId,
    payload: JSON.stringify(payload),
    createdAt: now,
  });
  const events = [event(ticket.id, next.event, effect.payload), ...(effect.otherEvents ?? []).map((o) => event(o.ticketId, o.type, o.payload))];
  await tx.insertInto("TicketEvent").values(events).execute();
  if (attachments.length > 0) await insertAttachments(tx, ticket.id, events[0]!.id, attachments, now);
  if (next.notifyCitizen && effect.notice) await queueNotices(tx, ticket, effect.notice, now);
  return effect.result;
}

/** The step's attachments, tied to its event: the row, then the bytes (AttachmentContent). */
async function insertAttachments(tx: WriteTx, ticketId: string, eventId: string, attachments: StaffAttachment[], now: Date): Promise<void> {
  // newId sorts in creation order, so the files list in the order they were chosen.
  const rows = attachments.map((a) => ({ id: newId(), ...a }));
  await tx
    .insertInto("Attachment")
    .values(
      rows.map(({ id, storedName, mimeType, size, width, height, label, fileName }) => ({
        id,
        ticketId,
        eventId,
        storedName,
        mimeType,
        size,
        width,
        height,
        label,
        fileName,
        createdAt: now,
      })),
    )
    .execute();
  await tx
    .insertInto("AttachmentContent")
    .values(rows.map(({ id, bytes }) => ({ attachmentId: id, bytes })))
    .execute();
}

/**
 * The ticket's own caller and the callers of tickets merged into it (一单到底: they follow the
 * master). Anonymous callers asked not to be contacted.
 */
async function queueNotices(tx: WriteTx, ticket: Ticket, notice: NonNullable<Effect["notice"]>, now: Date): Promise<void> {
  const recipients = new Map<string, { contact: Contact; payload: Record<string, unknown> }>();
  const own = contactOf(ticket);
  if (own) recipients.set(own.recipient, { contact: own, payload: { ...notice.payload, ...notice.ownCallerOnly } });
  const merged = await tx
    .selectFrom("Ticket")
    .select(["citizenPhone", "citizenEmail"])
    .where("mergedIntoId", "=", ticket.id)
    .where("status", "=", "MERGED")
    .where("anonymous", "=", false)
    .execute();
  for (const caller of merged) {
    const contact = contactOf({ ...caller, anonymous: false });
    if (contact && !recipients.has(contact.recipient)) recipients.set(contact.recipient, { contact, payload: notice.payload });
  }
  if (recipients.size === 0) return;
  await tx
    .insertInto("Notification")
    .values(
      [...recipients.values()].map(({ contact, payload }) => ({
        id: newId(),
        ticketId: ticket.id,
        ...contact,
        template: notice.template,
        payload: JSON.stringify(payload),
        status: "PENDING" as const,
        attempts: 0,
        createdAt: now,
      })),
    )
    .execute();
}
