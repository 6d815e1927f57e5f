import "server-only";
import { db } from "@/lib/db";
import { trackingAttachmentUrl } from "@/lib/dal/attachments";
import { stepAttachmentInclude, toStepAttachments } from "@/lib/dal/ticket-view";
import { citizenTimeline } from "@/lib/domain/events";
import { NotFound } from "@/lib/errors";
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
  const { no, phone } = parseOrThrow(trackingQuerySchema, raw);
  const lookup = await startTrackingLookup(phone, client.ip);
  const ticket = await db.ticket.findUnique({
    where: { no },
    include: {
      ownerUnit: { select: { name: true } },
      category: { select: { name: true } },
      mergedInto: { select: { no: true } },
      events: {
        where: { visibility: "PUBLIC" },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: { actorUnit: { select: { name: true } }, attachments: stepAttachmentInclude },
      },
    },
  });
  if (!ticket || ticket.citizenPhone !== phone) throw new NotFound("未找到该诉求，请核对工单编号和手机号");
  await lookup.succeeded();
  const events = citizenTimeline(ticket.events);
  // Signed links: the page has no session to open a public step's files with.
  const links = new Map(
    await Promise.all(events.flatMap((e) => e.attachments).map(async (a) => [a.id, await trackingAttachmentUrl(a.id)] as const)),
  );
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
    events: events.map((e) => ({
      type: e.type,
      visibility: e.visibility,
      at: e.createdAt,
      actor: null,
      unitName: e.actorUnit?.name ?? null,
      payload: e.payload,
      attachments: toStepAttachments(e.attachments, (id) => links.get(id)!),
    })),
  };
}
