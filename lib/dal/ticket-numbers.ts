import type { Tx } from "@/lib/db";
import { formatTicketNo, ticketDay } from "@/lib/domain/ticket-number";
import type { WriteTx } from "@/lib/sql/write";

// Numbers are handed out inside the creating transaction, so a number is never given twice
// or reused. Two callers: Prisma transactions (the seed) and write transactions (intake).

export async function nextTicketNo(tx: Tx, receivedAt: Date): Promise<string> {
  const day = ticketDay(receivedAt);
  const { last } = await tx.ticketSequence.upsert({
    where: { day },
    create: { day, last: 1 },
    update: { last: { increment: 1 } },
  });
  return formatTicketNo(day, last);
}

/** Inside a write transaction on either engine (lib/sql/write.ts): the day's counter row is locked until commit. */
export async function nextTicketNoIn(tx: WriteTx, receivedAt: Date): Promise<string> {
  const day = ticketDay(receivedAt);
  const { last } = await tx
    .insertInto("TicketSequence")
    .values({ day, last: 1 })
    .onConflict((conflict) => conflict.column("day").doUpdateSet((eb) => ({ last: eb("TicketSequence.last", "+", 1) })))
    .returning("last")
    .executeTakeFirstOrThrow();
  return formatTicketNo(day, Number(last));
}
