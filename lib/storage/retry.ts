// Waiting for another writer's lock, the one way: asynchronously, never inside the database
// driver (better-sqlite3 is synchronous: SQLite's own busy handler would stop the event loop).
import { env } from "@/lib/env";
import { storageFaultOf } from "@/lib/storage/faults";

/**
 * How long a write waits for the lock before answering 503: 15 s by default (DB_LOCK_WAIT_MS).
 * The longest holder is a batch import (a few seconds for 50,000 rows); everything else holds it
 * for milliseconds.
 */
export function lockWaitMs(): number {
  return env().DB_LOCK_WAIT_MS;
}

/**
 * Runs `attempt` again while it fails because the database is busy (locked by another writer, a
 * serialization failure or deadlock on PostgreSQL), pausing `pauseMs(n)` between tries, for up
 * to lockWaitMs(). Any other failure, or the last busy one, is thrown as it is.
 */
export async function retryWhileBusy<T>(attempt: () => T | Promise<T>, pauseMs: (tries: number) => number = (n) => Math.min(1 + n, 25)): Promise<T> {
  const started = Date.now();
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (storageFaultOf(error) !== "busy" || Date.now() - started >= lockWaitMs()) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs(tries)));
    }
  }
}
