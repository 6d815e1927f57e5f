import "server-only";
import type { Caller } from "@/lib/auth/actor";
import { photoLinkValid } from "@/lib/auth/photo-link";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { getTicket } from "@/lib/dal/tickets";

/** A ticket's photo, for whoever may read the ticket (getTicket checks the scope); its bytes come from the database. */
export async function readAttachment(actor: Caller, no: string, id: string) {
  await getTicket(actor, no);
  const attachment = await db.attachment.findFirst({
    where: { id, ticket: { no } },
    select: { mimeType: true, content: { select: { bytes: true } } },
  });
  // No content: a legacy file not moved in yet (scripts/prepare-db.ts moves them on start) or lost.
  if (!attachment?.content) throw new NotFound("照片不存在");
  return { bytes: attachment.content.bytes, mimeType: attachment.mimeType };
}

/** A photo through a tracking page's signed link (lib/auth/photo-link.ts): no account, the link is the proof. */
export async function readTrackedPhoto(id: string, link: { no: string; expires: string; sig: string }, now = new Date()) {
  if (!(await photoLinkValid({ ...link, id }, now))) throw new NotFound("照片链接无效或已过期，请重新查询");
  const attachment = await db.attachment.findFirst({
    where: { id, ticket: { no: link.no } },
    select: { mimeType: true, content: { select: { bytes: true } } },
  });
  if (!attachment?.content) throw new NotFound("照片不存在");
  return { bytes: attachment.content.bytes, mimeType: attachment.mimeType };
}
