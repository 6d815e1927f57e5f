import "server-only";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { decideSignIn, LOCK_MINUTES } from "@/lib/domain/lockout";
import { Unauthenticated } from "@/lib/errors";

/**
 * Checks a sign-in and records its outcome (lockout after five failures). The messages do not
 * reveal whether the user name exists.
 */
export async function authenticate(username: string, password: string): Promise<Actor> {
  const user = await db.user.findUnique({
    where: { username: username.trim() },
    select: { id: true, active: true, passwordHash: true, failedLogins: true, lockedUntil: true },
  });
  if (!user || !user.active) throw new Unauthenticated("用户名或密码错误");

  const now = new Date();
  const passwordMatches = await verifyPassword(user.passwordHash, password);
  const { outcome, next } = decideSignIn(user, passwordMatches, now);
  await db.user.update({
    where: { id: user.id },
    data: { ...next, ...(outcome === "OK" ? { lastLoginAt: now } : {}) },
  });

  if (outcome === "LOCKED") {
    throw new Unauthenticated(`连续登录失败次数过多，账户已锁定，请 ${LOCK_MINUTES} 分钟后再试`);
  }
  if (outcome === "WRONG_PASSWORD") {
    throw new Unauthenticated(
      next.lockedUntil
        ? `用户名或密码错误；连续失败次数过多，账户已锁定 ${LOCK_MINUTES} 分钟`
        : "用户名或密码错误",
    );
  }
  const actor = await loadActor(db, user.id);
  if (!actor) throw new Unauthenticated("用户名或密码错误");
  return actor;
}
