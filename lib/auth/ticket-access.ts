// Who may see and work a ticket. Scope always derives from the ticket loaded on the server
// (owner unit, squadron, assisting units, the citizen), never from what the client sends.
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { NotFound } from "@/lib/errors";

export type TicketScope = {
  ownerUnitId: string | null;
  squadronUnitId: string | null;
  citizenUserId: string | null;
  /** Units with an open or answered assistance request (协办) on the ticket. */
  assistingUnitIds: readonly string[];
};

/** The ticket belongs to the actor's unit (as owner or as the squadron it was assigned to). */
export function isOwnUnitTicket(actor: Actor, ticket: TicketScope): boolean {
  return actor.unitId !== null && (ticket.ownerUnitId === actor.unitId || ticket.squadronUnitId === actor.unitId);
}

export function canReadTicket(actor: Actor, ticket: TicketScope): boolean {
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
export function assertCanReadTicket(actor: Actor, ticket: TicketScope, no: string): void {
  if (!canReadTicket(actor, ticket)) throw ticketNotFound(no);
}

/** Handling staff of the owner unit: they work the ticket and see the citizen's full number. */
export function handlesTicket(actor: Actor, ticket: TicketScope): boolean {
  return can(actor.role, "ticket:handle") && isOwnUnitTicket(actor, ticket);
}

/** Dispatchers call citizens back; handlers contact them; citizens see their own number. */
export function seesCitizenPhone(actor: Actor, ticket: TicketScope): boolean {
  return (
    handlesTicket(actor, ticket) ||
    actor.role === "DISPATCHER" ||
    (actor.role === "CITIZEN" && ticket.citizenUserId === actor.userId)
  );
}
