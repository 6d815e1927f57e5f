import "server-only";
// 新 until opened (issue 13 item 9): a ticket that has just arrived for the user is marked in
// their lists until they open its page (lib/domain/floor-notices.ts newStatusesFor, isNewFor).
import type { Actor } from "@/lib/auth/actor";
import { isNewFor, newStatusesFor } from "@/lib/domain/floor-notices";
import type { TicketStatus } from "@/lib/domain/labels";
import { readableTicket } from "@/lib/dal/ticket-scope";
import { NotFound } from "@/lib/errors";
import { sql } from "@/lib/sql";
import { writeStatement } from "@/lib/sql/write";

/**
 * The ticket page was opened: remembered once per user and ticket, and only while the ticket
 * could be marked new for them, so an ordinary page view writes nothing. Idempotent (a second
 * opening, or two at once, leaves the one row).
 */
export async function recordTicketOpened(actor: Actor, no: string, now: Date = new Date()): Promise<void> {
  const statuses = newStatusesFor(actor.role);
  if (statuses.length === 0) return;
  const ticket = await readableTicket(actor, no).catch((error: unknown) => {
    if (error instanceof NotFound) return null; // nothing to remember; the page says 404 itself
    throw error;
  });
  if (!ticket || !statuses.includes(ticket.status)) return;
  const opened = await sql().selectFrom("TicketOpened").select("userId").where("userId", "=", actor.userId).where("ticketId", "=", ticket.id).executeTakeFirst();
  if (opened) return;
  await writeStatement((sql) =>
    sql
      .insertInto("TicketOpened")
      .values({ userId: actor.userId, ticketId: ticket.id, openedAt: now })
      .onConflict((conflict) => conflict.columns(["userId", "ticketId"]).doNothing()),
  );
}

/** The rows of a list, each with `isNew` for this user (one look-up for the whole page). */
export async function withNewMarks<T extends { no: string; status: TicketStatus }>(actor: Actor, items: readonly T[]): Promise<(T & { isNew: boolean })[]> {
  const candidates = items.filter((item) => isNewFor(actor.role, item.status, false)).map((item) => item.no);
  const opened =
    candidates.length === 0
      ? []
      : await sql()
          .selectFrom("TicketOpened as o")
          .innerJoin("Ticket as t", "t.id", "o.ticketId")
          .select("t.no")
          .where("o.userId", "=", actor.userId)
          .where("t.no", "in", candidates)
          .execute();
  const openedNos = new Set(opened.map((o) => o.no));
  return items.map((item) => ({ ...item, isNew: isNewFor(actor.role, item.status, openedNos.has(item.no)) }));
}
