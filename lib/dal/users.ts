import "server-only";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { recordSignInFailure, recordSignInSuccess, signInWait } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db";
import { throttledMessage, wrongCredentialsMessage } from "@/lib/domain/lockout";
import { Unauthenticated } from "@/lib/errors";

export type SignedIn = Actor & { sessionVersion: number };

// An unknown name still costs one hash check, so the answer's timing does not reveal it either.
let decoyHash: Promise<string> | undefined;
function decoy(): Promise<string> {
  decoyHash ??= hashPassword("decoy-password-never-matches");
  return decoyHash;
}

/**
 * Checks a sign-in from `address` (lib/rate-limit.ts clientIp). Failures are throttled per address
 * and account (lib/domain/lockout.ts), so guesses from elsewhere never block the right password
 * from the user's own address. Unknown name, wrong password and deactivated account get one
 * message; a throttled attempt gets another, before anything is looked up.
 */
export async function authenticate(username: string, password: string, address: string): Promise<SignedIn> {
  const wait = await signInWait(address, username);
  if (wait > 0) throw new Unauthenticated(throttledMessage(wait));

  const user = await db.user.findUnique({
    where: { username: username.trim() },
    select: { id: true, active: true, passwordHash: true, sessionVersion: true },
  });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await decoy()), password);
  const actor = user?.active && passwordMatches ? await loadActor(user.id) : null;
  if (!user || !actor) {
    const failures = await recordSignInFailure(address, username);
    if (user) await db.user.update({ where: { id: user.id }, data: { failedLogins: { increment: 1 } } });
    throw new Unauthenticated(wrongCredentialsMessage(failures));
  }
  await recordSignInSuccess(address, username);
  await db.user.update({ where: { id: user.id }, data: { failedLogins: 0, lastLoginAt: new Date() } });
  return { ...actor, sessionVersion: user.sessionVersion };
}

/** Ends every session of the user issued at `sessionVersion` (sign-out); later ones are already ended. */
export async function endSessions(userId: string, sessionVersion: number): Promise<void> {
  await db.user.updateMany({ where: { id: userId, sessionVersion }, data: { sessionVersion: { increment: 1 } } });
}
