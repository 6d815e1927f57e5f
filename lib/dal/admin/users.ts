import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { clearSignInFailures, throttleAccount, throttledAccounts } from "@/lib/auth/sign-in-throttle";
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import { db, type Tx, transaction } from "@/lib/db";
import { UNIT_KIND_LABELS } from "@/lib/domain/labels";
import { maskRecipient, staffChoiceProblem } from "@/lib/domain/contact";
import { maskPhone } from "@/lib/domain/phone";
import { Invalid, NotFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireAdmin, writeAudit } from "@/lib/dal/admin/audit";
import { parseOrThrow } from "@/lib/validation/errors";
import {
  changeUserRoleSchema,
  createStaffUserSchema,
  resetPasswordSchema,
  ROLE_UNIT_KINDS,
  staffContactChangeSchema,
  userFilterSchema,
  type StaffRole,
} from "@/lib/validation/admin";

/** A page of users is enough to act on; filters narrow a long citizen list. */
const LIST_LIMIT = 200;

export type UserRow = {
  id: string;
  /** Citizens sign in with their phone number, so theirs is masked like any phone. */
  username: string;
  displayName: string;
  role: Role;
  unitCode: string | null;
  unitName: string | null;
  phone: string | null;
  email: string | null;
  noticeBy: string;
  active: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
  /** Set only by the former account-wide lock; failures are now throttled per address (lib/domain/lockout.ts). */
  locked: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
};

// Never the password hash: the client omits it by default (lib/db.ts) and nothing here asks for it.
const userSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  phone: true,
  email: true,
  noticeBy: true,
  active: true,
  failedLogins: true,
  lastLoginAt: true,
  createdAt: true,
  unit: { select: { code: true, name: true } },
} as const;

type UserRecord = Prisma.UserGetPayload<{ select: typeof userSelect }>;

/** `throttled`: throttledAccounts(), read once for the whole list. */
function toRow(u: UserRecord, throttled: Map<string, Date>): UserRow {
  const throttledUntil = throttled.get(throttleAccount(u.username)) ?? null;
  return {
    id: u.id,
    username: u.role === "CITIZEN" ? maskPhone(u.username) : u.username,
    displayName: u.displayName,
    role: u.role,
    unitCode: u.unit?.code ?? null,
    unitName: u.unit?.name ?? null,
    phone: u.phone ? maskPhone(u.phone) : null,
    email: u.email ? maskRecipient(u.email) : null,
    noticeBy: u.noticeBy,
    active: u.active,
    failedLogins: u.failedLogins,
    // Accounts are no longer locked outright; an address may be made to wait (lib/auth/sign-in-throttle.ts).
    lockedUntil: throttledUntil,
    locked: throttledUntil !== null,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
  };
}

function snapshot(u: UserRecord) {
  return {
    username: u.role === "CITIZEN" ? maskPhone(u.username) : u.username,
    displayName: u.displayName,
    role: u.role,
    unitCode: u.unit?.code ?? null,
    active: u.active,
  };
}

/** Staff and citizens, filtered by role, unit code or a name / full phone number. */
export async function listUsers(actor: Actor, rawFilter: unknown = {}): Promise<{ items: UserRow[]; total: number; limit: number }> {
  requireAdmin(actor);
  const parsed = userFilterSchema.safeParse(rawFilter ?? {});
  const filter = parsed.success ? parsed.data : {};
  const where: Prisma.UserWhereInput = {
    ...(filter.role ? { role: filter.role } : {}),
    ...(filter.unit ? { unit: { code: filter.unit } } : {}),
    ...(filter.q
      ? { OR: [{ username: { contains: filter.q } }, { displayName: { contains: filter.q } }, { phone: filter.q }] }
      : {}),
  };
  // Staff first, by unit; citizens (possibly thousands) after them.
  const staff = await db.user.findMany({
    where: { AND: [where, { role: { not: "CITIZEN" } }] },
    select: userSelect,
    orderBy: [{ unitId: "asc" }, { username: "asc" }],
    take: LIST_LIMIT,
  });
  const citizens =
    staff.length < LIST_LIMIT
      ? await db.user.findMany({
          where: { AND: [where, { role: "CITIZEN" }] },
          select: userSelect,
          orderBy: { createdAt: "desc" },
          take: LIST_LIMIT - staff.length,
        })
      : [];
  const total = await db.user.count({ where });
  const throttled = await throttledAccounts();
  return { items: [...staff, ...citizens].map((u) => toRow(u, throttled)), total, limit: LIST_LIMIT };
}

