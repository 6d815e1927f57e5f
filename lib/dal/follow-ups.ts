import "server-only";
// 催办 and 补充 (issue 13 item 3): a citizen following up their own open ticket, from 我的诉求
// (signed in: the ticket's citizenUserId) or from tracking (number + phone, proven exactly as
// the tracking page proves it). Each is one write step; refusals store nothing.
import type { Actor } from "@/lib/auth/actor";
import { ticketNotFound } from "@/lib/auth/ticket-access";
import { db } from "@/lib/db";
import { EVENT_TYPES } from "@/lib/domain/events";
import { followUpRefusal, reminderRefusal, type FollowUpKind } from "@/lib/domain/follow-up";
import type { TicketStatus } from "@/lib/domain/labels";
import { env } from "@/lib/env";
import { Conflict, Invalid } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { citizenUpdateRows } from "@/lib/dal/citizen-updates";
import { findTrackedTicket } from "@/lib/dal/tracking";
import { insertRows } from "@/lib/sql/rows";
import { toDate } from "@/lib/sql/values";
import { write, type WriteTx } from "@/lib/sql/write";
import type { ProcessedPhoto } from "@/lib/uploads/photos";
import { parseOrThrow } from "@/lib/validation/errors";
import { supplementSchema } from "@/lib/validation/follow-up";

/** Who follows up: the signed-in citizen, or whoever knows the ticket's number and phone. */
export type FollowUpBy = { actor: Actor; no: string } | { tracking: { no: unknown; phone: unknown }; ip: string };

type OwnedTicket = { id: string; no: string; ownerUnitId: string | null; source: "MY" | "TRACK"; actorId: string | null };

/** The caller's own ticket, or the same 404 as for a number that does not exist. */
async function ownTicket(by: FollowUpBy): Promise<OwnedTicket> {
  if ("tracking" in by) {
    const ticket = await findTrackedTicket(by.tracking, { ip: by.ip }, {});
    return { id: ticket.id, no: ticket.no, ownerUnitId: ticket.ownerUnitId, source: "TRACK", actorId: null };
  }
  const ticket = await db.ticket.findUnique({ where: { no: by.no }, select: { id: true, no: true, ownerUnitId: true, citizenUserId: true } });
  // Only the citizen who submitted it: staff follow a ticket up through their own workflow.
  if (!ticket || by.actor.role !== "CITIZEN" || ticket.citizenUserId !== by.actor.userId) throw ticketNotFound(by.no);
  return { id: ticket.id, no: ticket.no, ownerUnitId: ticket.ownerUnitId, source: "MY", actorId: by.actor.userId };
}

/**
 * The ticket's status inside the write step, the row locked on PostgreSQL so that two reminders
 * of the same moment cannot both see "none today" (SQLite has one writer at a time anyway).
 */
async function assertOpen(tx: WriteTx, ticketId: string, kind: FollowUpKind): Promise<void> {
  const row = await tx
    .selectFrom("Ticket")
    .select("status")
    .where("id", "=", ticketId)
    .$if(env().databaseEngine === "postgresql", (query) => query.forUpdate())
    .executeTakeFirstOrThrow();
  const refusal = followUpRefusal(kind, row.status as TicketStatus);
  if (refusal) throw new Conflict(refusal);
}

/** 催办: at most once a local day per ticket, shown to the owner unit on the timeline. */
export async function remindTicket(by: FollowUpBy, now = new Date()): Promise<{ no: string }> {
  const ticket = await ownTicket(by);
  return write(async (tx) => {
    await assertOpen(tx, ticket.id, "REMIND");
    const last = await tx
      .selectFrom("TicketEvent")
      .select("createdAt")
      .where("ticketId", "=", ticket.id)
      .where("type", "=", "CITIZEN_REMINDER")
      .orderBy("createdAt", "desc")
      .limit(1)
      .executeTakeFirst();
    const refusal = reminderRefusal(last ? toDate(last.createdAt) : null, now);
    if (refusal) throw new Conflict(refusal);
    await tx
      .insertInto("TicketEvent")
      .values({
        id: newId(),
        ticketId: ticket.id,
        type: "CITIZEN_REMINDER",
        visibility: EVENT_TYPES.CITIZEN_REMINDER.visibility,
        actorId: ticket.actorId,
        actorUnitId: null,
        payload: JSON.stringify({ source: ticket.source }),
        createdAt: now,
      })
      .execute();
    return { no: ticket.no };
  });
}

/**
 * 补充: more words or photos (checked and re-encoded by the caller: lib/uploads/photos.ts), stored
 * as every citizen follow-up is (lib/dal/citizen-updates.ts).
 */
export async function supplementTicket(by: FollowUpBy, raw: unknown, photos: ProcessedPhoto[], now = new Date()): Promise<{ no: string }> {
  const { text } = parseOrThrow(supplementSchema, raw);
  if (!text && photos.length === 0) throw new Invalid([{ field: "text", message: "请填写补充内容或选择照片" }]);
  const ticket = await ownTicket(by);
  const { rows } = await citizenUpdateRows(ticket, { text, source: ticket.source, actorId: ticket.actorId, photos }, now);
  return write(async (tx) => {
    await assertOpen(tx, ticket.id, "SUPPLEMENT");
    await insertRows(tx, rows);
    return { no: ticket.no };
  });
}
