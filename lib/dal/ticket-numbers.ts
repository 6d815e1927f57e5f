import type { Tx } from "@/lib/db";
import { formatTicketNo, ticketDay } from "@/lib/domain/ticket-number";
import { writeStatement } from "@/lib/sql/write";

// A number is never given twice or reused: the day's counter row is incremented and read in one
// statement. Two callers: Prisma transactions (the seed) and intake.

export async function nextTicketNo(tx: Tx, receivedAt: Date): Promise<string> {
  const day = ticketDay(receivedAt);
  const { last } = await tx.ticketSequence.upsert({
    where: { day },
    create: { day, last: 1 },
    update: { last: { increment: 1 } },
  });
  return formatTicketNo(day, last);
}

/**
 * The day's next number in a statement of its own, committed before the ticket's write: the
 * day's counter row is the one row every intake of the day writes, and locked until the ticket's
 * COMMIT it made concurrent intakes queue behind each other on PostgreSQL. A number whose ticket
 * then fails to store stays unused: numbers are unique and never reused, not gapless (DOMAIN.md §3).
 */
export async function takeTicketNo(receivedAt: Date): Promise<string> {
  const day = ticketDay(receivedAt);
  const [row] = await writeStatement((db) =>
    db
      .insertInto("TicketSequence")
      .values({ day, last: 1 })
      .onConflict((conflict) => conflict.column("day").doUpdateSet((eb) => ({ last: eb("TicketSequence.last", "+", 1) })))
      .returning("last"),
  );
  return formatTicketNo(day, Number(row!.last));
}
