import type { Tx } from "@/lib/db";
import { Conflict } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Applies a workflow step's change only if nobody changed the ticket since the caller read it
 * (optimistic lock on `version`), and bumps the version. A stale version is a 409, never a
 * silent overwrite.
 */
export async function updateTicketVersioned(
  tx: Tx,
  ticket: { id: string; version: number },
  data: Prisma.TicketUncheckedUpdateManyInput,
): Promise<void> {
  const { count } = await tx.ticket.updateMany({
    where: { id: ticket.id, version: ticket.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw new Conflict();
}

/** The version the client read must be the current one before anything is checked further. */
export function assertVersion(current: number, expected: number): void {
  if (current !== expected) throw new Conflict();
}
