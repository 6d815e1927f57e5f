import "server-only";
import { RateLimiterRes } from "rate-limiter-flexible";
import { logger } from "@/lib/logger";
import { retryWhileBusy } from "@/lib/storage/retry";

// The shared counters (rate limits, the sign-in throttle) live in the database, so every app node
// counts together and a restart forgets nothing. A count waits for SQLite's write lock
// asynchronously like every writer (lib/storage/retry.ts); a busy lock is never an error.
//
// When the database cannot answer, a count FAILS OPEN: the request goes on, as if under the
// limit (a rate limiter counts in this process's memory meanwhile: lib/counters/limiter.ts). A
// hotline intake must rather take a report than refuse it for a fault of its own; and a request
// that needs the database fails on its own with 503 anyway. The outage is logged once, and its
// end once.

let unavailableSince: Date | null = null;

function answered(): void {
  if (!unavailableSince) return;
  logger.info({ since: unavailableSince.toISOString() }, "shared counters answer again: rate limits and the sign-in throttle count in the database");
  unavailableSince = null;
}

function unavailable(error: unknown, what: string): void {
  if (unavailableSince) return;
  unavailableSince = new Date();
  logger.error({ err: error, what }, "shared counters unavailable: requests are let through (rate limits count in this process only) until the database answers");
}

/**
 * Runs one count against the database; if it cannot answer, logs the outage once and returns
 * `fallback()`. A limiter's own refusal (a RateLimiterRes) is an answer and passes through.
 */
export async function countOrFailOpen<T>(what: string, count: () => Promise<T>, fallback: () => T | Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await retryWhileBusy(count);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      answered();
      throw error;
    }
    unavailable(error, what);
    return fallback();
  }
  answered();
  return result;
}
