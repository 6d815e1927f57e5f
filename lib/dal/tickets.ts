import "server-only";
import { isApiClient, type ApiClientActor, type Caller } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { assertCanReadTicket, ticketNotFound } from "@/lib/auth/ticket-access";
import { db } from "@/lib/db";
import { localDayRange } from "@/lib/domain/local-time";
import { isExactLookup, TEXT_SEARCH_WINDOW } from "@/lib/domain/ticket-search";
import { Forbidden } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readTicketWithView } from "@/lib/dal/ticket-read";
import { scopeOf, toTicketListItem, toTicketView, type TicketListItem, type TicketView } from "@/lib/dal/ticket-view";
import type { TicketQuery } from "@/lib/validation/ticket-query";

/** The unit's own tickets: owned, or assigned to it as squadron (isOwnUnitTicket as a where clause). */
export function ownUnitTicketsWhere(unitId: string): Prisma.TicketWhereInput {
  return { OR: [{ ownerUnitId: unitId }, { squadronUnitId: unitId }] };
}

/** The tickets a unit owns, was assigned (as squadron) or assists on. */
function unitTicketsWhere(unitId: string): Prisma.TicketWhereInput {
  return { OR: [ownUnitTicketsWhere(unitId), { assistRequests: { some: { assistingUnitId: unitId } } }] };
}

/** An API client's tickets by its scopes (lib/auth/ticket-access.ts canReadTicket, as a where clause). */
function clientTicketsWhere(client: ApiClientActor): Prisma.TicketWhereInput {
  const any: Prisma.TicketWhereInput[] = [];
  if (client.scopes.includes("tickets:read:own")) any.push({ apiClientId: client.clientId });
  if (client.scopes.includes("tickets:read:unit")) any.push(unitTicketsWhere(client.unitId));
  if (any.length === 0) throw new Forbidden("该接口客户端没有查询工单的权限");
  return { OR: any };
}

/** The tickets a caller may read, as a where clause (DOMAIN.md §1). */
export function readableTicketsWhere(actor: Caller): Prisma.TicketWhereInput {
  if (isApiClient(actor)) return clientTicketsWhere(actor);
  if (can(actor.role, "ticket:read:all")) return {};
  if (can(actor.role, "ticket:read:unit") && actor.unitId) return unitTicketsWhere(actor.unitId);
  if (can(actor.role, "ticket:read:own")) return { citizenUserId: actor.userId };
  throw new Forbidden("您没有查看工单的权限");
}

/** 受理日期: local (Asia/Shanghai) days, both included. */
function receivedWhere(query: TicketQuery): Prisma.TicketWhereInput[] {
  const { start, end } = localDayRange(query);
  return start || end ? [{ receivedAt: { gte: start, lt: end } }] : [];
}

function filtersWhere(query: TicketQuery): Prisma.TicketWhereInput[] {
  const where = receivedWhere(query);
  if (query.status) where.push({ status: query.status });
  if (query.unit) where.push({ ownerUnit: { code: query.unit } });
  if (query.category) where.push({ categoryCode: query.category });
  if (query.supervised) where.push({ supervised: true });
  if (query.q) {
    where.push(
      isExactLookup(query.q)
        ? { OR: [{ no: query.q }, { citizenPhone: query.q }] }
        : { OR: [{ title: { contains: query.q } }, { content: { contains: query.q } }, { place: { contains: query.q } }] },
    );
  }
  return where;
}

/**
 * `total` counts this many at most (then `totalCapped`): an unfiltered list of a dispatcher's
 * token counted all 10,000,000 tickets on every call. Pages follow until one comes back short.
 */
export const LIST_COUNT_CAP = 10_000;

/**
 * Where a search in the words stops (TEXT_SEARCH_WINDOW): the receipt time of the caller's
 * newest-but-TEXT_SEARCH_WINDOW ticket within the 受理日期 range, or null when there are fewer.
 */
async function searchWindow(readable: Prisma.TicketWhereInput, query: TicketQuery): Promise<Date | null> {
  const edge = await db.ticket.findFirst({
    where: { AND: [readable, ...receivedWhere(query)] },
    orderBy: [{ receivedAt: "desc" }],
    skip: TEXT_SEARCH_WINDOW - 1,
    select: { receivedAt: true },
  });
  return edge?.receivedAt ?? null;
}

export async function listTickets(
  actor: Caller,
  query: TicketQuery,
): Promise<{ total: number; totalCapped: boolean; searchedSince: Date | null; page: number; pageSize: number; items: TicketListItem[] }> {
  const readable = readableTicketsWhere(actor);
  const searchedSince = query.q && !isExactLookup(query.q) ? await searchWindow(readable, query) : null;
  const where: Prisma.TicketWhereInput = {
    AND: [readable, ...filtersWhere(query), ...(searchedSince ? [{ receivedAt: { gte: searchedSince } }] : [])],
  };
  const [counted, rows] = await Promise.all([
    db.ticket.count({ where, take: LIST_COUNT_CAP + 1 }),
    db.ticket.findMany({
      where,
      orderBy: [{ receivedAt: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: { ownerUnit: { select: { code: true, name: true } } },
    }),
  ]);
  return {
    total: Math.min(counted, LIST_COUNT_CAP),
    totalCapped: counted > LIST_COUNT_CAP,
    searchedSince,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map(toTicketListItem),
  };
}

/** One ticket with its timeline, if the caller may read it. */
export async function getTicket(actor: Caller, no: string): Promise<TicketView> {
  const ticket = await readTicketWithView(no);
  if (!ticket) throw ticketNotFound(no);
  const scope = scopeOf(ticket);
  assertCanReadTicket(actor, scope, no);
  return toTicketView(ticket, actor, scope);
}
