// Who may see and work a ticket. Scope always derives from the ticket loaded on the server
// (owner unit, squadron, assisting units, the citizen), never from what the client sends.
import { isApiClient, type Actor, type ApiClientActor, type Caller } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { NotFound } from "@/lib/errors";

export type TicketScope = {
  ownerUnitId: string | null;
  squadronUnitId: string | null;
  citizenUserId: string | null;
  /** Units with an open or answered assistance request (协办) on the ticket. */
  assistingUnitIds: readonly string[];
  /** The API client that submitted it. Left out where no client can reach: it then reads nothing as its own. */
  apiClientId?: string | null;
};

/** The ticket belongs to the actor's unit (as owner or as the squadron it was assigned to). */
export function isOwnUnitTicket(actor: Actor, ticket: TicketScope): boolean {
  return actor.unitId !== null && (ticket.ownerUnitId === actor.unitId || ticket.squadronUnitId === actor.unitId);
}

/** An API client reads by its scopes: what it submitted, and what its owner unit handles or assists on. */
function clientReadsTicket(client: ApiClientActor, ticket: TicketScope): boolean {
  if (client.scopes.includes("tickets:read:own") && ticket.apiClientId === client.clientId) return true;
  return (
    client.scopes.includes("tickets:read:unit") &&
    (ticket.ownerUnitId === client.unitId || ticket.squadronUnitId === client.unitId || ticket.assistingUnitIds.includes(client.unitId))
  );
}

export function canReadTicket(actor: Caller, ticket: TicketScope): boolean {
  if (isApiClient(actor)) return clientReadsTicket(actor, ticket);
  if (can(actor.role, "ticket:read:all")) return true;
  if (can(actor.role, "ticket:read:unit")) {
    return isOwnUnitTicket(actor, ticket) || (actor.unitId !== null && ticket.assistingUnitIds.includes(actor.unitId));
  }
  if (can(actor.role, "ticket:read:own")) return ticket.citizenUserId === actor.userId;
  return false;
}

/**
 * The one answer for a ticket number the actor may not see: the same 404 as for a number that
 * does not exist, so guessing numbers outside one's scope learns nothing about which exist.
 */
export function ticketNotFound(no: string): NotFound {
  return new NotFound(`工单 ${no} 不存在`);
}

/** Throws ticketNotFound unless the actor may read the ticket. */
export function assertCanReadTicket(actor: Caller, ticket: TicketScope, no: string): void {
  if (!canReadTicket(actor, ticket)) throw ticketNotFound(no);
}

/** Handling staff of the owner unit: they work the ticket and see the citizen's full number. */
export function handlesTicket(actor: Actor, ticket: TicketScope): boolean {
  return can(actor.role, "ticket:handle") && isOwnUnitTicket(actor, ticket);
}

/**
 * Dispatchers call citizens back; handlers contact them; citizens see their own number; an API
 * client sees the number it sent itself, and no other.
 */
export function seesCitizenPhone(actor: Caller, ticket: TicketScope): boolean {
  if (isApiClient(actor)) return ticket.apiClientId === actor.clientId;
  return (
    handlesTicket(actor, ticket) ||
    actor.role === "DISPATCHER" ||
    (actor.role === "CITIZEN" && ticket.citizenUserId === actor.userId)
  );
}
