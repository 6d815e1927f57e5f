import type { Tx } from "@/lib/db";
import { localDateOf } from "@/lib/domain/local-time";

/**
 * The next ticket number for a receipt time: YYYYMMDD (local date) + 6-digit daily sequence.
 * Runs inside the creating transaction, so a number is never handed out twice or reused.
 */
export async function nextTicketNo(tx: Tx, receivedAt: Date): Promise<string> {
  const day = localDateOf(receivedAt).replaceAll("-", "");
  const { last } = await tx.ticketSequence.upsert({
    where: { day },
    create: { day, last: 1 },
    update: { last: { increment: 1 } },
  });
  return `${day}${String(last).padStart(6, "0")}`;
}
