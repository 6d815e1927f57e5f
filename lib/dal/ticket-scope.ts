import "server-only";
// Whether a caller may read one ticket, decided as getTicket decides it (canReadTicket on the
// ticket's scope), in two small statements — and once per render: a ticket page's panels (merged
// calls, the call it was taken on, 新 until opened) share the answer through React's cache()
// instead of each testing Prisma's visibility clause (bench:pages, issue 15). Outside a render
// (route handlers, tests) each call reads afresh.
import { cache } from "react";
import type { Caller } from "@/lib/auth/actor";
import { assertCanReadTicket, ticketNotFound, type TicketScope } from "@/lib/auth/ticket-access";
import { ticketIdOf } from "@/lib/dal/ticket-read";
import type { TicketStatus } from "@/lib/domain/labels";
import { sql } from "@/lib/sql";

export type ReadableTicket = { id: string; status: TicketStatus; scope: TicketScope };

/** The ticket numbered `no` if `caller` may read it; ticketNotFound (404) otherwise, as for a ticket that does not exist. */
export const readableTicket = cache(async (caller: Caller, no: string): Promise<ReadableTicket> => {
  const [row, assists] = await Promise.all([
    sql().selectFrom("Ticket").select(["id", "status", "ownerUnitId", "squadronUnitId", "citizenUserId", "apiClientId"]).where("no", "=", no).executeTakeFirst(),
    sql()
      .selectFrom("AssistRequest")
      .select("assistingUnitId")
      .where("ticketId", "in", ticketIdOf(no))
      .execute(),
  ]);
  if (!row) throw ticketNotFound(no);
  const scope: TicketScope = {
    ownerUnitId: row.ownerUnitId,
    squadronUnitId: row.squadronUnitId,
    citizenUserId: row.citizenUserId,
    assistingUnitIds: [...new Set(assists.map((a) => a.assistingUnitId))],
    apiClientId: row.apiClientId,
  };
  assertCanReadTicket(caller, scope, no);
  return { id: row.id, status: row.status as TicketStatus, scope };
});
