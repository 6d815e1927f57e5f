import "server-only";
// What a citizen reads of their own ticket, on 我的诉求 (signed in) and on the tracking page
// (number + phone): their own words and photos, where it stands, the answer, the evaluation they
// gave and, once closed, when — one shape for both pages. Events through citizenTimeline only.
import type { Actor } from "@/lib/auth/actor";
import { ticketNotFound } from "@/lib/auth/ticket-access";
import { db } from "@/lib/db";
import { citizenTimeline } from "@/lib/domain/events";
import { followUpRefusal } from "@/lib/domain/follow-up";
import type { Prisma } from "@/lib/generated/prisma/client";
import { evaluationOpen } from "@/lib/dal/evaluations";
import { stepAttachmentInclude, toStepAttachments } from "@/lib/dal/ticket-view";

export const citizenTicketInclude = {
  ownerUnit: { select: { name: true } },
  category: { select: { name: true } },
  mergedInto: { select: { no: true } },
  // The citizen's own photos (intake and 补充); what staff attached comes with its step (events).
  attachments: { where: { eventId: null }, select: { id: true }, orderBy: { createdAt: "asc" } },
  // The latest round the citizen (or a callback) answered; 未评价 is no evaluation given.
  evaluations: { where: { satisfaction: { not: "NONE" } }, orderBy: { round: "desc" }, take: 1, select: { resolved: true, satisfaction: true, comment: true, createdAt: true } },
  events: { where: { visibility: "PUBLIC" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { actorUnit: { select: { name: true } }, attachments: stepAttachmentInclude } },
} as const satisfies Prisma.TicketInclude;

type CitizenTicketRow = Prisma.TicketGetPayload<{ include: typeof citizenTicketInclude }>;

export type CitizenTicket = Awaited<ReturnType<typeof toCitizenTicket>>;

/** `fileUrl` says how this page's reader opens a file: the session route, or a signed link. */
export async function toCitizenTicket(ticket: CitizenTicketRow, fileUrl: (id: string) => string | Promise<string>, now = new Date()) {
  const [evaluation] = ticket.evaluations;
  const events = citizenTimeline(ticket.events);
  const ids = [...ticket.attachments, ...events.flatMap((e) => e.attachments)].map((a) => a.id);
  const urls = new Map(await Promise.all(ids.map(async (id) => [id, await fileUrl(id)] as const)));
  return {
    no: ticket.no,
    status: ticket.status,
    title: ticket.title,
    content: ticket.content,
    categoryName: ticket.category.name,
    ownerUnitName: ticket.ownerUnit?.name ?? null,
    receivedAt: ticket.receivedAt,
    dueAt: ticket.dueAt,
    closedAt: ticket.status === "CLOSED" ? ticket.closedAt : null,
    reply: ticket.status === "REPLIED" || ticket.status === "CLOSED" ? ticket.replyText : null,
    mergedInto: ticket.mergedInto?.no ?? null,
    photos: ticket.attachments.map((a) => ({ id: a.id, url: urls.get(a.id)! })),
    evaluation: evaluation ? { resolved: evaluation.resolved, satisfaction: evaluation.satisfaction, comment: evaluation.comment, at: evaluation.createdAt } : null,
    canRemind: followUpRefusal("REMIND", ticket.status) === null,
    canSupplement: followUpRefusal("SUPPLEMENT", ticket.status) === null,
    canEvaluate: evaluationOpen(ticket, now),
    events: events.map((e) => ({
      type: e.type,
      visibility: e.visibility,
      at: e.createdAt,
      actor: null,
      unitName: e.actorUnit?.name ?? null,
      payload: e.payload,
      attachments: toStepAttachments(e.attachments, (id) => urls.get(id)!),
    })),
  };
}

/** 我的诉求 / {no}: the signed-in citizen's own ticket; anyone else's is the same 404 as none. */
export async function myTicket(actor: Actor, no: string): Promise<CitizenTicket> {
  const ticket = await db.ticket.findUnique({ where: { no }, include: citizenTicketInclude });
  if (!ticket || actor.role !== "CITIZEN" || ticket.citizenUserId !== actor.userId) throw ticketNotFound(no);
  return toCitizenTicket(ticket, (id) => `/api/v1/tickets/${ticket.no}/attachments/${id}`);
}

/** 我的诉求's 评价 buttons: the citizen's own tickets waiting for their evaluation now. */
export async function evaluableTicketNos(actor: Actor, now = new Date()): Promise<Set<string>> {
  if (actor.role !== "CITIZEN") return new Set();
  const replied = await db.ticket.findMany({
    where: { citizenUserId: actor.userId, status: "REPLIED" },
    select: { no: true, status: true, awaitingReview: true, evaluationExpiresAt: true },
  });
  return new Set(replied.filter((t) => evaluationOpen(t, now)).map((t) => t.no));
}
