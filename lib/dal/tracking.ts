import "server-only";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { startTrackingLookup } from "@/lib/rate-limit";
import { parseOrThrow } from "@/lib/validation/errors";
import { trackingQuerySchema } from "@/lib/validation/tracking";
import { trackingAttachmentUrl } from "@/lib/dal/attachments";
import { citizenTicketInclude, toCitizenTicket, type CitizenTicket } from "@/lib/dal/citizen-ticket";

export type TrackedTicket = CitizenTicket;

/**
 * 查询办理进度: a ticket by number + the phone it was submitted with. Public, so it answers the
 * same "not found" whether the number is unknown or the phone does not match, and shows the
 * citizen's view of it (lib/dal/citizen-ticket.ts: their words and photos, the PUBLIC timeline).
 * Failed look-ups are limited per phone and per address (startTrackingLookup), so a known phone
 * cannot be paired with guessed numbers.
 */
export async function trackTicket(raw: unknown, client: { ip: string }): Promise<CitizenTicket> {
  const ticket = await findTrackedTicket(raw, client, citizenTicketInclude);
  // No session on /track: each file opens by a signed link instead.
  return toCitizenTicket(ticket, (id) => trackingAttachmentUrl(id));
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
