import "server-only";
// 群众补充: a citizen's follow-up (more words, more photos) on their ticket, however it arrives —
// Open311 POST servicerequestupdates, 我的诉求, or the tracking page. One definition of what it
// stores: a PUBLIC CITIZEN_UPDATE event, the photos (rows and bytes, as intake stores them) and a
// notice to each of the owner unit's leads (by SMS or e-mail, as they chose: staffContactOf).
// The ticket itself is not changed (no version step): a follow-up never conflicts with the
// unit's work.
import { db } from "@/lib/db";
import { staffContactOf } from "@/lib/domain/contact";
import { EVENT_TYPES } from "@/lib/domain/events";
import { newId } from "@/lib/ids";
import type { TableRows } from "@/lib/sql/rows";
import type { ProcessedPhoto } from "@/lib/uploads/photos";

export type CitizenUpdate = {
  text: string;
  /** How it came: OPEN311, MY (我的诉求, signed in) or TRACK (number + phone). */
  source: "OPEN311" | "MY" | "TRACK";
  actorId: string | null;
  /** The API client that relayed it, named as it was then. */
  apiClient?: string;
  photos?: ProcessedPhoto[];
};

/** The rows of one follow-up, for writeRows or insertRows (lib/sql/rows.ts); the event's id is the update's. */
export async function citizenUpdateRows(
  ticket: { id: string; no: string; ownerUnitId: string | null },
  update: CitizenUpdate,
  now: Date,
): Promise<{ eventId: string; rows: TableRows[] }> {
  const leads = ticket.ownerUnitId
    ? await db.user.findMany({ where: { unitId: ticket.ownerUnitId, role: "LEAD", active: true }, select: { phone: true, email: true, noticeBy: true } })
    : [];
  const contacts = leads.map(staffContactOf).filter((c) => c !== null);
  const photos = (update.photos ?? []).map((photo) => ({ id: newId(), ...photo }));
  const eventId = newId();
  const payload = {
    text: update.text,
    source: update.source,
    ...(update.apiClient && { apiClient: update.apiClient }),
    ...(photos.length > 0 && { photos: photos.length }),
  };
  const noticeText = update.text || `补充照片 ${photos.length} 张`;
  return {
    eventId,
    rows: [
      {
        into: "TicketEvent",
        values: [
          {
            id: eventId,
            ticketId: ticket.id,
            type: "CITIZEN_UPDATE",
            visibility: EVENT_TYPES.CITIZEN_UPDATE.visibility,
            actorId: update.actorId,
            actorUnitId: null,
            createdAt: now,
            payload: JSON.stringify(payload),
          },
        ],
      },
      {
        into: "Attachment",
        // The row without the bytes: those go to AttachmentContent (as lib/dal/intake.ts stores them).
        values: photos.map(({ id, storedName, mimeType, size, width, height }) => ({ id, ticketId: ticket.id, storedName, mimeType, size, width, height, createdAt: now })),
      },
      { into: "AttachmentContent", values: photos.map(({ id, bytes }) => ({ attachmentId: id, bytes })) },
      {
        into: "Notification",
        values: contacts.map((contact) => ({
          id: newId(),
          ticketId: ticket.id,
          ...contact,
          template: "FOLLOW_UP",
          payload: JSON.stringify({ no: ticket.no, text: noticeText }),
          createdAt: now,
        })),
      },
    ],
  };
}
