import "server-only";
import type { ExpressionBuilder, Insertable } from "kysely";
import { EVENT_TYPES } from "@/lib/domain/events";
import { crossedDeadlines, OPEN_STATUSES, type ClockedTicket, type DeadlineKind } from "@/lib/domain/overdue";
import { env } from "@/lib/env";
import type { DB, TicketEvent } from "@/lib/generated/kysely/types";
import type { Sql } from "@/lib/sql";
import { toBoolean, toDate } from "@/lib/sql/values";
import { write, type WriteTx } from "@/lib/sql/write";
import { newId } from "@/lib/ids";

// 超期 (DOMAIN.md §5): each deadline's crossing is written once, by whichever of the server's
// scheduler (lib/jobs.ts) and `npm run cli -- tick` gets there first, and is caught up after any
// downtime because the state lives in the ticket's markers, not in the process.

/**
 * Tickets per transaction. Intake waits while the lock is held: a batch of 200 held it for
 * 10–30 ms on a 1,000,000-ticket file (500 held it for 30–90 ms).
 */
const BATCH = 200;

/** Columns per deadline: due, met, marker. */
const COLUMNS = {
  SIGN: { due: "signDueAt", met: "signedAt", marker: "signOverdueAt" },
  CONTACT: { due: "contactDueAt", met: "firstContactAt", marker: "contactOverdueAt" },
  CLOSE: { due: "dueAt", met: "repliedAt", marker: "dueOverdueAt" },
} as const satisfies Record<DeadlineKind, { due: string; met: string; marker: string }>;

type Columns = (typeof COLUMNS)[DeadlineKind];
type TicketEb = ExpressionBuilder<DB, "Ticket">;

/** The SQL twin of crossedDeadlines' "past due, unmet, unrecorded" for one deadline. */
function unrecordedCrossing(eb: TicketEb, { due, met, marker }: Columns, now: Date) {
  return eb.and([eb(met, "is", null), eb(due, "<", now), eb.or([eb(marker, "is", null), eb(marker, "<", eb.ref(due))])]);
}

/**
 * Candidates: walks Ticket_status_escalationAt_idx over the open statuses up to `now` (see
 * lib/domain/overdue.ts for why that range is small), then drops the rows whose crossings are all
 * recorded. On PostgreSQL the rows are locked until the batch commits, and rows another run (or
 * a workflow step) holds are skipped — caught by the next tick — rather than waited for.
 */
export function candidatesQuery(db: Sql | WriteTx, now: Date, limit: number) {
  return db
    .selectFrom("Ticket")
    .select([
      "id", "status", "anonymous", "receivedAt", "dispatchedAt",
      "signDueAt", "signedAt", "signOverdueAt",
      "contactDueAt", "firstContactAt", "contactOverdueAt",
      "dueAt", "repliedAt", "dueOverdueAt",
    ])
    .where("status", "in", OPEN_STATUSES)
    .where("escalationAt", "<", now)
    .where((eb) =>
      eb.or([
        unrecordedCrossing(eb, COLUMNS.SIGN, now),
        eb.and([unrecordedCrossing(eb, COLUMNS.CONTACT, now), eb("anonymous", "=", false)]),
        unrecordedCrossing(eb, COLUMNS.CLOSE, now),
      ]),
    )
    .limit(limit)
    .$if(env().databaseEngine === "postgresql", (query) => query.forUpdate().skipLocked());
}

type Row = Awaited<ReturnType<ReturnType<typeof candidatesQuery>["execute"]>>[number];

function toClocked(row: Row): ClockedTicket {
  return {
    status: row.status,
    anonymous: toBoolean(row.anonymous),
    receivedAt: toDate(row.receivedAt),
    dispatchedAt: toDate(row.dispatchedAt),
    signDueAt: toDate(row.signDueAt),
    signedAt: toDate(row.signedAt),
    signOverdueAt: toDate(row.signOverdueAt),
    contactDueAt: toDate(row.contactDueAt),
    firstContactAt: toDate(row.firstContactAt),
    contactOverdueAt: toDate(row.contactOverdueAt),
    dueAt: toDate(row.dueAt),
    repliedAt: toDate(row.repliedAt),
    dueOverdueAt: toDate(row.dueOverdueAt),
  };
}

/**
 * Sets one marker, only if no one recorded this crossing yet: the SQL half of the idempotency.
 * The version is left alone on purpose: the clock ticking is not an edit, and a handler whose
 * form was opened before the deadline must still be able to save it (no 409 because of the
 * scheduler). updatedAt is left alone too: Open311 publishes it as updated_datetime, and
 * OVERDUE is an internal event the public has nothing new to fetch for.
 */
async function mark(tx: WriteTx, { due, met, marker }: Columns, id: string, dueAt: Date, now: Date): Promise<boolean> {
  const { numUpdatedRows } = await tx
    .updateTable("Ticket")
    .set(marker, now)
    .where("id", "=", id)
    .where(due, "=", dueAt)
    .where(met, "is", null)
    .where("status", "in", OPEN_STATUSES)
    .where((eb) => eb.or([eb(marker, "is", null), eb(marker, "<", eb.ref(due))]))
    .executeTakeFirst();
  return numUpdatedRows > 0n;
}

/** One batch in one transaction; returns how many candidates it read and what it wrote. */
async function recordBatch(tx: WriteTx, now: Date): Promise<{ read: number; tickets: number; events: number }> {
  const rows = await candidatesQuery(tx, now, BATCH).execute();
  const events: Insertable<TicketEvent>[] = [];
  let tickets = 0;
  for (const row of rows) {
    let wrote = false;
    for (const { deadline, dueAt } of crossedDeadlines(toClocked(row), now)) {
      if (!(await mark(tx, COLUMNS[deadline], row.id, dueAt, now))) continue; // already recorded: write no second event
      // Internal only: nothing is queued for the citizen; staff see it on the timeline and
      // in the workbench's 超期 flag.
      events.push({
        id: newId(),
        ticketId: row.id,
        type: "OVERDUE",
        actorId: null,
        actorUnitId: null,
        visibility: EVENT_TYPES.OVERDUE.visibility,
        payload: JSON.stringify({ deadline, dueAt: dueAt.toISOString() }),
        createdAt: now,
      });
      wrote = true;
    }
    if (wrote) tickets++;
  }
  // One INSERT for the batch: the lock is held for statements, and intake waits behind it.
  if (events.length) await tx.insertInto("TicketEvent").values(events).execute();
  return { read: rows.length, tickets, events: events.length };
}

/**
 * Writes one OVERDUE event for every deadline crossed by `now` and not yet recorded, and sets
 * its marker in the same transaction. Safe to run again, after a restart, or from two processes
 * at once: the markers make a second run find nothing, and the guarded UPDATE (behind SQLite's
 * single writer, or PostgreSQL's row locks) makes two concurrent runs write each event once.
 */
export async function recordOverdue(now: Date = new Date()): Promise<{ tickets: number; events: number }> {
  const total = { tickets: 0, events: 0 };
  for (;;) {
    const batch = await write((tx) => recordBatch(tx, now));
    total.tickets += batch.tickets;
    total.events += batch.events;
    // A short batch was the last one. A full batch that wrote nothing means the SQL and
    // crossedDeadlines disagree (on SQLite no other process interleaves inside the transaction;
    // on PostgreSQL the rows were locked for this run): stop rather than spin on the same rows.
    if (batch.read < BATCH || batch.events === 0) return total;
    // Let requests waiting on the event loop run between batches of a long catch-up.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
