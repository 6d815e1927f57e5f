// The shapes a ticket leaves the data layer in (DOMAIN.md §7): codes, not internal ids, and the
// citizen's phone masked for anyone not handling the ticket.
import { isApiClient, type Caller } from "@/lib/auth/actor";
import { seesCitizenPhone, type TicketScope } from "@/lib/auth/ticket-access";
import { citizenTimeline } from "@/lib/domain/events";
import { maskRecipient } from "@/lib/domain/contact";
import { maskPhone } from "@/lib/domain/phone";
import { isPhotoLabel, PHOTO_LABELS } from "@/lib/domain/staff-attachments";
import type { Prisma } from "@/lib/generated/prisma/client";

const stepAttachmentSelect = { id: true, mimeType: true, label: true, fileName: true } as const satisfies Prisma.AttachmentSelect;

/** A staff attachment as a timeline shows it: a photo (with what it shows) or a document, and its link. */
export type StepAttachment = { id: string; photo: boolean; label: string | null; name: string; url: string };

/** `urlOf` gives each file's link: the signed-in download by default, a signed one for /track. */
export function toStepAttachments(
  attachments: readonly { id: string; mimeType: string; label: string | null; fileName: string | null }[],
  urlOf: (id: string) => string,
): StepAttachment[] {
  return attachments.map((a) => ({
    id: a.id,
    photo: a.mimeType.startsWith("image/"),
    label: isPhotoLabel(a.label) ? PHOTO_LABELS[a.label] : null,
    name: a.fileName ?? "附件",
    url: urlOf(a.id),
  }));
}

export const stepAttachmentInclude = {
  select: stepAttachmentSelect,
  orderBy: [{ createdAt: "asc" }, { id: "asc" }],
} satisfies Prisma.TicketEvent$attachmentsArgs;

/**
 * What a ticket's view reads, as a Prisma include: it defines TicketWithView, which
 * readTicketWithView (lib/dal/ticket-read.ts) fills with four statements instead (a test holds
 * the two equal).
 */
export const ticketViewInclude = {
  ownerUnit: { select: { code: true, name: true } },
  squadronUnit: { select: { code: true, name: true } },
  handler: { select: { username: true, displayName: true } },
  category: { select: { code: true, name: true } },
  mergedInto: { select: { no: true } },
  assistRequests: { select: { assistingUnitId: true } },
  // The citizen's own photos; staff attachments come with their step (events below).
  attachments: { where: { eventId: null }, select: { id: true, mimeType: true, width: true, height: true }, orderBy: { createdAt: "asc" } },
  events: {
    // Events of one instant in the order they were written (their ids sort so: lib/ids.ts).
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: {
      actor: { select: { displayName: true } },
      actorUnit: { select: { code: true, name: true } },
      attachments: stepAttachmentInclude,
    },
  },
} as const satisfies Prisma.TicketInclude;

export type TicketWithView = Prisma.TicketGetPayload<{ include: typeof ticketViewInclude }>;
type TicketWithOwner = Prisma.TicketGetPayload<{ include: { ownerUnit: { select: { code: true; name: true } } } }>;

export type TicketListItem = ReturnType<typeof toTicketListItem>;
export type TicketView = ReturnType<typeof toTicketView>;

export function toTicketListItem(t: TicketWithOwner) {
  return {
    no: t.no,
    status: t.status,
    version: t.version,
    channel: t.channel,
    type: t.type,
    category: t.categoryCode,
    urgency: t.urgency,
    title: t.title,
    district: t.district,
    place: t.place,
    ownerUnit: t.ownerUnit?.code ?? null,
    ownerUnitName: t.ownerUnit?.name ?? null,
    supervised: t.supervised,
    receivedAt: t.receivedAt,
    dueAt: t.dueAt,
    escalationAt: t.escalationAt,
  };
}

/**
 * An API client is no member of staff: it reads the citizen's timeline (no internal steps, no
 * staff names), as the Open311 public view does.
 */
export function toTicketView(t: TicketWithView, actor: Caller, scope: TicketScope) {
  const staff = !isApiClient(actor) && actor.role !== "CITIZEN";
  return {
    ...toTicketListItem(t),
    subCategory: t.subCategory,
    categoryName: t.category.name,
    grade: t.grade,
    content: t.content,
    lat: t.lat,
    lng: t.lng,
    citizen: {
      name: t.citizenName,
      phone: t.citizenPhone && !seesCitizenPhone(actor, scope) ? maskPhone(t.citizenPhone) : t.citizenPhone,
      email: t.citizenEmail && !seesCitizenPhone(actor, scope) ? maskRecipient(t.citizenEmail) : t.citizenEmail,
      anonymous: t.anonymous,
    },
    squadronUnit: t.squadronUnit?.code ?? null,
    // Staff names stay with staff, as on the timeline.
    handler: staff && t.handler ? { username: t.handler.username, name: t.handler.displayName } : null,
    deadlines: {
      signDueAt: t.signDueAt,
      contactDueAt: t.contactDueAt,
      dueAt: t.dueAt,
      escalationAt: t.escalationAt,
    },
    timestamps: {
      receivedAt: t.receivedAt,
      dispatchedAt: t.dispatchedAt,
      signedAt: t.signedAt,
      firstContactAt: t.firstContactAt,
      repliedAt: t.repliedAt,
      closedAt: t.closedAt,
    },
    flags: {
      supervised: t.supervised,
      returnPending: t.returnPending,
      extensionPending: t.extensionPending,
      awaitingReview: t.awaitingReview,
    },
    reply: t.replyText,
    evaluation: t.satisfaction
      ? { resolved: t.resolved, satisfaction: t.satisfaction, evaluatedAt: t.evaluatedAt }
      : null,
    mergedInto: t.mergedInto?.no ?? null,
    photos: t.attachments.map((a) => ({ ...a, url: `/api/v1/tickets/${t.no}/attachments/${a.id}` })),
    // Staff read the whole timeline; a citizen only through citizenTimeline's allow-list.
    events: (staff
      ? t.events.map((e) => ({ ...e, payload: JSON.parse(e.payload) as Record<string, unknown> }))
      : citizenTimeline(t.events)
    ).map((e) => ({
      type: e.type,
      visibility: e.visibility,
      at: e.createdAt,
      // A step by an API client has no user; its RECEIVED event names the client (lib/dal/intake.ts).
      actor: staff ? (e.actor?.displayName ?? apiClientOf(e.payload)) : null,
      unit: e.actorUnit?.code ?? null,
      unitName: e.actorUnit?.name ?? null,
      payload: e.payload,
      // citizenTimeline has already dropped internal steps, and their attachments with them.
      attachments: toStepAttachments(e.attachments, (id) => `/api/v1/tickets/${t.no}/attachments/${id}`),
    })),
  };
}

function apiClientOf(payload: Record<string, unknown>): string | null {
  return typeof payload.apiClient === "string" ? `接口客户端「${payload.apiClient}」` : null;
}

export function scopeOf(t: TicketWithView): TicketScope {
  return {
    ownerUnitId: t.ownerUnitId,
    squadronUnitId: t.squadronUnitId,
    citizenUserId: t.citizenUserId,
    assistingUnitIds: t.assistRequests.map((a) => a.assistingUnitId),
    apiClientId: t.apiClientId,
  };
}
