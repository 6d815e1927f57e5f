import "server-only";
import type Database from "better-sqlite3";
import { Conflict } from "@/lib/errors";
import type { Ticket } from "@/lib/generated/prisma/client";
import { prepared } from "@/lib/sqlite";

// The Ticket row read and written on the raw connection (lib/sqlite.ts), with Prisma's storage
// conventions undone: epoch milliseconds back to Date, 0/1 back to boolean.

type Raw = Database.Database;

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

function fromSql(row: Record<string, unknown>): Ticket {
  const ticket: Record<string, unknown> = { ...row };
  for (const column of DATE_COLUMNS) {
    const value = row[column];
    ticket[column] = value === null || value === undefined ? null : new Date(Number(value));
  }
  for (const column of BOOLEAN_COLUMNS) {
    const value = row[column];
    ticket[column] = value === null || value === undefined ? null : Boolean(value);
  }
  return ticket as Ticket;
}

function toSql(value: unknown): string | number | null {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value === undefined) return null;
  return value as string | number | null;
}

export function loadTicketRow(sqlite: Raw, no: string): Ticket | null {
  const row = prepared(sqlite, `SELECT * FROM "Ticket" WHERE "no" = ?`).get(no) as Record<string, unknown> | undefined;
  return row ? fromSql(row) : null;
}

/** Units asked to assist (协办) on the ticket, whatever the state of their request. */
export function assistingUnitIds(sqlite: Raw, ticketId: string): string[] {
  const rows = prepared(sqlite, `SELECT DISTINCT "assistingUnitId" FROM "AssistRequest" WHERE "ticketId" = ?`).all(ticketId) as {
    assistingUnitId: string;
  }[];
  return rows.map((r) => r.assistingUnitId);
}

/**
 * Applies the step's change only if the row still has the version the step was decided on, and
 * bumps it: the second of two concurrent steps finds no row and is refused with a 409.
 */
export function updateTicketVersioned(sqlite: Raw, ticket: Pick<Ticket, "id" | "version">, patch: TicketPatch, now: Date): void {
  const columns = Object.keys(patch).filter((c) => (patch as Record<string, unknown>)[c] !== undefined);
  const sets = [...columns.map((c) => `"${c}" = ?`), `"version" = "version" + 1`, `"updatedAt" = ?`];
  const sql = `UPDATE "Ticket" SET ${sets.join(", ")} WHERE "id" = ? AND "version" = ?`;
  const values = columns.map((c) => toSql((patch as Record<string, unknown>)[c]));
  const { changes } = prepared(sqlite, sql).run(...values, now.getTime(), ticket.id, ticket.version);
  if (changes === 0) throw new Conflict();
}
