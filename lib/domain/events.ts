// Ticket event types: the timeline and audit log (DOMAIN.md §3). Visibility is decided here,
// once, so the citizen's tracking page can never show an internal step by accident.
//
// A PUBLIC event still carries what staff typed (the note of a contact, the reason of an
// invalidation, the coordination answer behind a reply). `citizenFields` lists, per type, the
// payload fields written for the citizen; everything else stays with staff. An INTERNAL type has
// none: it never reaches a citizen at all.

type EventDefinition = { label: string; visibility: "PUBLIC" | "INTERNAL"; citizenFields?: readonly string[] };

export const EVENT_TYPES = {
  RECEIVED: { label: "受理", visibility: "PUBLIC", citizenFields: ["channel"] },
  ROUTED: { label: "自动分派", visibility: "INTERNAL" },
  ROUTING_FAILED: { label: "待人工派单", visibility: "INTERNAL" },
  DISPATCHED: { label: "派单", visibility: "PUBLIC", citizenFields: ["unit", "unitName"] },
  SIGNED: { label: "签收", visibility: "PUBLIC", citizenFields: [] },
  // The contact note is the handler's record of the call or visit, not a message to the citizen.
  CONTACTED: { label: "联系群众", visibility: "PUBLIC", citizenFields: ["method"] },
  NOTE: { label: "办理记录", visibility: "INTERNAL" },
  ASSIST_REQUESTED: { label: "发起协办", visibility: "INTERNAL" },
  ASSIST_REPLIED: { label: "协办反馈", visibility: "INTERNAL" },
  RETURN_REQUESTED: { label: "申请退单", visibility: "INTERNAL" },
  RETURN_APPROVED: { label: "退单通过", visibility: "INTERNAL" },
  RETURN_REJECTED: { label: "退单驳回", visibility: "INTERNAL" },
  EXTENSION_REQUESTED: { label: "申请延期", visibility: "INTERNAL" },
  EXTENSION_APPROVED: { label: "延期办理", visibility: "PUBLIC", citizenFields: ["workingDays", "previousDueAt", "dueAt"] },
  EXTENSION_REJECTED: { label: "延期驳回", visibility: "INTERNAL" },
  ASSIGNED: { label: "指派", visibility: "INTERNAL" },
  GRADED: { label: "定级", visibility: "INTERNAL" },
  COORDINATED: { label: "部门协调", visibility: "INTERNAL" },
  // The answer itself; whom the unit coordinated with, and what they said, stays internal.
  REPLIED: { label: "答复群众", visibility: "PUBLIC", citizenFields: ["text"] },
  EVALUATED: { label: "评价", visibility: "PUBLIC", citizenFields: ["resolved", "satisfaction", "round"] },
  // The citizen's own follow-up (Open311 POST servicerequestupdates): their words, shown back to them.
  CITIZEN_UPDATE: { label: "群众补充", visibility: "PUBLIC", citizenFields: ["text", "photos"] },
  // 催办: the citizen asks the owner unit to hurry (at most once a day: lib/domain/follow-up.ts).
  CITIZEN_REMINDER: { label: "群众催办", visibility: "PUBLIC", citizenFields: [] },
  CALLBACK_ATTEMPT: { label: "回访未接通", visibility: "INTERNAL" },
  SUPERVISED: { label: "督办", visibility: "INTERNAL" },
  REOPENED: { label: "重办", visibility: "PUBLIC", citizenFields: ["round", "dueAt"] },
  // A manager's closing note after 不满意 is written for the citizen (it goes out by SMS too).
  CLOSED: { label: "办结", visibility: "PUBLIC", citizenFields: ["note", "afterReview", "satisfaction"] },
  MERGED: { label: "并单", visibility: "PUBLIC", citizenFields: ["into"] },
  DUPLICATE_MERGED: { label: "合并重复诉求", visibility: "INTERNAL" },
  // Reason and note are a manager's judgement of the caller (spam, prank): the fact only.
  INVALIDATED: { label: "无效", visibility: "PUBLIC", citizenFields: [] },
  OVERDUE: { label: "超期", visibility: "INTERNAL" },
  IMPORTED: { label: "导入", visibility: "INTERNAL" },
} as const satisfies Record<string, EventDefinition>;

export type EventType = keyof typeof EVENT_TYPES;

export function eventLabel(type: string): string {
  return (EVENT_TYPES as Record<string, { label: string }>)[type]?.label ?? type;
}

/** The payload fields a citizen may read for this event type (none for unknown or internal types). */
function citizenFieldsOf(type: string): readonly string[] {
  const definition: EventDefinition | undefined = Object.hasOwn(EVENT_TYPES, type)
    ? EVENT_TYPES[type as EventType]
    : undefined;
  return definition?.visibility === "PUBLIC" ? (definition.citizenFields ?? []) : [];
}

/** A stored event's payload cut down to the fields written for citizens. */
export function citizenPayload(type: string, payload: string | Record<string, unknown>): Record<string, unknown> {
  const parsed: unknown = typeof payload === "string" ? JSON.parse(payload) : payload;
  const source = parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  return Object.fromEntries(citizenFieldsOf(type).filter((f) => Object.hasOwn(source, f)).map((f) => [f, source[f]]));
}

/**
 * The one way a ticket's events reach a citizen (tracking page, 我的诉求, the CITIZEN's JSON):
 * PUBLIC events of a PUBLIC type only, each payload allow-listed, with no staff names.
 */
export function citizenTimeline<E extends { type: string; visibility: string; payload: string }>(
  events: readonly E[],
): (Omit<E, "payload"> & { payload: Record<string, unknown> })[] {
  return events.filter(isCitizenEvent).map((e) => ({ ...e, payload: citizenPayload(e.type, e.payload) }));
}

/** Whether a citizen may see this step (and what is attached to it): PUBLIC, and of a PUBLIC type. */
export function isCitizenEvent(e: { type: string; visibility: string }): boolean {
  return e.visibility === "PUBLIC" && (EVENT_TYPES as Record<string, EventDefinition>)[e.type]?.visibility === "PUBLIC";
}
