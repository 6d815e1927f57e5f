import "server-only";
// One ticket with everything its page and GET /api/v1/tickets/{no} show (TicketWithView), in four
// statements read side by side — the ticket with its handler, master and category name; its
// assistance requests; its attachments; its timeline with each step's author — where Prisma's
// include tree took fourteen, one after another. Units come from the cached reference data. On
// PostgreSQL every statement is a round trip the node pays for in CPU (bench:pages, issue 15).
import { reference } from "@/lib/dal/reference";
import type { TicketWithView } from "@/lib/dal/ticket-view";
import { ticketFromSql } from "@/lib/dal/workflow/ticket-row";
import type { Visibility } from "@/lib/generated/prisma/client";
import { sql } from "@/lib/sql";
import { toDate } from "@/lib/sql/values";

/** The ticket's id, by its number, as a sub-select: statements about one ticket need not wait for its row. */
export const ticketIdOf = (no: string) => sql().selectFrom("Ticket").select("id").where("no", "=", no);

/** The ticket numbered `no` in the shape toTicketView reads, or null. Not authorised: getTicket is. */
export async function readTicketWithView(no: string): Promise<TicketWithView | null> {
  const [row, assists, attachments, events, ref] = await Promise.all([
    sql()
      .selectFrom("Ticket as t")
      .innerJoin("Category as c", "c.code", "t.categoryCode")
      .leftJoin("User as h", "h.id", "t.handlerId")
      .leftJoin("Ticket as m", "m.id", "t.mergedIntoId")
      .selectAll("t")
      .select(["c.name as categoryName", "h.username as handlerUsername", "h.displayName as handlerName", "m.no as mergedIntoNo"])
      .where("t.no", "=", no)
      .executeTakeFirst(),
    sql().selectFrom("AssistRequest").select("assistingUnitId").where("ticketId", "in", ticketIdOf(no)).execute(),
    sql()
      .selectFrom("Attachment")
      .select(["id", "mimeType", "width", "height", "label", "fileName", "eventId"])
      .where("ticketId", "in", ticketIdOf(no))
      .orderBy("createdAt")
      .orderBy("id")
      .execute(),
    sql()
      .selectFrom("TicketEvent as e")
      .leftJoin("User as u", "u.id", "e.actorId")
      .selectAll("e")
      .select("u.displayName as actorName")
      .where("e.ticketId", "in", ticketIdOf(no))
      .orderBy("e.createdAt")
      .orderBy("e.id")
      .execute(),
    reference(),
  ]);
  if (!row) return null;
  const { categoryName, handlerUsername, handlerName, mergedIntoNo, ...columns } = row;
  const ticket = ticketFromSql(columns);
  const unit = (id: string | null) => {
    const u = id ? ref.unitById.get(id) : undefined;
    return u ? { code: u.code, name: u.name } : null;
  };
  // Staff attachments belong to their step; the citizen's own photos to none (eventId null).
  const stepFiles = new Map<string, { id: string; mimeType: string; label: string | null; fileName: string | null }[]>();
  for (const a of attachments) {
    if (a.eventId) stepFiles.set(a.eventId, [...(stepFiles.get(a.eventId) ?? []), { id: a.id, mimeType: a.mimeType, label: a.label, fileName: a.fileName }]);
  }
  return {
    ...ticket,
    ownerUnit: unit(ticket.ownerUnitId),
    squadronUnit: unit(ticket.squadronUnitId),
    handler: handlerUsername !== null && handlerName !== null ? { username: handlerUsername, displayName: handlerName } : null,
    category: { code: ticket.categoryCode, name: categoryName },
    mergedInto: mergedIntoNo !== null ? { no: mergedIntoNo } : null,
    assistRequests: assists,
    attachments: attachments.filter((a) => a.eventId === null).map(({ id, mimeType, width, height }) => ({ id, mimeType, width, height })),
    events: events.map(({ actorName, ...e }) => ({
      ...e,
      visibility: e.visibility as Visibility,
      createdAt: toDate(e.createdAt),
      actor: actorName !== null ? { displayName: actorName } : null,
      actorUnit: unit(e.actorUnitId),
      attachments: stepFiles.get(e.id) ?? [],
    })),
  };
}
