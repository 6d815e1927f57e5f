// The reference the maintained aggregates are compared with: the pure ticketCounters
// (lib/domain/metrics.ts) over every ticket, read through the Prisma client of DATABASE_URL, which
// hands dates and booleans over as Date and boolean on either engine.
import { db } from "@/lib/db";
import { addCounters, emptyCounters, ticketCounters, type Counters, type MetricTicket } from "@/lib/domain/metrics";

const METRIC_COLUMNS = {
  status: true,
  anonymous: true,
  receivedAt: true,
  dispatchedAt: true,
  signedAt: true,
  signDueAt: true,
  firstContactAt: true,
  contactDueAt: true,
  contactOverdueAt: true,
  closedAt: true,
  dueAt: true,
  resolved: true,
  satisfaction: true,
  returnCount: true,
  reopenCount: true,
} as const satisfies Record<keyof MetricTicket, true>;

/** A ticket's counter columns and the keys of its aggregate row. */
export type BucketedTicket = MetricTicket & { ownerUnitId: string | null; categoryCode: string; channel: string };

export function metricTickets(): Promise<BucketedTicket[]> {
  return db.ticket.findMany({ select: { ...METRIC_COLUMNS, ownerUnitId: true, categoryCode: true, channel: true } });
}

/** The pure definition, applied to every ticket row. */
export async function pureRecount(now: Date): Promise<Counters> {
  return (await metricTickets()).reduce<Counters>((sum, ticket) => addCounters(sum, ticketCounters(ticket, now)), emptyCounters());
}
