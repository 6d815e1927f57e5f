import "server-only";
import { pairForgottenUpTo } from "@/lib/domain/lockout";
import { logger } from "@/lib/logger";
import { counters } from "@/lib/sql";
import { retryWhileBusy } from "@/lib/storage/retry";

const SWEEP_EVERY_MS = 5 * 60_000;

/**
 * Deletes the counts nobody will read again: rate-limit windows that have ended (a count past its
 * window reads as none and is overwritten by the next one) and sign-in failures forgotten after a
 * quiet day (lib/domain/lockout.ts). Every node sweeps; the deletes do not mind each other.
 */
export async function sweepCounters(now = Date.now()): Promise<void> {
  await retryWhileBusy(() => counters().deleteFrom("RateLimit").where("expire", "<", now).execute());
  const forgotten = new Date(pairForgottenUpTo(now));
  await retryWhileBusy(() => counters().deleteFrom("SignInFailure").where("lastFailureAt", "<=", forgotten).execute());
}

let sweeping: NodeJS.Timeout | undefined;

/** Sweeps every few minutes from now on, in this process; the timer never keeps it alive. */
export function startSweeping(): void {
  if (sweeping) return;
  sweeping = setInterval(() => {
    sweepCounters().catch((error) => logger.warn({ err: error }, "sweeping the shared counters failed; next try in 5 minutes"));
  }, SWEEP_EVERY_MS);
  sweeping.unref();
}
