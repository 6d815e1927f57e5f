import "server-only";
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { EVENT_TYPES } from "@/lib/domain/events";
import { crossedDeadlines, OPEN_STATUSES, type ClockedTicket, type DeadlineKind } from "@/lib/domain/overdue";
import type { TicketStatus } from "@/lib/domain/labels";
import { insertRow, prepared, writeTransaction } from "@/lib/sqlite";

// 超期 (DOMAIN.md §5): each deadline's crossing is written once, by whichever of the server's
// scheduler (lib/jobs.ts) and `npm run cli -- tick` gets there first, and is caught up after any
// downtime because the state lives in the ticket's markers, not in the process.

/**
 * Tickets per transaction. Intake waits while the lock is held: a batch of 200 held it for
 * 10–30 ms on a 1,000,000-ticket file (500 held it for 30–90 ms).
 */
const BATCH = 200;

const OPEN = OPEN_STATUSES.map((s) => `'${s}'`).join(", ");

/** Columns per deadline: due, met, marker. */
const COLUMNS: Record<DeadlineKind, { due: string; met: string; marker: string }> = {
  SIGN: { due: "signDueAt", met: "signedAt", marker: "signOverdueAt" },
  CONTACT: { due: "contactDueAt", met: "firstContactAt", marker: "contactOverdueAt" },
  CLOSE: { due: "dueAt", met: "repliedAt", marker: "dueOverdueAt" },
};

/** The SQL twin of crossedDeadlines' "past due, unmet, unrecorded" for one deadline. */
function unrecordedCrossing({ due, met, marker }: (typeof COLUMNS)[DeadlineKind]): string {
  return `("${met}" IS NULL AND "${due}" < :now AND ("${marker}" IS NULL OR "${marker}" < "${due}"))`;
}

/**
 * Candidates: walks Ticket_status_escalationAt_idx over the open statuses up to `now` (see
 * lib/domain/overdue.ts for why that range is small), then drops the rows whose crossings are all
 * recorded. Dates are epoch milliseconds (lib/db.ts), so the comparisons are on integers.
 */
export const CANDIDATES_SQL = `
  SELECT "id", "status", "anonymous", "receivedAt", "dispatchedAt",
         "signDueAt", "signedAt", "signOverdueAt",
         "contactDueAt", "firstContactAt", "contactOverdueAt",
         "dueAt", "repliedAt", "dueOverdueAt"
  FROM "Ticket"
  WHERE "status" IN (${OPEN}) AND "escalationAt" < :now
    AND (${unrecordedCrossing(COLUMNS.SIGN)}
      OR (${unrecordedCrossing(COLUMNS.CONTACT)} AND "anonymous" = 0)
      OR ${unrecordedCrossing(COLUMNS.CLOSE)})
  LIMIT :limit`;

/**
 * Sets one marker, only if no one recorded this crossing yet: the SQL half of the idempotency.
 * The version is left alone on purpose: the clock ticking is not an edit, and a handler whose
 * form was opened before the deadline must still be able to save it (no 409 because of the
 * scheduler). updatedAt is left alone too: Open311 publishes it as updated_datetime, and
 * OVERDUE is an internal event the public has nothing new to fetch for.
 */
function markSql({ due, met, marker }: (typeof COLUMNS)[DeadlineKind]): string {
  return `UPDATE "Ticket" SET "${marker}" = :now
    WHERE "id" = :id AND "${due}" = :dueAt AND "${met}" IS NULL AND "status" IN (${OPEN})
      AND ("${marker}" IS NULL OR "${marker}" < "${due}")`;
}

type Row = { id: string; status: TicketStatus; anonymous: number } & {
  [K in Exclude<keyof ClockedTicket, "status" | "anonymous">]: number | null;
};

function toClocked(row: Row): ClockedTicket {
  const date = (ms: number | null) => (ms === null ? null : new Date(ms));
  return {
    status: row.status,
    anonymous: row.anonymous === 1,
    receivedAt: new Date(row.receivedAt!),
    dispatchedAt: date(row.dispatchedAt),
    signDueAt: date(row.signDueAt),
    signedAt: date(row.signedAt),
    signOverdueAt: date(row.signOverdueAt),
    contactDueAt: date(row.contactDueAt),
    firstContactAt: date(row.firstContactAt),
    contactOverdueAt: date(row.contactOverdueAt),
    dueAt: date(row.dueAt),
    repliedAt: date(row.repliedAt),
    dueOverdueAt: date(row.dueOverdueAt),
  };
}

/** One batch in one transaction; returns how many candidates it read and what it wrote. */
function recordBatch(sqlite: Database.Database, now: Date): { read: number; tickets: number; events: number } {
  const rows = prepared(sqlite, CANDIDATES_SQL).all({ now: now.getTime(), limit: BATCH }) as Row[];
  let tickets = 0;
  let events = 0;
  for (const row of rows) {
    let wrote = false;
    for (const { deadline, dueAt } of crossedDeadlines(toClocked(row), now)) {
      const marked = prepared(sqlite, markSql(COLUMNS[deadline])).run({ id: row.id, now: now.getTime(), dueAt: dueAt.getTime() });
      if (marked.changes === 0) continue; // already recorded: write no second event
      // Internal only: nothing is queued for the citizen; staff see it on the timeline and
      // in the workbench's 超期 flag.
      insertRow(sqlite, "TicketEvent", {
        id: randomUUID(),
        ticketId: row.id,
        type: "OVERDUE",
        actorId: null,
        actorUnitId: null,
        visibility: EVENT_TYPES.OVERDUE.visibility,
        payload: JSON.stringify({ deadline, dueAt: dueAt.toISOString() }),
        createdAt: now,
      });
      events++;
      wrote = true;
    }
    if (wrote) tickets++;
  }
  return { read: rows.length, tickets, events };
}

/**
 * Writes one OVERDUE event for every deadline crossed by `now` and not yet recorded, and sets
 * its marker in the same transaction. Safe to run again, after a restart, or from two processes
 * at once: the markers make a second run find nothing, and BEGIN IMMEDIATE plus the guarded
 * UPDATE make two concurrent runs write each event once.
 */
export async function recordOverdue(now: Date = new Date()): Promise<{ tickets: number; events: number }> {
  const total = { tickets: 0, events: 0 };
  for (;;) {
    const batch = await writeTransaction((sqlite) => recordBatch(sqlite, now));
    total.tickets += batch.tickets;
    total.events += batch.events;
    // A short batch was the last one. A full batch that wrote nothing could only mean the SQL
    // and crossedDeadlines disagree (another process cannot interleave inside BEGIN IMMEDIATE):
    // stop rather than spin on the same rows.
    if (batch.read < BATCH || batch.events === 0) return total;
    // Let requests waiting on the event loop run between batches of a long catch-up.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