/** The unit a staff role may belong to (ROLE_UNIT_KINDS), or Invalid with the reason. */
async function unitForRole(tx: Tx, role: StaffRole, unitCode: string) {
  const unit = await tx.unit.findUnique({ where: { code: unitCode } });
  if (!unit) throw new Invalid([{ field: "unitCode", message: `单位「${unitCode}」不存在` }]);
  if (!unit.active) throw new Invalid([{ field: "unitCode", message: `「${unit.name}」已停用，不能再添加或调入人员` }]);
  const allowed = ROLE_UNIT_KINDS[role];
  if (!allowed.includes(unit.kind)) {
    throw new Invalid([
      {
        field: "unitCode",
        message: `${ROLE_LABELS[role]}应属于${allowed.map((k) => UNIT_KIND_LABELS[k]).join("或")}，「${unit.name}」是${UNIT_KIND_LABELS[unit.kind]}`,
      },
    ]);
  }
  return unit;
}

async function loadUser(tx: Tx, id: string): Promise<UserRecord> {
  const user = await tx.user.findUnique({ where: { id }, select: userSelect });
  if (!user) throw new NotFound("该用户不存在");
  return user;
}

/** Creates a staff account. Citizens register themselves (phone + password) and are never created here. */
export async function createStaffUser(actor: Actor, raw: unknown): Promise<{ id: string; username: string }> {
  requireAdmin(actor);
  const input = parseOrThrow(createStaffUserSchema, raw);
  const passwordHash = await hashPassword(input.password); // argon2 is slow: outside the transaction
  return transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { username: input.username }, select: { id: true } })) {
      throw new Invalid([{ field: "username", message: `用户名「${input.username}」已被使用` }]);
    }
    const unit = await unitForRole(tx, input.role, input.unitCode);
    const { id } = await tx.user.create({
      data: {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        unitId: unit.id,
        phone: input.phone,
        email: input.email,
        noticeBy: input.noticeBy,
        passwordHash,
      },
      select: { id: true },
    });
    const created = await loadUser(tx, id);
    await writeAudit(tx, actor, { entity: "User", entityId: id, action: "CREATE", before: null, after: snapshot(created) });
    return { id, username: created.username };
  });
}

/**
 * A staff member's phone, e-mail and how they take notices about their unit's tickets (a
 * citizen's follow-up). The audit keeps the contacts masked, as the list shows them.
 */
export async function updateUserContact(actor: Actor, userId: string, raw: unknown): Promise<{ id: string }> {
  requireAdmin(actor);
  const input = parseOrThrow(staffContactChangeSchema, raw);
  return transaction(async (tx) => {
    const before = await loadUser(tx, userId);
    if (before.role === "CITIZEN") throw new Invalid([{ field: "phone", message: "群众账户的手机号即登录名，不能在此修改" }]);
    // The choice is checked against the address the user will have: a field left out keeps its value.
    const problem = staffChoiceProblem({ email: input.email === undefined ? before.email : input.email, noticeBy: input.noticeBy });
    if (problem) throw new Invalid([{ field: "email", message: problem }]);
    await tx.user.update({ where: { id: userId }, data: { phone: input.phone, email: input.email, noticeBy: input.noticeBy } });
    const after = await loadUser(tx, userId);
    const contact = (u: UserRecord) => ({ ...snapshot(u), phone: u.phone ? maskPhone(u.phone) : null, email: u.email ? maskRecipient(u.email) : null, noticeBy: u.noticeBy });
    await writeAudit(tx, actor, { entity: "User", entityId: userId, action: "UPDATE", before: contact(before), after: contact(after) });
    return { id: userId };
  });
}

