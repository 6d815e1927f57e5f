import "server-only";
// 工单办理单: one ticket laid out for the file and for meetings. What it shows is getTicket's
// view — the same scope check, the same phone masking, the same timeline — so printing can never
// show more than the ticket page does; it only adds the names a paper header needs.
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/permissions";
import { detachmentName, reference } from "@/lib/dal/reference";
import { getTicket } from "@/lib/dal/tickets";
import type { TicketView } from "@/lib/dal/ticket-view";
import { Forbidden } from "@/lib/errors";

export type TicketPrintout = {
  ticket: TicketView;
  /** 支队 name, the document's issuer. */
  organisation: string;
  /** The squadron (中队) the lead assigned, by name. */
  squadronName: string | null;
  printedAt: Date;
};

export async function ticketPrintout(actor: Actor, no: string, now = new Date()): Promise<TicketPrintout> {
  // The paper carries the internal history: a record of the office, not a citizen's receipt.
  if (!isStaff(actor.role)) throw new Forbidden("工单办理单仅供工作人员打印");
  const ticket = await getTicket(actor, no);
  const ref = await reference();
  return {
    ticket,
    organisation: detachmentName(ref),
    squadronName: ticket.squadronUnit ? (ref.unitByCode.get(ticket.squadronUnit)?.name ?? ticket.squadronUnit) : null,
    printedAt: now,
  };
}
