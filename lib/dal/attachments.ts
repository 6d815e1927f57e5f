import "server-only";
import type { Caller } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { seesMergedCalls } from "@/lib/dal/merged-calls";
import { getTicket } from "@/lib/dal/tickets";

/**
 * A ticket's photo, for whoever may read the ticket (getTicket checks the scope); its bytes come
 * from the database. Staff reach the photos of calls merged into it the same way (合并来电).
 */
export async function readAttachment(actor: Caller, no: string, id: string) {
  await getTicket(actor, no);
  const merged = seesMergedCalls(actor) ? [{ ticket: { status: "MERGED" as const, mergedInto: { no } } }] : [];
  const attachment = await db.attachment.findFirst({
    where: { id, OR: [{ ticket: { no } }, ...merged] },
    select: { mimeType: true, content: { select: { bytes: true } } },
  });
  // No content: a legacy file not moved in yet (scripts/prepare-db.ts moves them on start) or lost.
  if (!attachment?.content) throw new NotFound("照片不存在");
  return { bytes: attachment.content.bytes, mimeType: attachment.mimeType };
}
