import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { isApiClient, type Caller } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { isCitizenEvent } from "@/lib/domain/events";
import { NotFound } from "@/lib/errors";
import { seesMergedCalls } from "@/lib/dal/merged-calls";
import { authSecret } from "@/lib/site-secret";
import { getTicket } from "@/lib/dal/tickets";

/**
 * A ticket's photo or document, for whoever may read the ticket (getTicket checks the scope);
 * its bytes come from the database. Staff reach the photos of calls merged into it the same way
 * (合并来电). What staff attached to an internal step (a note, an assistance reply) is for staff
 * only: a citizen or an API client is told it does not exist, as for the internal step itself.
 */
export async function readAttachment(actor: Caller, no: string, id: string) {
  await getTicket(actor, no);
  const merged = seesMergedCalls(actor) ? [{ ticket: { status: "MERGED" as const, mergedInto: { no } } }] : [];
  const attachment = await db.attachment.findFirst({
    where: { id, OR: [{ ticket: { no } }, ...merged] },
    select: { mimeType: true, fileName: true, event: { select: { type: true, visibility: true } }, content: { select: { bytes: true } } },
  });
  const staff = !isApiClient(actor) && actor.role !== "CITIZEN";
  const hidden = attachment?.event && !staff && !isCitizenEvent(attachment.event);
  // No content: a legacy file not moved in yet (scripts/prepare-db.ts moves them on start) or lost.
  if (!attachment?.content || hidden) throw new NotFound("附件不存在");
  return { bytes: attachment.content.bytes, mimeType: attachment.mimeType, fileName: attachment.fileName };
}

// /track has no session: the tracking look-up (number + phone, rate-limited) is the proof, and
// it hands out links signed with the site's secret that open one file for an hour. The link is
// checked again on download: a file of an internal step never opens this way.

const TRACKING_LINK_LIFETIME_MS = 60 * 60 * 1000;

async function signatureOf(id: string, expires: number): Promise<string> {
  return createHmac("sha256", await authSecret()).update(`tracked-attachment:${id}:${expires}`).digest("base64url");
}

/** A link to a file the tracking page shows (a public step's, or the citizen's own photo). */
export async function trackingAttachmentUrl(id: string, now: Date = new Date()): Promise<string> {
  const expires = now.getTime() + TRACKING_LINK_LIFETIME_MS;
  return `/api/track/attachments/${encodeURIComponent(id)}?expires=${expires}&sig=${await signatureOf(id, expires)}`;
}

export async function readTrackedAttachment(id: string, expires: string | null, sig: string | null, now: Date = new Date()) {
  const gone = new NotFound("附件不存在或链接已过期，请重新查询");
  const until = Number(expires);
  if (!sig || !Number.isSafeInteger(until) || until < now.getTime()) throw gone;
  const expected = Buffer.from(await signatureOf(id, until));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw gone;
  const attachment = await db.attachment.findUnique({
    where: { id },
    select: { mimeType: true, fileName: true, event: { select: { type: true, visibility: true } }, content: { select: { bytes: true } } },
  });
  if (!attachment?.content || (attachment.event && !isCitizenEvent(attachment.event))) throw gone;
  return { bytes: attachment.content.bytes, mimeType: attachment.mimeType, fileName: attachment.fileName };
}
