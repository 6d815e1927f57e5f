import "server-only";
import type { Selectable } from "kysely";
import { Conflict } from "@/lib/errors";
import type { Ticket as TicketRow } from "@/lib/generated/kysely/types";
import type { Ticket } from "@/lib/generated/prisma/client";
import { toBoolean, toDate } from "@/lib/sql/values";
import type { WriteTx } from "@/lib/sql/write";

// The Ticket row read and written inside a write transaction (lib/sql/write.ts), in the shape
// Prisma reads it: the engine's dates and booleans (epoch ms and 0/1 on SQLite) become Date and
// boolean.

const DATE_COLUMNS = [
  "receivedAt",
  "dispatchedAt",
  "signedAt",
  "firstContactAt",
  "repliedAt",
  "closedAt",
  "signDueAt",
  "contactDueAt",
  "dueAt",
  "escalationAt",
  "signOverdueAt",
  "contactOverdueAt",
  "dueOverdueAt",
  "supervisionDueAt",
  "coordinatedAt",
  "evaluatedAt",
  "evaluationExpiresAt",
  "createdAt",
  "updatedAt",
] as const satisfies readonly (keyof Ticket)[];

const BOOLEAN_COLUMNS = [
  "anonymous",
  "returnPending",
  "extensionPending",
  "supervised",
  "awaitingReview",
  "resolved",
] as const satisfies readonly (keyof Ticket)[];

export type TicketPatch = Partial<Omit<Ticket, "id" | "no" | "version" | "createdAt" | "updatedAt">>;

/** A Ticket row as either engine returns it, in Prisma's shape. */
export function ticketFromSql(row: Selectable<TicketRow>): Ticket {
  const ticket: Record<string, unknown> = { ...row };
  for (const column of DATE_COLUMNS) ticket[column] = toDate(row[column] ?? null);
  for (const column of BOOLEAN_COLUMNS) ticket[column] = toBoolean(row[column] ?? null);
  return ticket as Ticket;
}

export async function loadTicketRow(tx: WriteTx, no: string): Promise<Ticket | null> {
  const row = await tx.selectFrom("Ticket").selectAll().where("no", "=", no).executeTakeFirst();
  return row ? ticketFromSql(row) : null;
}

/** Units asked to assist (协办) on the ticket, whatever the state of their request. */
export async function assistingUnitIds(tx: WriteTx, ticketId: string): Promise<string[]> {
  const rows = await tx.selectFrom("AssistRequest").select("assistingUnitId").distinct().where("ticketId", "=", ticketId).execute();
  return rows.map((r) => r.assistingUnitId);
}

/**
 * Applies the step's change only if the row still has the version the step was decided on, and
 * bumps it: the second of two concurrent steps finds no row (on PostgreSQL it waits for the
 * first's row lock, then sees the new version) and is refused with a 409.
 */
export async function updateTicketVersioned(tx: WriteTx, ticket: Pick<Ticket, "id" | "version">, patch: TicketPatch, now: Date): Promise<void> {
  const { numUpdatedRows } = await tx
    .updateTable("Ticket")
    .set((eb) => ({ ...patch, version: eb("version", "+", 1), updatedAt: now }))
    .where("id", "=", ticket.id)
    .where("version", "=", ticket.version)
    .executeTakeFirst();
  if (numUpdatedRows === 0n) throw new Conflict();
}
