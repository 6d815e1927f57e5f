import "server-only";
import {
  addressAfterFailure,
  pairAfterFailure,
  signInWaitMs,
  type AddressRecord,
  type PairRecord,
} from "@/lib/domain/lockout";

// In-process, like the other limits (lib/rate-limit.ts): the app runs as one server process. A
// restart forgets the counts, which only ever favours the legitimate user.

/** Beyond this many tracked keys the oldest are dropped, so a flood of names cannot fill memory. */
const MAX_KEYS = 50_000;

const pairs = new Map<string, PairRecord>();
const addresses = new Map<string, AddressRecord>();

/** Account names compare as typed at the form, trimmed and case-folded, whether or not they exist. */
export function throttleAccount(username: string): string {
  return username.trim().toLowerCase();
}

function pairKey(address: string, username: string): string {
  return `${address}\u0000${throttleAccount(username)}`;
}

function remember<V>(map: Map<string, V>, key: string, value: V) {
  map.delete(key); // re-insert so Map order stays oldest-first
  map.set(key, value);
  while (map.size > MAX_KEYS) map.delete(map.keys().next().value!);
}

/** Milliseconds until this address may try this account again (0 = now). */
export function signInWait(address: string, username: string, now = Date.now()): number {
  return signInWaitMs(pairs.get(pairKey(address, username)), addresses.get(address), now);
}

export function recordSignInFailure(address: string, username: string, now = Date.now()) {
  const key = pairKey(address, username);
  remember(pairs, key, pairAfterFailure(pairs.get(key), now));
  remember(addresses, address, addressAfterFailure(addresses.get(address), now));
}

/** A right password clears that pair only: other addresses' guesses stay throttled. */
export function recordSignInSuccess(address: string, username: string) {
  pairs.delete(pairKey(address, username));
}

/** 解除锁定 by an administrator: every address may try this account again at once. */
export function clearSignInFailures(username: string) {
  const suffix = `\u0000${throttleAccount(username)}`;
  for (const key of pairs.keys()) if (key.endsWith(suffix)) pairs.delete(key);
}

/**
 * For each account (throttleAccount) some address must wait on, until when (the latest such moment): what the
 * admin users page shows as 登录受限, and 解除锁定 lifts. One pass over the throttle, however many
 * accounts the page lists.
 */
export function throttledAccounts(now = Date.now()): Map<string, Date> {
  const until = new Map<string, Date>();
  for (const [key, pair] of pairs) {
    const end = now + signInWaitMs(pair, undefined, now);
    if (end <= now) continue;
    const username = key.slice(key.indexOf("\u0000") + 1);
    if (end > (until.get(username)?.getTime() ?? 0)) until.set(username, new Date(end));
  }
  return until;
}
