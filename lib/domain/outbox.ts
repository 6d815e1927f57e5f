// Delivery rules of the notification outbox (lib/dal/outbox.ts). Each notice is claimed, sent
// and recorded on its own, so a failed write after a send repeats at most that one message.

export const OUTBOX = {
  /** Sends tried per notice, the first one included; then FAILED. */
  maxAttempts: 5,
  /**
   * A claim (SENDING) older than this belongs to a round that crashed or lost its database
   * write: the notice is claimed again — one repeat at most, never a storm. Far longer than
   * one send (a gateway call times out in seconds).
   */
  leaseMs: 5 * 60_000,
  /** First retry after 30 s, then doubling: 30 s, 1 min, 2 min, 4 min … capped at one hour. */
  firstRetryMs: 30_000,
  maxRetryMs: 60 * 60_000,
} as const;

/** Pause before the next try, after `attempts` failed tries (attempts ≥ 1). */
export function retryDelayMs(attempts: number): number {
  const delay = OUTBOX.firstRetryMs * 2 ** Math.max(0, attempts - 1);
  return Math.min(delay, OUTBOX.maxRetryMs);
}

/** Claims made before this instant have expired. */
export function leaseExpiredBefore(now: Date): Date {
  return new Date(now.getTime() - OUTBOX.leaseMs);
}

/** Whether a notice that has been tried `attempts` times may be tried once more. */
export function mayAttempt(attempts: number): boolean {
  return attempts < OUTBOX.maxAttempts;
}

export type FailureOutcome = { status: "FAILED"; nextAttemptAt: null } | { status: "PENDING"; nextAttemptAt: Date };

/** What a failed try (the `attempts`-th) leaves behind: a later retry, or FAILED after the cap. */
export function afterFailedAttempt(attempts: number, now: Date): FailureOutcome {
  if (!mayAttempt(attempts)) return { status: "FAILED", nextAttemptAt: null };
  return { status: "PENDING", nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}
