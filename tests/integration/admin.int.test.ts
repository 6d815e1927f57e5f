// Administration (issue 4 item 8): every change is validated, authorised inside the DAL, audited
// in the same transaction, and reaches routing and deadlines through reference().
import { describe, expect, it } from "vitest";
import { actorOf } from "../support/actors";
import { issueApiTokenFor, listApiTokens, listTokenHolders, revokeApiToken } from "@/lib/dal/admin/api-tokens";
import { listAuditEntries } from "@/lib/dal/admin/audit";
import { addCalendarDay, listCalendarYear, removeCalendarDay } from "@/lib/dal/admin/calendar";
import { addSubCategory, listCategories, setSubCategoryActive, updateCategory } from "@/lib/dal/admin/categories";
import {
  createRoutingRule,
  listRoutingRules,
  previewRouting,
  setRoutingRuleActive,
  updateRoutingRule,
} from "@/lib/dal/admin/routing-rules";
import { listTimeLimitPolicies, updateTimeLimitPolicy } from "@/lib/dal/admin/time-limits";
import { createUnit, listUnits, updateUnit } from "@/lib/dal/admin/units";
import { changeUserRole, createStaffUser, listUsers, resetUserPassword, setUserActive, unlockUser } from "@/lib/dal/admin/users";
import { actorFromApiToken } from "@/lib/dal/api-tokens";
import { reference } from "@/lib/dal/reference";
import { authenticate } from "@/lib/dal/users";
import { db } from "@/lib/db";
import { dayOfWeek } from "@/lib/domain/local-time";
import { FREE_FAILURES_PER_ACCOUNT } from "@/lib/domain/lockout";
import { routeTicket } from "@/lib/domain/routing";
import type { Invalid } from "@/lib/errors";

const CHINESE = /[\u4e00-\u9fa5]/;
/** The client address every sign-in of this file comes from. */
const ADDRESS = "203.0.113.7";

/** The Invalid error a promise rejects with (fails the test if it resolves or throws another error). */
async function invalid(promise: Promise<unknown>): Promise<Invalid> {
  const error = await promise.then(
    () => {
      throw new Error("expected the call to be refused");
    },
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ status: 400 });
  return error as Invalid;
}

function messagesFor(error: Invalid, field: string): string[] {
  return error.errors.filter((e) => e.field === field).map((e) => e.message);
}

async function auditCount() {
  return db.auditEntry.count();
}

const eastTicket = { category: "ENFORCEMENT", district: "东城区", place: "人民路与解放路交叉口", content: "路口长期有车辆违法停车" };

