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
function pairKey(address: string, username: string): string {
  return `${address}\u0000${username.trim().toLowerCase()}`;
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
  const suffix = `\u0000${username.trim().toLowerCase()}`;
  for (const key of pairs.keys()) if (key.endsWith(suffix)) pairs.delete(key);
}

/**
 * Until when some address must wait before trying this account again (the latest such moment),
 * or null when none must: what the admin users page shows as 登录受限, and 解除锁定 lifts.
 */
export function signInThrottledUntil(username: string, now = Date.now()): Date | null {
  const suffix = `\u0000${username.trim().toLowerCase()}`;
  let until = 0;
  for (const [key, pair] of pairs) {
    if (key.endsWith(suffix)) until = Math.max(until, now + signInWaitMs(pair, undefined, now));
  }
  return until > now ? new Date(until) : null;
}