/** Changes a staff member's role and unit together, so the pair always fits (ROLE_UNIT_KINDS). */
export async function changeUserRole(actor: Actor, userId: string, raw: unknown): Promise<{ id: string }> {
  requireAdmin(actor);
  const input = parseOrThrow(changeUserRoleSchema, raw);
  return transaction(async (tx) => {
    const before = await loadUser(tx, userId);
    if (before.role === "CITIZEN") {
      throw new Invalid([{ field: "role", message: "群众账户不能改为工作人员账户；请为工作人员另建账户" }]);
    }
    if (userId === actor.userId && input.role !== "ADMIN") {
      throw new Invalid([{ field: "role", message: "不能取消自己的管理员角色，以免系统失去管理员；请由另一位管理员操作" }]);
    }
    const unit = await unitForRole(tx, input.role, input.unitCode);
    // A new role or unit takes effect in a new session: the ones issued before end now.
    await tx.user.update({ where: { id: userId }, data: { role: input.role, unitId: unit.id, sessionVersion: { increment: 1 } } });
    const after = await loadUser(tx, userId);
    await writeAudit(tx, actor, { entity: "User", entityId: userId, action: "UPDATE", before: snapshot(before), after: snapshot(after) });
    return { id: userId };
  });
}

/**
 * Sets a new password (the admin tells the user by a safe channel); ends every session of the user,
 * so whoever held the old password is signed out too, and lifts the sign-in throttle.
 */
export async function resetUserPassword(actor: Actor, userId: string, raw: unknown): Promise<{ id: string }> {
  requireAdmin(actor);
  const { password } = parseOrThrow(resetPasswordSchema, raw);
  const passwordHash = await hashPassword(password);
  const username = await transaction(async (tx) => {
    const before = await loadUser(tx, userId);
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, failedLogins: 0, lockedUntil: null, sessionVersion: { increment: 1 } },
    });
    await writeAudit(tx, actor, {
      entity: "User",
      entityId: userId,
      action: "RESET_PASSWORD",
      before: { username: snapshot(before).username, password: null },
      after: { username: snapshot(before).username, password: "已重置" },
    });
    return before.username;
  });
  await clearSignInFailures(username); // after the commit: see unlockUser
  return { id: userId };
}

/** 停用 / 启用. A deactivated user can neither sign in nor use an API token. */
export async function setUserActive(actor: Actor, userId: string, active: boolean): Promise<{ id: string; active: boolean }> {
  requireAdmin(actor);
  return transaction(async (tx) => {
    const before = await loadUser(tx, userId);
    if (!active && userId === actor.userId) {
      throw new Invalid([{ field: "active", message: "不能停用自己的账户，以免系统失去管理员" }]);
    }
    if (before.active === active) return { id: userId, active };
    if (active && before.role !== "CITIZEN") {
      // The unit may have been deactivated or changed kind while the account was off.
      if (!before.unit) throw new Invalid([{ field: "unitCode", message: "该工作人员没有所属单位，请先设置角色和单位" }]);
      await unitForRole(tx, before.role, before.unit.code);
    }
    // Deactivation ends every session, so reactivating later does not bring old ones back.
    await tx.user.update({ where: { id: userId }, data: { active, ...(active ? {} : { sessionVersion: { increment: 1 } }) } });
    const after = await loadUser(tx, userId);
    await writeAudit(tx, actor, {
      entity: "User",
      entityId: userId,
      action: active ? "REACTIVATE" : "DEACTIVATE",
      before: snapshot(before),
      after: snapshot(after),
    });
    return { id: userId, active };
  });
}

/** 解除锁定: clears the failed sign-in count and every address's throttle on the account (lib/domain/lockout.ts). */
export async function unlockUser(actor: Actor, userId: string): Promise<{ id: string }> {
  requireAdmin(actor);
  const throttled = await throttledAccounts();
  const username = await transaction(async (tx) => {
    const before = await loadUser(tx, userId);
    const throttledUntil = throttled.get(throttleAccount(before.username)) ?? null;
    await tx.user.update({ where: { id: userId }, data: { failedLogins: 0, lockedUntil: null } });
    const shown = snapshot(before).username;
    await writeAudit(tx, actor, {
      entity: "User",
      entityId: userId,
      action: "UNLOCK",
      before: { username: shown, failedLogins: before.failedLogins, throttledUntil: throttledUntil?.toISOString() ?? null },
      after: { username: shown, failedLogins: 0, throttledUntil: null },
    });
    return before.username;
  });
  // After the commit, not inside: on SQLite the transaction holds the write lock, which the
  // counters' own connection would wait on until it gave up. Should this fail, the action answers
  // 503 and may simply be repeated.
  await clearSignInFailures(username);
  return { id: userId };
}
