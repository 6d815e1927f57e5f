import "server-only";
// What lets a page share an expensive read between the people who open it at the same moment
// (issue 15) without showing anyone a stale figure for long: the newest ticket and the newest
// event. Both ids grow with time (lib/ids.ts) and are read from their primary keys, so the mark
// costs two index probes; it changes with every new ticket and every workflow step (a dispatch,
// a merge, a reply, an evaluation, an import), which is everything that moves a figure.
import { sql } from "@/lib/sql";

export async function changeMark(): Promise<string> {
  const [ticket, event] = await Promise.all([
    sql().selectFrom("Ticket").select((e) => e.fn.max("id").as("id")).executeTakeFirst(),
    sql().selectFrom("TicketEvent").select((e) => e.fn.max("id").as("id")).executeTakeFirst(),
  ]);
  return `${ticket?.id ?? ""}/${event?.id ?? ""}`;
}

/** How long a shared read may serve while the mark stays the same: time passing moves deadlines. */
export const SHARED_READ_MS = 10_000;