describe("administration", () => {
  it("refuses every admin function to a non-admin", async () => {
    const manager = await actorOf("manager");
    const someRule = await db.routingRule.findFirstOrThrow();
    const somePolicy = await db.timeLimitPolicy.findFirstOrThrow();
    const someUser = await db.user.findUniqueOrThrow({ where: { username: "zq2.handler" } });
    const someUnit = await db.unit.findUniqueOrThrow({ where: { code: "ZQ4" } });
    const someToken = await db.apiToken.create({
      data: { userId: someUser.id, name: "t", tokenHash: "x".repeat(64), prefix: "jsjb_xxxxxx" },
    });
    const before = await auditCount();
    const calls: [string, () => Promise<unknown>][] = [
      ["audit", () => listAuditEntries(manager)],
      ["rules list", () => listRoutingRules(manager)],
      ["rule create", () => createRoutingRule(manager, { categoryCode: "ENFORCEMENT", keyword: "人民路", unitCode: "ZQ3" })],
      ["rule update", () => updateRoutingRule(manager, someRule.id, { categoryCode: "ENFORCEMENT", unitCode: "ZQ3" })],
      ["rule deactivate", () => setRoutingRuleActive(manager, someRule.id, false)],
      ["rule preview", () => previewRouting(manager, { draft: { categoryCode: "ENFORCEMENT", unitCode: "ZQ3" }, sample: { categoryCode: "ENFORCEMENT" } })],
      ["limits list", () => listTimeLimitPolicies(manager)],
      ["limits update", () => updateTimeLimitPolicy(manager, somePolicy.id, { name: "x", signHours: 1, contactHours: 2, closeAmount: 3, closeUnit: "WORKING_DAYS" })],
      ["calendar list", () => listCalendarYear(manager, 2026)],
      ["calendar add", () => addCalendarDay(manager, { date: "2026-03-07", kind: "WORKDAY", name: "调休上班" })],
      ["calendar remove", () => removeCalendarDay(manager, "2026-10-01")],
      ["users list", () => listUsers(manager, {})],
      ["user create", () => createStaffUser(manager, { username: "x.y", displayName: "x", role: "HANDLER", unitCode: "ZQ1", password: "abc12345" })],
      ["user role", () => changeUserRole(manager, someUser.id, { role: "LEAD", unitCode: "ZQ2" })],
      ["user password", () => resetUserPassword(manager, someUser.id, { password: "abc12345" })],
      ["user deactivate", () => setUserActive(manager, someUser.id, false)],
      ["user unlock", () => unlockUser(manager, someUser.id)],
      ["units list", () => listUnits(manager)],
      ["unit create", () => createUnit(manager, { code: "ZQ9", name: "执勤九大队", kind: "BRIGADE", parentCode: "ZD" })],
      ["unit update", () => updateUnit(manager, someUnit.id, { name: "改名", kind: "BRIGADE", parentCode: "ZD" })],
      ["categories list", () => listCategories(manager)],
      ["category update", () => updateCategory(manager, "SERVICE", { name: "x", description: "x", example: "x" })],
      ["sub-category add", () => addSubCategory(manager, "SERVICE", { name: "驾驶证" })],
      ["tokens list", () => listApiTokens(manager)],
      ["token holders", () => listTokenHolders(manager)],
      ["token issue", () => issueApiTokenFor(manager, { username: "manager", name: "x" })],
      ["token revoke", () => revokeApiToken(manager, someToken.id)],
    ];
    for (const [name, call] of calls) {
      await expect(call(), name).rejects.toMatchObject({ status: 403 });
    }
    // A handler and a dispatcher are refused too (fails closed for every non-admin role).
    await expect(listRoutingRules(await actorOf("zq1.lead"))).rejects.toMatchObject({ status: 403 });
    await expect(listUsers(await actorOf("dispatcher"))).rejects.toMatchObject({ status: 403 });
    expect(await auditCount()).toBe(before);
    expect(await db.apiToken.findUniqueOrThrow({ where: { id: someToken.id } })).toMatchObject({ revokedAt: null });
  });

  it("a keyword rule changes routing through reference() and is audited with before and after", async () => {
    const admin = await actorOf("admin");
    const before = routeTicket((await reference()).rules, eastTicket);
    expect(before).toMatchObject({ matched: true, unitCode: "ZQ1" });

    const rule = await createRoutingRule(admin, { categoryCode: "ENFORCEMENT", keyword: "人民路", unitCode: "ZQ3", priority: "0" });
    expect(rule.name).toBe("执勤执法 · 「人民路」 → ZQ3");
    const after = routeTicket((await reference()).rules, eastTicket);
    expect(after).toMatchObject({ matched: true, unitCode: "ZQ3" });
    if (after.matched) expect(after.reason).toContain("关键词「人民路」出现在地点中");

    const created = await db.auditEntry.findFirstOrThrow({ where: { entity: "RoutingRule", entityId: rule.id, action: "CREATE" } });
    expect(created.actorId).toBe(admin.userId);
    expect(created.before).toBeNull();
    expect(JSON.parse(created.after!)).toMatchObject({ keyword: "人民路", unitCode: "ZQ3", categoryCode: "ENFORCEMENT", active: true });

    await updateRoutingRule(admin, rule.id, { categoryCode: "ENFORCEMENT", keyword: "人民路|解放路", unitCode: "ZQ3", priority: 5, name: "人民路口 → 三大队" });
    const updated = await db.auditEntry.findFirstOrThrow({ where: { entity: "RoutingRule", entityId: rule.id, action: "UPDATE" } });
    expect(JSON.parse(updated.before!)).toMatchObject({ keyword: "人民路", priority: 0 });
    expect(JSON.parse(updated.after!)).toMatchObject({ keyword: "人民路|解放路", priority: 5, name: "人民路口 → 三大队" });

    await setRoutingRuleActive(admin, rule.id, false);
    expect(routeTicket((await reference()).rules, eastTicket)).toMatchObject({ unitCode: "ZQ1" });
    const off = await db.auditEntry.findFirstOrThrow({ where: { entity: "RoutingRule", entityId: rule.id, action: "DEACTIVATE" } });
    expect([JSON.parse(off.before!).active, JSON.parse(off.after!).active]).toEqual([true, false]);
    await setRoutingRuleActive(admin, rule.id, true);
    expect(routeTicket((await reference()).rules, eastTicket)).toMatchObject({ unitCode: "ZQ3" });

    const listed = (await listRoutingRules(admin)).find((r) => r.id === rule.id);
    expect(listed).toMatchObject({ unitCode: "ZQ3", unitName: "执勤三大队", keyword: "人民路|解放路", priority: 5, active: true });

    const log = await listAuditEntries(admin);
    expect(log[0]).toMatchObject({ entity: "RoutingRule", action: "REACTIVATE", actorName: "系统管理员" });
    await setRoutingRuleActive(admin, rule.id, false); // leave routing as seeded for the tests below
  });

  it("previews a draft rule's unit and reason without saving anything", async () => {
    const admin = await actorOf("admin");
    const [rules, audits] = [await db.routingRule.count(), await auditCount()];
    const preview = await previewRouting(admin, {
      draft: { categoryCode: "ENFORCEMENT", keyword: "幸福路", unitCode: "ZQ3", priority: "" },
      sample: { categoryCode: "ENFORCEMENT", district: "东城区", place: "幸福路小学门口", content: "" },
    });
    expect(preview.withDraft).toMatchObject({ matched: true, unitCode: "ZQ3", unitName: "执勤三大队", byDraft: true });
    expect(preview.withDraft.reason).toContain("关键词「幸福路」出现在地点中");
    expect(preview.current).toMatchObject({ unitCode: "ZQ1", byDraft: false });
    expect(preview.changed).toBe(true);

    // Editing a saved rule: the draft replaces it, so narrowing the district rule to a keyword
    // that the sample lacks leaves the ticket to the dispatcher.
    const eastRule = await db.routingRule.findFirstOrThrow({ where: { categoryCode: "ENFORCEMENT", district: "东城区" } });
    const edited = await previewRouting(admin, {
      editingId: eastRule.id,
      draft: { categoryCode: "ENFORCEMENT", district: "东城区", keyword: "长安街", unitCode: "ZQ1" },
      sample: { categoryCode: "ENFORCEMENT", district: "东城区", place: "幸福路小学门口" },
    });
    expect(edited.withDraft).toMatchObject({ matched: false, unitCode: null });
    expect(edited.withDraft.reason).toContain("转指挥中心人工派单");

    expect(await db.routingRule.count()).toBe(rules);
    expect(await auditCount()).toBe(audits);
    expect(routeTicket((await reference()).rules, eastTicket)).toMatchObject({ unitCode: "ZQ1" });

    // A sample without a category is reported on the sample's own field.
    const bad = await invalid(previewRouting(admin, { draft: { categoryCode: "ENFORCEMENT", unitCode: "ZQ3" }, sample: {} }));
    expect(messagesFor(bad, "sample.categoryCode")[0]).toMatch(CHINESE);
  });

  it("refuses invalid rules with Chinese field errors and changes nothing", async () => {
    const admin = await actorOf("admin");
    const [rules, audits] = [await db.routingRule.count(), await auditCount()];

    const external = await invalid(createRoutingRule(admin, { categoryCode: "NON_POLICE", unitCode: "WCG" }));
    expect(messagesFor(external, "unitCode")[0]).toContain("外部门");
    const dispatch = await invalid(createRoutingRule(admin, { categoryCode: "NON_POLICE", unitCode: "ZHZX" }));
    expect(messagesFor(dispatch, "unitCode")[0]).toContain("指挥中心");
    const squadron = await invalid(createRoutingRule(admin, { categoryCode: "NON_POLICE", unitCode: "ZQ1-1" }));
    expect(messagesFor(squadron, "unitCode")[0]).toContain("中队");

    const many = await invalid(createRoutingRule(admin, { categoryCode: "NOPE", unitCode: "ZQ9", district: "火星区" }));
    expect(messagesFor(many, "categoryCode")[0]).toContain("不存在");
    expect(messagesFor(many, "unitCode")[0]).toContain("不存在");
    expect(messagesFor(many, "district")[0]).toContain("东城区");

    const priority = await invalid(createRoutingRule(admin, { categoryCode: "ENFORCEMENT", unitCode: "ZQ3", priority: "1.5" }));
    expect(messagesFor(priority, "priority")).toEqual(["优先级应为整数"]);
    const keyword = await invalid(createRoutingRule(admin, { categoryCode: "ENFORCEMENT", unitCode: "ZQ3", keyword: "路" }));
    expect(messagesFor(keyword, "keyword")[0]).toMatch(CHINESE);
    const missing = await invalid(createRoutingRule(admin, {}));
    expect(messagesFor(missing, "categoryCode")).toEqual(["请选择诉求分类"]);
    expect(messagesFor(missing, "unitCode")).toEqual(["请选择承办单位"]);
    // Same criteria and priority as a seeded rule: the two could not be told apart.
    const twin = await invalid(createRoutingRule(admin, { categoryCode: "ENFORCEMENT", district: "东城区", unitCode: "ZQ2" }));
    expect(messagesFor(twin, "priority")[0]).toContain("条件完全相同");

    for (const error of [external, many, priority, keyword, missing, twin]) {
      for (const e of error.errors) expect(e.message).toMatch(CHINESE);
    }
    expect(await db.routingRule.count()).toBe(rules);
    expect(await auditCount()).toBe(audits);
  });

  it("creates staff users only with a unit that fits the role, and never shows a password hash", async () => {
    const admin = await actorOf("admin");
    const base = { displayName: "三大队 王五", password: "start2026go" };
    const users = await db.user.count();

    const noBrigade = await invalid(createStaffUser(admin, { ...base, username: "zq3.wang", role: "HANDLER", unitCode: "ZHZX" }));
    expect(messagesFor(noBrigade, "unitCode")[0]).toContain("大队或中队");
    await invalid(createStaffUser(admin, { ...base, username: "zq3.wang", role: "LEAD", unitCode: "WCG" }));
    const dispatcher = await invalid(createStaffUser(admin, { ...base, username: "zq3.wang", role: "DISPATCHER", unitCode: "ZQ3" }));
    expect(messagesFor(dispatcher, "unitCode")[0]).toContain("指挥中心");
    const citizen = await invalid(createStaffUser(admin, { ...base, username: "zq3.wang", role: "CITIZEN", unitCode: "ZQ3" }));
    expect(messagesFor(citizen, "role")[0]).toContain("群众");
    const weak = await invalid(createStaffUser(admin, { ...base, username: "zq3.wang", role: "HANDLER", unitCode: "ZQ3", password: "abcdefgh" }));
    expect(messagesFor(weak, "password")).toEqual(["密码需同时包含字母和数字"]);
    const taken = await invalid(createStaffUser(admin, { ...base, username: "zq1.handler", role: "HANDLER", unitCode: "ZQ1" }));
    expect(messagesFor(taken, "username")[0]).toContain("已被使用");
    expect(await db.user.count()).toBe(users);

    const created = await createStaffUser(admin, { ...base, username: "ZQ3.Wang", role: "HANDLER", unitCode: "ZQ3" });
    expect(created.username).toBe("zq3.wang");
    await expect(authenticate("zq3.wang", "start2026go", ADDRESS)).resolves.toMatchObject({ role: "HANDLER", unitCode: "ZQ3" });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entity: "User", entityId: created.id, action: "CREATE" } });
    expect(audit.after).not.toMatch(/argon2|passwordHash|start2026go/);

    await changeUserRole(admin, created.id, { role: "LEAD", unitCode: "ZQ1-2" });
    await invalid(changeUserRole(admin, created.id, { role: "DISPATCHER", unitCode: "ZQ1" }));
    await invalid(changeUserRole(admin, admin.userId, { role: "MANAGER", unitCode: "ZD" }));
    await invalid(setUserActive(admin, admin.userId, false));
    const citizenUser = await db.user.findFirstOrThrow({ where: { role: "CITIZEN" } });
    await invalid(changeUserRole(admin, citizenUser.id, { role: "HANDLER", unitCode: "ZQ1" }));

    await resetUserPassword(admin, created.id, { password: "second2026go" });
    await expect(authenticate("zq3.wang", "second2026go", ADDRESS)).resolves.toMatchObject({ role: "LEAD", unitCode: "ZQ1-2" });
    await setUserActive(admin, created.id, false);
    await expect(authenticate("zq3.wang", "second2026go", ADDRESS)).rejects.toMatchObject({ status: 401 });

    const { items } = await listUsers(admin, { role: "LEAD" });
    expect(items.map((u) => u.username)).toEqual(expect.arrayContaining(["zq1.lead", "zq3.wang"]));
    expect(JSON.stringify(items)).not.toMatch(/passwordHash|argon2/);
    const citizens = await listUsers(admin, { role: "CITIZEN", q: "13800000000" });
    expect(citizens.items[0]?.username).toBe("138****0000");
  });

  it("解除锁定 lets a throttled address try the account again at once", async () => {
    const admin = await actorOf("admin");
    const user = await db.user.findUniqueOrThrow({ where: { username: "zq2.handler" } });
    for (let i = 0; i < FREE_FAILURES_PER_ACCOUNT; i++) {
      await expect(authenticate("zq2.handler", "wrong-password1", ADDRESS)).rejects.toMatchObject({ status: 401 });
    }
    await expect(authenticate("zq2.handler", "demo123456", ADDRESS)).rejects.toThrow(/尝试次数过多/);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ failedLogins: FREE_FAILURES_PER_ACCOUNT });
    // The users page shows the account as 登录受限 while an address must wait.
    expect((await listUsers(admin, { q: "zq2.handler" })).items[0]).toMatchObject({ locked: true, lockedUntil: expect.any(Date) });
    await unlockUser(admin, user.id);
    expect((await listUsers(admin, { q: "zq2.handler" })).items[0]).toMatchObject({ locked: false, lockedUntil: null });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ failedLogins: 0, lockedUntil: null });
    await expect(authenticate("zq2.handler", "demo123456", ADDRESS)).resolves.toMatchObject({ username: "zq2.handler" });
    expect(await db.auditEntry.count({ where: { entity: "User", entityId: user.id, action: "UNLOCK" } })).toBe(1);
  });

  it("issues a token once and revoking it makes it useless at once", async () => {
    const admin = await actorOf("admin");
    const issued = await issueApiTokenFor(admin, { username: "dispatcher", name: "12345 对接", expiresInDays: "" });
    expect(issued.token.startsWith(issued.prefix)).toBe(true);
    await expect(actorFromApiToken(issued.token)).resolves.toMatchObject({ username: "dispatcher" });
    const row = (await listApiTokens(admin)).find((t) => t.id === issued.id);
    expect(row).toMatchObject({ prefix: issued.prefix, username: "dispatcher", name: "12345 对接", revokedAt: null });
    expect(JSON.stringify(await listApiTokens(admin))).not.toContain(issued.token);

    await revokeApiToken(admin, issued.id);
    await expect(actorFromApiToken(issued.token)).resolves.toBeNull();
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entity: "ApiToken", entityId: issued.id, action: "REVOKE" } });
    expect(JSON.parse(audit.after!).revokedAt).not.toBeNull();
    expect(audit.after).not.toContain(issued.token);
    await invalid(issueApiTokenFor(admin, { username: "13800000000", name: "x" }));
  });

  it("a 调休 WORKDAY on a Saturday makes the calendar treat it as working; a date cannot be both", async () => {
    const admin = await actorOf("admin");
    const saturday = "2026-03-07";
    expect(dayOfWeek(saturday)).toBe(6);
    expect((await reference()).calendar.isWorkingDay(saturday)).toBe(false);

    await addCalendarDay(admin, { date: saturday, kind: "WORKDAY", name: "调休上班" });
    expect((await reference()).calendar.isWorkingDay(saturday)).toBe(true);
    expect((await listCalendarYear(admin, 2026)).days).toContainEqual({ date: saturday, kind: "WORKDAY", name: "调休上班", weekday: 6 });

    const both = await invalid(addCalendarDay(admin, { date: saturday, kind: "HOLIDAY", name: "春节" }));
    expect(messagesFor(both, "date")[0]).toContain("不能既放假又调休上班");
    const weekday = await invalid(addCalendarDay(admin, { date: "2026-03-09", kind: "WORKDAY", name: "调休上班" }));
    expect(messagesFor(weekday, "kind")[0]).toContain("周六或周日");
    const badDate = await invalid(addCalendarDay(admin, { date: "2026-02-30", kind: "HOLIDAY", name: "x" }));
    expect(messagesFor(badDate, "date")[0]).toMatch(CHINESE);

    await removeCalendarDay(admin, saturday);
    expect((await reference()).calendar.isWorkingDay(saturday)).toBe(false);
    const actions = await db.auditEntry.findMany({ where: { entity: "CalendarDay", entityId: saturday }, orderBy: { createdAt: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["CREATE", "DELETE"]);
  });

  it("edits time limits within sensible bounds and shows an example deadline", async () => {
    const admin = await actorOf("admin");
    const now = new Date("2026-03-06T02:00:00Z"); // Friday 10:00 in Shanghai
    const inquiry = (await listTimeLimitPolicies(admin, now)).find((p) => p.type === "INQUIRY")!;
    expect(inquiry.example.dueAt.toISOString()).toBe("2026-03-11T02:00:00.000Z"); // 3 working days: Wed 10:00

    const bad = await invalid(
      updateTimeLimitPolicy(admin, inquiry.id, { name: "咨询", signHours: "0", contactHours: 2000, closeAmount: 61, closeUnit: "WORKING_DAYS" }),
    );
    expect(messagesFor(bad, "signHours")[0]).toContain("不能小于 1");
    expect(messagesFor(bad, "contactHours")[0]).toContain("不能大于 240");
    const order = await invalid(updateTimeLimitPolicy(admin, inquiry.id, { name: "咨询", signHours: 30, contactHours: 24, closeAmount: 3, closeUnit: "WORKING_DAYS" }));
    expect(messagesFor(order, "signHours")[0]).toContain("不能长于首次联系时限");

    await updateTimeLimitPolicy(admin, inquiry.id, { name: "咨询", signHours: 2, contactHours: 12, closeAmount: 4, closeUnit: "WORKING_DAYS" });
    const policy = (await reference()).policies.find((p) => p.type === "INQUIRY");
    expect(policy).toMatchObject({ signHours: 2, contactHours: 12, closeAmount: 4 });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entity: "TimeLimitPolicy", entityId: inquiry.id } });
    expect([JSON.parse(audit.before!).closeAmount, JSON.parse(audit.after!).closeAmount]).toEqual([3, 4]);
  });

  it("keeps unit and category codes fixed, and guards the organisation's shape", async () => {
    const admin = await actorOf("admin");
    const zq1 = await db.unit.findUniqueOrThrow({ where: { code: "ZQ1" } });
    const rename = await invalid(updateUnit(admin, zq1.id, { code: "ZQ01", name: "执勤一大队", kind: "BRIGADE", parentCode: "ZD", district: "东城区" }));
    expect(messagesFor(rename, "code")[0]).toContain("不能修改");
    const off = await invalid(updateUnit(admin, zq1.id, { name: "执勤一大队", kind: "BRIGADE", parentCode: "ZD", district: "东城区", active: false }));
    expect(messagesFor(off, "active")[0]).toContain("分派规则");

    const orphan = await invalid(createUnit(admin, { code: "ZQ5-1", name: "五大队一中队", kind: "SQUADRON" }));
    expect(messagesFor(orphan, "parentCode")[0]).toContain("大队");
    const zq5 = await createUnit(admin, { code: "ZQ5", name: "执勤五大队", kind: "BRIGADE", parentCode: "ZD", district: "南城区" });
    await createUnit(admin, { code: "ZQ5-1", name: "五大队一中队", kind: "SQUADRON", parentCode: "ZQ5" });
    await invalid(createUnit(admin, { code: "ZQ5", name: "重复", kind: "BRIGADE", parentCode: "ZD" }));
    expect((await reference()).unitByCode.get("ZQ5-1")?.kind).toBe("SQUADRON");
    await updateUnit(admin, zq5.id, { code: "ZQ5", name: "执勤五大队（新区）", kind: "BRIGADE", parentCode: "ZD", district: "南城区" });
    expect((await listUnits(admin)).find((u) => u.code === "ZQ5")?.name).toBe("执勤五大队（新区）");

    const service = await invalid(updateCategory(admin, "SERVICE", { code: "SVC", name: "便民服务", description: "x", example: "x" }));
    expect(messagesFor(service, "code")[0]).toContain("Open311");
    await updateCategory(admin, "SERVICE", { name: "便民服务", description: "车驾管业务、交管 12123 App、违法处理", example: "12123 上驾驶证换证预约失败" });
    expect((await reference()).categories.find((c) => c.code === "SERVICE")?.description).toContain("违法处理");

    const sub = await addSubCategory(admin, "SERVICE", { name: "驾驶证业务" });
    await invalid(addSubCategory(admin, "SERVICE", { name: "驾驶证业务" }));
    await createRoutingRule(admin, { categoryCode: "SERVICE", subCategory: "驾驶证业务", unitCode: "CGS" });
    const inUse = await invalid(setSubCategoryActive(admin, sub.id, false));
    expect(messagesFor(inUse, "active")[0]).toContain("分派规则");
    const bogus = await invalid(createRoutingRule(admin, { categoryCode: "SERVICE", subCategory: "不存在的子类", unitCode: "CGS" }));
    expect(messagesFor(bogus, "subCategory")[0]).toContain("驾驶证业务");

    const entities = new Set((await listAuditEntries(admin, 200)).map((e) => e.entity));
    expect([...entities]).toEqual(expect.arrayContaining(["Unit", "Category", "SubCategory", "RoutingRule"]));
  });
});
