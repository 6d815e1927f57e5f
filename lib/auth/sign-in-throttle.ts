import "server-only";
import { SharedLimiter } from "@/lib/counters/limiter";
import { countOrFailOpen } from "@/lib/counters/run";
import {
  ADDRESS_WINDOW_MINUTES,
  FAILURES_PER_ADDRESS,
  FREE_FAILURES_PER_ACCOUNT,
  MAX_DELAY_MINUTES,
  pairAfterFailure,
  signInWaitMs,
  type AddressRecord,
  type PairRecord,
} from "@/lib/domain/lockout";
import { counters } from "@/lib/sql";
import { toMillis } from "@/lib/sql/values";
import { retryWhileBusy } from "@/lib/storage/retry";

// The throttle's state is in the database (lib/counters), so every app node throttles together
// and a restart forgets nothing: each (address, account) pair in SignInFailure, and the looser
// cap per address as a fixed-window limiter — its window starts at the first failure and ends
// ADDRESS_WINDOW_MINUTES later, the rule of lib/domain/lockout.ts. The sign-in itself fails open
// when the database cannot answer (lib/counters/run.ts); the administrator's list and 解除锁定 do
// not: they answer 503 rather than show or do something untrue.

const MINUTE = 60_000;

const failuresPerAddress = new SharedLimiter(() => ({
  keyPrefix: "sign-in-fail-ip",
  points: FAILURES_PER_ADDRESS,
  duration: ADDRESS_WINDOW_MINUTES * 60,
}));

/** Account names compare as typed at the form, trimmed and case-folded, whether or not they exist. */
export function throttleAccount(username: string): string {
  return username.trim().toLowerCase();
}

async function readPair(address: string, account: string): Promise<PairRecord | undefined> {
  const row = await counters()
    .selectFrom("SignInFailure")
    .select(["failures", "lastFailureAt"])
    .where("address", "=", address)
    .where("account", "=", account)
    .executeTakeFirst();
  return row && { failures: row.failures, lastFailureAt: toMillis(row.lastFailureAt) };
}

async function readAddress(address: string, now: number): Promise<AddressRecord | undefined> {
  const window = await failuresPerAddress.get(address);
  return window ? { failures: window.consumedPoints, windowStartedAt: now + window.msBeforeNext - ADDRESS_WINDOW_MINUTES * MINUTE } : undefined;
}

/** Milliseconds until this address may try this account again (0 = now). */
export function signInWait(address: string, username: string, now = Date.now()): Promise<number> {
  return countOrFailOpen(
    "sign-in wait",
    async () => {
      const [pair, window] = await Promise.all([readPair(address, throttleAccount(username)), readAddress(address, now)]);
      return signInWaitMs(pair, window, now);
    },
    () => 0,
  );
}

/**
 * The pair's next record (pairAfterFailure), written only if nobody changed it since it was read
 * (compare and set), else read again: two nodes counting the same pair at once both count.
 */
async function countPairFailure(address: string, account: string, now: number): Promise<number> {
  const sql = counters();
  for (;;) {
    const before = await readPair(address, account);
    const next = pairAfterFailure(before, now);
    const values = { failures: next.failures, lastFailureAt: new Date(next.lastFailureAt) };
    const written = before
      ? await sql
          .updateTable("SignInFailure")
          .set(values)
          .where("address", "=", address)
          .where("account", "=", account)
          .where("failures", "=", before.failures)
          .where("lastFailureAt", "=", new Date(before.lastFailureAt))
          .executeTakeFirst()
          .then((result) => result.numUpdatedRows)
      : await sql
          .insertInto("SignInFailure")
          .values({ address, account, ...values })
          .onConflict((conflict) => conflict.doNothing())
          .executeTakeFirst()
          .then((result) => result.numInsertedOrUpdatedRows ?? 0n);
    if (Number(written) === 1) return next.failures;
  }
}

/** Counts a failure; returns the pair's consecutive failures, undefined if the store did not answer. */
export async function recordSignInFailure(address: string, username: string, now = Date.now()): Promise<number | undefined> {
  const [failures] = await Promise.all([
    countOrFailOpen<number | undefined>("sign-in failure", () => countPairFailure(address, throttleAccount(username), now), () => undefined),
    failuresPerAddress.penalty(address),
  ]);
  return failures;
}

/** A right password clears that pair only: other addresses' guesses stay throttled. */
export async function recordSignInSuccess(address: string, username: string): Promise<void> {
  await countOrFailOpen(
    "sign-in success",
    () => counters().deleteFrom("SignInFailure").where("address", "=", address).where("account", "=", throttleAccount(username)).execute(),
    () => [],
  );
}

/** 解除锁定 by an administrator: every address may try this account again at once. */
export async function clearSignInFailures(username: string): Promise<void> {
  await retryWhileBusy(() => counters().deleteFrom("SignInFailure").where("account", "=", throttleAccount(username)).execute());
}

/**
 * For each account (throttleAccount) some address must wait on, until when (the latest such moment): what the
 * admin users page shows as 登录受限, and 解除锁定 lifts. One query, however many accounts the page lists.
 */
export async function throttledAccounts(now = Date.now()): Promise<Map<string, Date>> {
  // Only pairs past their free tries and failed within the longest delay can still be waiting.
  const rows = await retryWhileBusy(() =>
    counters()
      .selectFrom("SignInFailure")
      .select(["account", "failures", "lastFailureAt"])
      .where("failures", ">=", FREE_FAILURES_PER_ACCOUNT)
      .where("lastFailureAt", ">", new Date(now - MAX_DELAY_MINUTES * MINUTE))
      .execute(),
  );
  const until = new Map<string, Date>();
  for (const row of rows) {
    const pair = { failures: row.failures, lastFailureAt: toMillis(row.lastFailureAt) };
    const end = now + signInWaitMs(pair, undefined, now);
    if (end <= now) continue;
    if (end > (until.get(row.account)?.getTime() ?? 0)) until.set(row.account, new Date(end));
  }
  return until;
}
