// Weak passwords are refused everywhere a password is set (issue 9 item 18), and nothing is stored.
import { describe, expect, it } from "vitest";
import { actorOf } from "../support/actors";
import { createStaffUser, resetUserPassword } from "@/lib/dal/admin/users";
import { registerCitizen } from "@/lib/dal/citizens";
import { db } from "@/lib/db";

const COMMON = "这个密码太常见，很容易被猜中，请换一个不常见的密码";

async function passwordMessages(promise: Promise<unknown>): Promise<string[]> {
  const error = (await promise.then(
    () => ({ errors: [] }),
    (e: unknown) => e,
  )) as { status?: number; errors: { field: string; message: string }[] };
  expect(error.status).toBe(400);
  return error.errors.filter((e) => e.field === "password").map((e) => e.message);
}

describe("password rule at every entry", () => {
  it("/register refuses password1 and stores no account", async () => {
    const users = await db.user.count();
    expect(await passwordMessages(registerCitizen({ phone: "13912349876", password: "password1", confirm: "password1" }))).toEqual([COMMON]);
    expect(await passwordMessages(registerCitizen({ phone: "13912349876", password: "ab1", confirm: "ab1" }))).toContain("密码至少 8 位");
    expect(await db.user.count()).toBe(users);
    await expect(registerCitizen({ phone: "13912349876", password: "Lanqiao2026", confirm: "Lanqiao2026" })).resolves.toEqual({ username: "13912349876" });
  });

  it("an administrator can neither create nor reset to a common password", async () => {
    const admin = await actorOf("admin");
    const base = { username: "weak.pw", displayName: "弱密码", role: "HANDLER", unitCode: "ZQ1", phone: "" };
    expect(await passwordMessages(createStaffUser(admin, { ...base, password: "woaini1314" }))).toEqual([COMMON]);
    expect(await db.user.count({ where: { username: "weak.pw" } })).toBe(0);

    const user = await db.user.findUniqueOrThrow({ where: { username: "zq1.handler" }, select: { id: true, passwordHash: true } });
    expect(await passwordMessages(resetUserPassword(admin, user.id, { password: "qq123456" }))).toEqual([COMMON]);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })).toEqual({ passwordHash: user.passwordHash });
  });
});
