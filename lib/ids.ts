import { v7 } from "uuid";

/**
 * A new row id that sorts in creation order (UUIDv7: time first, monotonic within a process).
 * Timelines order events by (createdAt, id), so the events a step writes at one instant keep the
 * order they were written in — on PostgreSQL too, where equal timestamps have no other order —
 * and bulk inserts append to the primary-key index instead of scattering across it.
 */
export function newId(): string {
  return v7();
}
