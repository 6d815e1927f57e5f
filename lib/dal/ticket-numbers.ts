import type Database from "better-sqlite3";
import type { Tx } from "@/lib/db";
import { formatTicketNo, ticketDay } from "@/lib/domain/ticket-number";
import { prepared } from "@/lib/sqlite";

// Numbers are handed out inside the creating transaction, so a number is never given twice
// or reused. Two callers: Prisma transactions (seed, workflow) and the raw intake connection.

export async function nextTicketNo(tx: Tx, receivedAt: Date): Promise<string> {
  const day = ticketDay(receivedAt);
  const { last } = await tx.ticketSequence.upsert({
    where: { day },
    create: { day, last: 1 },
    update: { last: { increment: 1 } },
  });
  return formatTicketNo(day, last);
}

export function nextTicketNoRaw(db: Database.Database, receivedAt: Date): string {
  const day = ticketDay(receivedAt);
  const { last } = prepared(db, `INSERT INTO "TicketSequence" ("day", "last") VALUES (?, 1) ON CONFLICT ("day") DO UPDATE SET "last" = "last" + 1 RETURNING "last"`)
    .get(day) as { last: number };
  return formatTicketNo(day, last);
}
