// Sign-in lockout (issue 2): five failed sign-ins lock the account for 15 minutes.

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

export type LockState = { failedLogins: number; lockedUntil: Date | null };
export type SignInOutcome = "OK" | "WRONG_PASSWORD" | "LOCKED";

/**
 * Decides a sign-in attempt. While locked, even the right password is refused, so guessing
 * cannot continue; once the lock has expired the count starts again from zero.
 */
export function decideSignIn(
  state: LockState,
  passwordMatches: boolean,
  now: Date,
): { outcome: SignInOutcome; next: LockState } {
  if (state.lockedUntil && state.lockedUntil > now) {
    return { outcome: "LOCKED", next: state };
  }
  if (passwordMatches) {
    return { outcome: "OK", next: { failedLogins: 0, lockedUntil: null } };
  }
  const failedLogins = (state.lockedUntil ? 0 : state.failedLogins) + 1;
  if (failedLogins >= MAX_FAILED_SIGN_INS) {
    return {
      outcome: "WRONG_PASSWORD",
      next: { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) },
    };
  }
  return { outcome: "WRONG_PASSWORD", next: { failedLogins, lockedUntil: null } };
}
