import "server-only";
import { db } from "@/lib/db";
import { citizenTimeline } from "@/lib/domain/events";
import { NotFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { startTrackingLookup } from "@/lib/rate-limit";
import { parseOrThrow } from "@/lib/validation/errors";
import { trackingQuerySchema } from "@/lib/validation/tracking";

export type TrackedTicket = Awaited<ReturnType<typeof trackTicket>>;

/**
 * 查询办理进度: a ticket by number + the phone it was submitted with. Public, so it answers the
 * same "not found" whether the number is unknown or the phone does not match, and shows the
 * citizen's timeline (citizenTimeline: PUBLIC events, allow-listed fields, no staff names).
 * Failed look-ups are limited per phone and per address (startTrackingLookup), so a known phone
 * cannot be paired with guessed numbers.
 */
export async function trackTicket(raw: unknown, client: { ip: string }) {
  const ticket = await findTrackedTicket(raw, client, {
    ownerUnit: { select: { name: true } },
    category: { select: { name: true } },
    mergedInto: { select: { no: true } },
    events: { where: { visibility: "PUBLIC" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { actorUnit: { select: { name: true } } } },
  });
  return {
    no: ticket.no,
    status: ticket.status,
    title: ticket.title,
    categoryName: ticket.category.name,
    ownerUnitName: ticket.ownerUnit?.name ?? null,
    receivedAt: ticket.receivedAt,
    dueAt: ticket.dueAt,
    reply: ticket.status === "REPLIED" || ticket.status === "CLOSED" ? ticket.replyText : null,
    mergedInto: ticket.mergedInto?.no ?? null,
    events: citizenTimeline(ticket.events).map((e) => ({
      type: e.type,
      visibility: e.visibility,
      at: e.createdAt,
      actor: null,
      unitName: e.actorUnit?.name ?? null,
      payload: e.payload,
    })),
  };
}

/**
 * The ticket a number + phone proves to be the caller's (tracking, and 催办/补充 from it), with
 * what `include` asks for; the same NotFound for an unknown number and a wrong phone, failed
 * look-ups counted against guessing (startTrackingLookup).
 */
export async function findTrackedTicket<I extends Prisma.TicketInclude>(raw: unknown, client: { ip: string }, include: I) {
  const { no, phone } = parseOrThrow(trackingQuerySchema, raw);
  const lookup = await startTrackingLookup(phone, client.ip);
  const ticket = await db.ticket.findUnique({ where: { no }, include });
  if (!ticket || ticket.citizenPhone !== phone) throw new NotFound("未找到该诉求，请核对工单编号和手机号");
  await lookup.succeeded();
  return ticket as Prisma.TicketGetPayload<{ include: I }>;
}
