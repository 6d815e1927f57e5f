// Rate limits and the sign-in throttle are counted in the database (issue 11): two app nodes —
// here two separately loaded copies of the modules, each with limiters of its own — count
// together, and a restarted node (a fresh copy) remembers what was counted before it started.
import { describe, expect, it, vi } from "vitest";
import { actorOf } from "../support/actors";
import { sweepCounters } from "@/lib/counters/sweep";
import { db } from "@/lib/db";
import { FORGET_AFTER_MINUTES, FREE_FAILURES_PER_ACCOUNT, wrongCredentialsMessage } from "@/lib/domain/lockout";
import { counters } from "@/lib/sql";

type RateLimitModule = typeof import("@/lib/rate-limit");
type UsersModule = typeof import("@/lib/dal/users");
type AdminUsersModule = typeof import("@/lib/dal/admin/users");

/** A node: the modules loaded afresh, as another process (or this one after a restart) has them. */
async function node<T>(load: () => Promise<T>): Promise<T> {
  vi.resetModules();
  return load();
}
const rateLimits = () => node<RateLimitModule>(() => import("@/lib/rate-limit"));

async function refused(attempt: Promise<unknown>): Promise<string | null> {
  return attempt.then(
    () => null,
    (error: { status?: number; message: string }) => {
      expect(error.status).toBe(429);
      return error.message;
    },
  );
}

describe("rate limits shared by every node", () => {
  it("two nodes count one address together", async () => {
    const [a, b] = [await rateLimits(), await rateLimits()];
    for (let i = 0; i < 10; i++) {
      expect(await refused(a.limitSubmissionByIp("203.0.113.70"))).toBeNull();
      expect(await refused(b.limitSubmissionByIp("203.0.113.70"))).toBeNull();
    }
    // 20 per hour (SUBMIT_LIMIT_PER_IP_HOUR): the 21st is refused whichever node it reaches.
    expect(await refused(a.limitSubmissionByIp("203.0.113.70"))).toMatch(/^提交过于频繁，请 60 分钟后再试。/);
    expect(await refused(b.limitSubmissionByIp("203.0.113.70"))).toMatch(/^提交过于频繁/);
    expect(await refused(b.limitSubmissionByIp("203.0.113.71"))).toBeNull();
  });

  it("a restarted node remembers the day's count of a phone", async () => {
    const before = await rateLimits();
    for (let i = 0; i < 5; i++) expect(await refused(before.limitSubmissionByPhone("13944447777"))).toBeNull();
    const after = await rateLimits();
    expect(await refused(after.limitSubmissionByPhone("13944447777"))).toBe(
      "该手机号今天已提交 5 件诉求，已达上限，请明天再试或拨打 12345 热线。",
    );
  });

  it("a look-up that finds its ticket gives its point back on the other node too", async () => {
    const [a, b] = [await rateLimits(), await rateLimits()];
    for (let i = 0; i < 30; i++) {
      const lookup = await (i % 2 ? a : b).startTrackingLookup("13944448888", "203.0.113.72");
      await lookup.succeeded();
    }
    const row = await counters().selectFrom("RateLimit").select("points").where("key", "=", "track-fail-phone:13944448888").executeTakeFirstOrThrow();
    expect(row.points).toBe(0);
  });
});

describe("sign-in throttle shared by every node", () => {
  const users = () => node<UsersModule>(() => import("@/lib/dal/users"));
  const adminUsers = () => node<AdminUsersModule>(() => import("@/lib/dal/admin/users"));
  const attempt = (m: UsersModule, username: string, password: string, address: string) =>
    m.authenticate(username, password, address).then(
      () => "OK",
      (error: Error) => error.message,
    );

  it("failures on one node throttle the pair on another, also after a restart, until 解除锁定 on a third", async () => {
    const [a, b] = [await users(), await users()];
    for (let i = 0; i < FREE_FAILURES_PER_ACCOUNT; i++) {
      expect(await attempt(i % 2 ? a : b, "zq1.handler", `wrong-${i}-pass`, "198.51.100.80")).toBe(wrongCredentialsMessage(i + 1));
    }
    expect(await attempt(a, "zq1.handler", "demo123456", "198.51.100.80")).toMatch(/^尝试次数过多，请 1 分钟后再试$/);
    expect(await attempt(b, "zq1.handler", "demo123456", "198.51.100.80")).toMatch(/^尝试次数过多/);
    expect(await attempt(await users(), "zq1.handler", "demo123456", "198.51.100.80")).toMatch(/^尝试次数过多/);

    const admin = await actorOf("admin");
    const user = await db.user.findUniqueOrThrow({ where: { username: "zq1.handler" } });
    const adminNode = await adminUsers();
    expect((await adminNode.listUsers(admin, { q: "zq1.handler" })).items[0]).toMatchObject({ locked: true });
    await adminNode.unlockUser(admin, user.id);
    expect(await attempt(a, "zq1.handler", "demo123456", "198.51.100.80")).toBe("OK");
  });

  it("concurrent failures of one pair on two nodes are all counted", async () => {
    const [a, b] = [await users(), await users()];
    await Promise.all(
      Array.from({ length: FREE_FAILURES_PER_ACCOUNT - 1 }, (_, i) => attempt(i % 2 ? a : b, "no.such.user", `guess-${i}-x`, "198.51.100.81")),
    );
    const row = await counters()
      .selectFrom("SignInFailure")
      .select("failures")
      .where("address", "=", "198.51.100.81")
      .where("account", "=", "no.such.user")
      .executeTakeFirstOrThrow();
    expect(row.failures).toBe(FREE_FAILURES_PER_ACCOUNT - 1);
    expect(await attempt(a, "no.such.user", "guess-last-x", "198.51.100.81")).toBe(wrongCredentialsMessage(FREE_FAILURES_PER_ACCOUNT));
    expect(await attempt(b, "no.such.user", "guess-more-x", "198.51.100.81")).toMatch(/^尝试次数过多/);
  });
});

describe("sweeping the counters", () => {
  it("deletes ended windows and forgotten failures, and nothing still counting", async () => {
    const now = Date.now();
    const day = FORGET_AFTER_MINUTES * 60_000;
    await counters()
      .insertInto("RateLimit")
      .values([
        { key: "sweep-test:ended", points: 3, expire: now - 1 },
        { key: "sweep-test:running", points: 3, expire: now + 60_000 },
      ])
      .execute();
    await counters()
      .insertInto("SignInFailure")
      .values([
        { address: "198.51.100.90", account: "forgotten", failures: 9, lastFailureAt: new Date(now - day) },
        { address: "198.51.100.90", account: "recent", failures: 9, lastFailureAt: new Date(now - day + 60_000) },
      ])
      .execute();
    await sweepCounters(now);
    const keys = await counters().selectFrom("RateLimit").select("key").where("key", "like", "sweep-test:%").execute();
    expect(keys.map((row) => row.key)).toEqual(["sweep-test:running"]);
    const accounts = await counters().selectFrom("SignInFailure").select("account").where("address", "=", "198.51.100.90").execute();
    expect(accounts.map((row) => row.account)).toEqual(["recent"]);
  });
});
