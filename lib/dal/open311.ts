import "server-only";
// Open311 GeoReport v2 (DOMAIN.md §7) over the same intake and read scope as the UI and REST:
// the api_key is a user's or an API client's token, tickets are created by submitTicket (channel
// API for a user, the client's own channel for a client). Reads need no key, as the standard has
// it and as FixMyStreet reads: without one every ticket is read in its public view (personal data
// in the citizen's words masked); with one, within the key's readableTicketsWhere — a user's in
// the staff view, a client's (no member of staff) still in the public view. Unreadable and
// missing tickets are both 404.
import { isApiClient, type Caller } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { callerFromApiToken } from "@/lib/dal/api-clients";
import { citizenUpdateRows } from "@/lib/dal/citizen-updates";
import { submitTicket } from "@/lib/dal/intake";
import { reference } from "@/lib/dal/reference";
import { readableTicketsWhere } from "@/lib/dal/tickets";
import { Forbidden, Invalid, NotFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { MISSING_API_KEY } from "@/lib/open311/errors";
import { toOpen311FieldErrors, toTicketInput, type IntakeContext, type Open311Fields } from "@/lib/open311/intake";
import type { RequestsFilter, UpdatesFilter } from "@/lib/open311/query";
import { CLOSED_STATUSES, toCreatedRequest, toServiceRequest, type ServiceRequest } from "@/lib/open311/requests";
import { toService, toServiceDefinition } from "@/lib/open311/services";
import { writeRows } from "@/lib/sql/rows";
import { parseFollowUp, toRequestUpdate, UPDATE_EVENT_TYPES, type RequestUpdate } from "@/lib/open311/updates";

/** Who reads: the user or API client behind an api_key, or null for the public. */
export type Open311Reader = Caller | null;

/**
 * The reader of a GET: null (the public) without a key, unless the site requires keys for reads
 * (OPEN311_READS_REQUIRE_KEY=1); a key that is given must be valid either way (403).
 */
export async function open311Reader(apiKey: string | null | undefined, requireKey = env().OPEN311_READS_REQUIRE_KEY === "1"): Promise<Open311Reader> {
  if (!apiKey?.trim() && !requireKey) return null;
  return open311Actor(apiKey);
}

/** The user or client behind an api_key; 403 (GeoReport v2's answer for a bad key) when there is none. */
export async function open311Actor(apiKey: string | null | undefined): Promise<Caller> {
  const key = apiKey?.trim();
  if (!key) throw new Forbidden(MISSING_API_KEY);
  const actor = await callerFromApiToken(key);
  if (!actor) throw new Forbidden("api_key 无效、已过期或已停用");
  return actor;
}

export async function listServices() {
  const ref = await reference();
  return ref.categories.map(toService);
}

export async function getServiceDefinition(code: string) {
  const ref = await reference();
  if (!ref.categories.some((c) => c.code === code)) throw new NotFound(`服务代码「${code}」不存在或已停用`);
  return toServiceDefinition(code, ref.districts);
}

/** POST requests: one ticket through the shared intake; errors come back under Open311 names. */
export async function createServiceRequest(actor: Caller, fields: Open311Fields) {
  const ref = await reference();
  const context: IntakeContext = { districts: ref.districts, services: ref.categories };
  try {
    const ticket = await submitTicket(actor, toTicketInput(fields, context), { channel: "API" });
    return [toCreatedRequest(ticket)];
  } catch (error) {
    if (error instanceof Invalid) throw new Invalid(toOpen311FieldErrors(error.errors, fields, context), error.message);
    throw error;
  }
}

// Only what a service request shows: never the citizen's phone or name.
const serviceRequestSelect = {
  no: true,
  status: true,
  categoryCode: true,
  category: { select: { name: true } },
  content: true,
  district: true,
  place: true,
  lat: true,
  lng: true,
  receivedAt: true,
  updatedAt: true,
  dueAt: true,
  ownerUnit: { select: { name: true } },
  mergedInto: { select: { no: true } },
} as const satisfies Prisma.TicketSelect;

function filterWhere(filter: RequestsFilter): Prisma.TicketWhereInput[] {
  if (filter.kind === "ids") return [{ no: { in: filter.ids } }];
  const where: Prisma.TicketWhereInput[] = [{ receivedAt: { gte: filter.from, ...(filter.to ? { lte: filter.to } : {}) } }];
  if (filter.serviceCodes.length) where.push({ categoryCode: { in: filter.serviceCodes } });
  const statuses = new Set(filter.statuses);
  if (statuses.size === 1) {
    where.push({ status: statuses.has("closed") ? { in: [...CLOSED_STATUSES] } : { notIn: [...CLOSED_STATUSES] } });
  }
  return where;
}

/** What a reader may read: every ticket for the public (its view is masked), else the user's scope. */
function readableBy(reader: Open311Reader): Prisma.TicketWhereInput {
  return reader ? readableTicketsWhere(reader) : {};
}

const viewOf = (reader: Open311Reader) => (reader && !isApiClient(reader) ? "staff" : "public");

/** GET requests: the reader's tickets matching the filter, newest first. */
export async function listServiceRequests(reader: Open311Reader, filter: RequestsFilter): Promise<ServiceRequest[]> {
  const rows = await db.ticket.findMany({
    where: { AND: [readableBy(reader), ...filterWhere(filter)] },
    orderBy: [{ receivedAt: "desc" }, { no: "desc" }],
    take: filter.limit,
    ...(filter.kind === "search" && { skip: filter.offset }),
    select: serviceRequestSelect,
  });
  return rows.map((row) => toServiceRequest(row, viewOf(reader)));
}

/** GET requests/{id}: one readable ticket as a one-element list. */
export async function getServiceRequest(reader: Open311Reader, no: string): Promise<ServiceRequest[]> {
  const row = await db.ticket.findFirst({
    where: { AND: [readableBy(reader), { no }] },
    select: serviceRequestSelect,
  });
  if (!row) throw new NotFound(`服务请求 ${no} 不存在`);
  return [toServiceRequest(row, viewOf(reader))];
}

/**
 * GET servicerequestupdates (FixMyStreet's extension): the public steps of the reader's tickets
 * taken in the window, oldest first — FixMyStreet applies them in order. Through the
 * (createdAt) index of TicketEvent.
 */
export async function listServiceRequestUpdates(reader: Open311Reader, filter: UpdatesFilter): Promise<RequestUpdate[]> {
  const rows = await db.ticketEvent.findMany({
    where: {
      createdAt: { gte: filter.from, ...(filter.to ? { lte: filter.to } : {}) },
      visibility: "PUBLIC",
      type: { in: UPDATE_EVENT_TYPES },
      ...(reader && { ticket: readableTicketsWhere(reader) }),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    skip: filter.offset,
    take: filter.limit,
    select: { id: true, type: true, payload: true, createdAt: true, ticket: { select: { no: true, categoryCode: true, status: true } } },
  });
  return rows.map((row) => toRequestUpdate(row, viewOf(reader)));
}

/**
 * The tickets a caller may add a citizen's follow-up to: a staff integration's token (a role that
 * may take complaints) within its read scope; an API client with `updates:post`, on the tickets it
 * submitted — the reports it relays.
 */
function followUpTargetsWhere(caller: Caller): Prisma.TicketWhereInput {
  if (isApiClient(caller)) {
    if (!caller.scopes.includes("updates:post")) throw new Forbidden("该接口客户端没有转交群众补充的权限");
    return { apiClientId: caller.clientId };
  }
  if (!can(caller.role, "ticket:create")) throw new Forbidden("您没有转交群众补充的权限");
  return readableTicketsWhere(caller);
}

/**
 * POST servicerequestupdates (FixMyStreet's extension): the citizen's follow-up, stored as every
 * follow-up is (lib/dal/citizen-updates.ts) in one statement. Answers the new update_id.
 */
export async function postServiceRequestUpdate(caller: Caller, fields: Open311Fields): Promise<{ update_id: string }[]> {
  const followUp = parseFollowUp(fields);
  const ticket = await db.ticket.findFirst({
    where: { AND: [followUpTargetsWhere(caller), { no: followUp.no }] },
    select: { id: true, no: true, ownerUnitId: true },
  });
  if (!ticket) throw new NotFound(`服务请求 ${followUp.no} 不存在`);
  const { eventId, rows } = await citizenUpdateRows(
    ticket,
    {
      text: followUp.text,
      source: "OPEN311",
      actorId: isApiClient(caller) ? null : caller.userId,
      ...(isApiClient(caller) && { apiClient: caller.name }),
    },
    new Date(),
  );
  await writeRows(rows);
  return [{ update_id: eventId }];
}
