// Sign-in throttling (issue 9 item 11). Failed sign-ins are counted per client address AND
// account together, never per account alone: a stranger guessing from another address slows only
// themselves and can never lock a dispatcher out of the floor. Each pair gets a few free tries,
// then a delay that doubles with every further failure; a looser cap per address stops one
// address from trying many accounts. The answer never depends on whether the account exists.

/** Failures of one address on one account before any delay. */
export const FREE_FAILURES_PER_ACCOUNT = 5;
/** The first delay after the free tries; it doubles with each further failure up to the maximum. */
export const FIRST_DELAY_MINUTES = 1;
export const MAX_DELAY_MINUTES = 15;
/** A pair's count is forgotten after this long without a failure. */
export const FORGET_AFTER_MINUTES = 24 * 60;
/** Failures one address may make across all accounts within one window. */
export const FAILURES_PER_ADDRESS = 30;
export const ADDRESS_WINDOW_MINUTES = 15;

const MINUTE = 60_000;

/** Consecutive failures of one (address, account) pair; times in epoch milliseconds. */
export type PairRecord = { failures: number; lastFailureAt: number };
/**
 * Failures of one address in the current fixed window, which starts at its first failure and
 * lasts ADDRESS_WINDOW_MINUTES (counted by a fixed-window rate limiter: lib/auth/sign-in-throttle.ts).
 */
export type AddressRecord = { failures: number; windowStartedAt: number };

/** The wait a pair has earned after `failures` consecutive failures. */
export function pairDelayMs(failures: number): number {
  if (failures < FREE_FAILURES_PER_ACCOUNT) return 0;
  const doublings = failures - FREE_FAILURES_PER_ACCOUNT;
  return Math.min(FIRST_DELAY_MINUTES * 2 ** doublings, MAX_DELAY_MINUTES) * MINUTE;
}

/**
 * How long (ms) this address must wait before its next try on this account; 0 = try now.
 * Called before the password is checked, so a throttled attempt costs no hashing and says nothing.
 */
export function signInWaitMs(pair: PairRecord | undefined, address: AddressRecord | undefined, now: number): number {
  const pairWait = pair ? pair.lastFailureAt + pairDelayMs(pair.failures) - now : 0;
  const windowEnd = address ? address.windowStartedAt + ADDRESS_WINDOW_MINUTES * MINUTE : 0;
  const addressWait = address && address.failures >= FAILURES_PER_ADDRESS ? windowEnd - now : 0;
  return Math.max(0, pairWait, addressWait);
}

/** A pair whose last failure is at or before this moment is forgotten (counts from zero again). */
export function pairForgottenUpTo(now: number): number {
  return now - FORGET_AFTER_MINUTES * MINUTE;
}

export function pairAfterFailure(pair: PairRecord | undefined, now: number): PairRecord {
  const stale = !pair || pair.lastFailureAt <= pairForgottenUpTo(now);
  return { failures: stale ? 1 : pair.failures + 1, lastFailureAt: now };
}

/** Whole minutes to tell the user (at least 1). */
export function waitMinutes(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / MINUTE));
}

/** One answer for an unknown account and a wrong password, so neither reveals the other. */
export const WRONG_CREDENTIALS_MESSAGE = "用户名或密码错误";

export function throttledMessage(waitMs: number): string {
  return `尝试次数过多，请 ${waitMinutes(waitMs)} 分钟后再试`;
}

/**
 * The answer to a wrong name or password after the pair's `failures`-th failure: how many tries
 * are left before the wait, or the wait itself. It is counted per typed name from this address
 * whether or not the name exists, so it reveals no more than the throttle already does — an
 * unknown name counts down exactly like a known one. Without a count (the counter store did not
 * answer) only the bare message.
 */
export function wrongCredentialsMessage(failures: number | undefined): string {
  if (failures === undefined) return WRONG_CREDENTIALS_MESSAGE;
  const left = FREE_FAILURES_PER_ACCOUNT - failures;
  if (left > 0) return `${WRONG_CREDENTIALS_MESSAGE}，还可尝试 ${left} 次，之后需等待 ${FIRST_DELAY_MINUTES} 分钟才能再试`;
  return `${WRONG_CREDENTIALS_MESSAGE}。${throttledMessage(pairDelayMs(failures))}`;
}
