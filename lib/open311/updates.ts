// FixMyStreet's extension of GeoReport v2, GET servicerequestupdates: a ticket's public steps as
// updates it shows under the report. Only what the citizen's own timeline shows leaves here
// (citizenPayload, lib/domain/events.ts), with FixMyStreet's statuses mapped honestly from the
// step: a merged ticket is a duplicate of its master, a 非警务 answer is not the police's
// responsibility, a ticket closed after review without reopening is closed, not fixed.
import { citizenPayload, type EventType } from "@/lib/domain/events";
import { SATISFACTION_LABELS } from "@/lib/domain/labels";
import { formatLocalDateTime } from "@/lib/domain/local-time";
import { maskPersonalData } from "@/lib/domain/personal-data";
import { MAX_CONTENT_CHARS, normaliseLineEnds } from "@/lib/domain/ticket-text";
import { Invalid, type FieldError } from "@/lib/errors";
import { w3cDateTime } from "@/lib/open311/format";
import type { Open311View } from "@/lib/open311/requests";

/** The statuses FixMyStreet's Open311 client understands (its Open311::UpdatesBase). */
export type FixMyStreetStatus =
  | "open"
  | "investigating"
  | "in_progress"
  | "action_scheduled"
  | "fixed"
  | "closed"
  | "duplicate"
  | "internal_referral"
  | "not_councils_responsibility";

/** What the DAL selects of an event and its ticket. */
export type UpdateRow = {
  id: string;
  type: string;
  payload: string;
  createdAt: Date;
  ticket: { no: string; categoryCode: string; status: string };
};

type Step = (p: Record<string, unknown>, ticket: UpdateRow["ticket"]) => { status: FixMyStreetStatus; description: string };

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");

/** The public steps and what each tells a FixMyStreet user; other event types are not updates. */
const STEPS: Partial<Record<EventType, Step>> = {
  RECEIVED: () => ({ status: "open", description: "已受理" }),
  DISPATCHED: (p) => ({ status: "open", description: text(p.unitName) ? `已分派至${text(p.unitName)}办理` : "已分派承办单位" }),
  SIGNED: () => ({ status: "investigating", description: "承办单位已签收，正在核实" }),
  CONTACTED: () => ({ status: "in_progress", description: "承办民警已与反映人联系" }),
  EXTENSION_APPROVED: (p) => ({
    status: "in_progress",
    description: `办理需要更多时间，已延期 ${Number(p.workingDays) || "若干"} 个工作日` + (text(p.dueAt) ? `，办结时限 ${formatLocalDateTime(new Date(text(p.dueAt)))}` : ""),
  }),
  // 非警务 complaints are answered with where to turn: the police is not the body to fix them.
  REPLIED: (p, ticket) => ({ status: ticket.categoryCode === "NON_POLICE" ? "not_councils_responsibility" : "fixed", description: text(p.text) || "已办理答复" }),
  EVALUATED: (p) => ({
    status: "fixed",
    description: `反映人评价：${SATISFACTION_LABELS[p.satisfaction as keyof typeof SATISFACTION_LABELS] ?? "已评价"}`,
  }),
  REOPENED: () => ({ status: "in_progress", description: "反映人对办理结果不满意，已安排重新办理" }),
  // After 答复 and evaluation a ticket closes fixed; after a manager's review of 不满意 without reopening, it is closed.
  CLOSED: (p) => ({ status: p.afterReview ? "closed" : "fixed", description: text(p.note) || "已办结" }),
  MERGED: (p) => ({ status: "duplicate", description: text(p.into) ? `与工单 ${text(p.into)} 反映的是同一问题，已并入该工单一并办理` : "已并入其他工单一并办理" }),
  INVALIDATED: () => ({ status: "closed", description: "经核实为无效诉求，不予办理" }),
  // The citizen's own words; the ticket's state is unchanged by them.
  CITIZEN_UPDATE: (p, ticket) => ({ status: statusNow(ticket.status), description: text(p.text) }),
};

/** Where a ticket stands, for an update that does not move it. */
function statusNow(status: string): FixMyStreetStatus {
  if (status === "CLOSED" || status === "INVALID") return "closed";
  if (status === "MERGED") return "duplicate";
  if (status === "REPLIED") return "fixed";
  if (status === "IN_PROGRESS") return "in_progress";
  return "open";
}

/** The event types that are updates: the DAL reads only these. */
export const UPDATE_EVENT_TYPES = Object.keys(STEPS) as EventType[];

export function toRequestUpdate(event: UpdateRow, view: Open311View) {
  const step = STEPS[event.type as EventType];
  if (!step) throw new Error(`${event.type} is not a public update`);
  const { status, description } = step(citizenPayload(event.type, event.payload), event.ticket);
  return {
    update_id: event.id,
    service_request_id: event.ticket.no,
    status,
    updated_datetime: w3cDateTime(event.createdAt),
    description: view === "public" ? maskPersonalData(description) : description,
    media_url: null,
  };
}

export type RequestUpdate = ReturnType<typeof toRequestUpdate>;

/** POST servicerequestupdates: the citizen's follow-up to a request, as FixMyStreet sends it. */
export type FollowUp = { no: string; text: string };

/**
 * The fields of a follow-up, or Invalid under their Open311 names. The text is the citizen's:
 * line ends as LF, the same 4,000 characters as a description. FixMyStreet's name, e-mail,
 * status and media_url are not kept: the ticket already knows its citizen, the status is ours to
 * set, and a photo behind a URL is not fetched.
 */
export function parseFollowUp(fields: Record<string, string>): FollowUp {
  const errors: FieldError[] = [];
  const no = fields.service_request_id?.trim() ?? "";
  const text = normaliseLineEnds(fields.description ?? "").trim();
  if (!no) errors.push({ field: "service_request_id", message: "请填写要补充的服务请求编号" });
  if (!text) errors.push({ field: "description", message: "请填写补充内容" });
  else if (text.length > MAX_CONTENT_CHARS) errors.push({ field: "description", message: `补充内容不超过 ${MAX_CONTENT_CHARS} 个字` });
  if (errors.length) throw new Invalid(errors);
  return { no, text };
}
