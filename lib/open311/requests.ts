// Tickets as GeoReport v2 service requests. What leaves here is what a city's open-data portal
// would show: no phone number, no citizen name, no internal notes; in the public view (a read
// without a key) the citizen's own words have their personal data masked too.
import { formatLocalDateTime } from "@/lib/domain/local-time";
import { STATUS_LABELS, type TicketStatus } from "@/lib/domain/labels";
import { maskPersonalData } from "@/lib/domain/personal-data";
import { w3cDateTime } from "@/lib/open311/format";

/** The ticket states GeoReport v2 calls "closed"; every other state is "open". */
export const CLOSED_STATUSES = ["CLOSED", "MERGED", "INVALID"] as const satisfies readonly TicketStatus[];

export type Open311Status = "open" | "closed";

export function open311Status(status: string): Open311Status {
  return (CLOSED_STATUSES as readonly string[]).includes(status) ? "closed" : "open";
}

/** What the DAL selects of a ticket (lib/dal/open311.ts). */
export type ServiceRequestRow = {
  no: string;
  status: string;
  categoryCode: string;
  category: { name: string };
  content: string;
  district: string | null;
  place: string | null;
  lat: number | null;
  lng: number | null;
  receivedAt: Date;
  updatedAt: Date;
  dueAt: Date | null;
  ownerUnit: { name: string } | null;
  mergedInto: { no: string } | null;
};

/** The action expected on the request, in the citizen's words (Open311 `service_notice`). */
export function serviceNotice(t: Pick<ServiceRequestRow, "status" | "ownerUnit" | "dueAt" | "mergedInto">): string {
  if (t.status === "MERGED") return t.mergedInto ? `已并入工单 ${t.mergedInto.no} 一并办理` : "已并入其他工单一并办理";
  if (t.status === "INVALID") return "经核实为无效诉求，不予办理";
  if (!t.ownerUnit) return "已受理，待指挥中心派单";
  if (t.status === "CLOSED") return `已由${t.ownerUnit.name}办结`;
  const due = t.dueAt ? `，办结时限 ${formatLocalDateTime(t.dueAt)}` : "";
  return `已受理并分派至${t.ownerUnit.name}${due}`;
}

/** District and place as one address, without repeating a district the place already names. */
export function addressOf(district: string | null, place: string | null): string | null {
  if (!district) return place || null;
  if (!place) return district;
  return place.includes(district) ? place : `${district}${place}`;
}

/** "public": anyone's read without a key; "staff": a key's user, within their scope. */
export type Open311View = "public" | "staff";

export function toServiceRequest(t: ServiceRequestRow, view: Open311View) {
  const shown = (text: string | null) => (text !== null && view === "public" ? maskPersonalData(text) : text);
  return {
    service_request_id: t.no,
    status: open311Status(t.status),
    status_notes: STATUS_LABELS[t.status as TicketStatus] ?? t.status,
    service_name: t.category.name,
    service_code: t.categoryCode,
    description: shown(t.content),
    agency_responsible: t.ownerUnit?.name ?? null,
    service_notice: serviceNotice(t),
    requested_datetime: w3cDateTime(t.receivedAt),
    updated_datetime: w3cDateTime(t.updatedAt),
    expected_datetime: w3cDateTime(t.dueAt),
    address: shown(addressOf(t.district, t.place)),
    lat: t.lat,
    long: t.lng,
    media_url: null,
  };
}

export type ServiceRequest = ReturnType<typeof toServiceRequest>;

/** The answer to POST requests: the ticket number and what happens next. */
export function toCreatedRequest(t: Pick<ServiceRequestRow, "no" | "status" | "ownerUnit" | "dueAt" | "mergedInto">) {
  return { service_request_id: t.no, service_notice: serviceNotice(t), account_id: null };
}
