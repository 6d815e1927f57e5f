import { beforeEach, describe, expect, it, vi } from "vitest";
import { actorOf } from "../support/actors";
import { hintCategory } from "@/app/(public)/submit/actions";
import { classifyCall, dispatchPending } from "@/app/(staff)/console/actions";
import type { Actor } from "@/lib/auth/actor";
import { pendingQueue } from "@/lib/dal/callers";
import { submitTicket } from "@/lib/dal/intake";
import { actionsFor } from "@/lib/dal/ticket-actions-view";
import { db } from "@/lib/db";
import { MAX_CONTENT_CHARS } from "@/lib/domain/ticket-text";
import { Unauthenticated } from "@/lib/errors";
import { limitCategoryHintByIp } from "@/lib/rate-limit";

// The server actions read the session and the request's headers through Next; here the signed-in
// actor is whoever the test says, and every request comes from one address.
const session = vi.hoisted(() => ({ actor: null as Actor | null, ip: "203.0.113.50" }));
vi.mock("@/lib/auth/session", () => ({
  currentActor: async () => session.actor,
  requireActor: async () => {
    if (!session.actor) throw new Unauthenticated();
    return session.actor;
  },
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": session.ip }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const parking = { title: "东昌路违停", content: "东昌路上每天都有车辆违法停车，占用非机动车道，希望交警来查处。" };

beforeEach(() => {
  session.actor = null;
  session.ip = "203.0.113.50";
});

describe("智能分类 at the agent console (classifyCall)", () => {
  it("answers signed-in dispatchers only", async () => {
    expect(await classifyCall(parking)).toMatchObject({ ok: false, status: 401 });
    session.actor = await actorOf("zq1.handler");
    expect(await classifyCall(parking)).toMatchObject({ ok: false, status: 403, message: expect.stringContaining("只有指挥中心坐席") });
  });

  it("answers bad input in Chinese, field by field", async () => {
    session.actor = await actorOf("dispatcher");
    expect(await classifyCall({ title: "", content: " " })).toMatchObject({
      ok: false,
      status: 400,
      errors: [{ field: "content", message: "请至少写 2 个字的标题或诉求内容" }],
    });
    expect(await classifyCall({ content: 42 } as unknown as { content: string })).toMatchObject({
      status: 400,
      errors: [{ field: "content", message: "请填写诉求内容（文本）" }],
    });
    expect(await classifyCall({ ...parking, district: "火星区" })).toMatchObject({
      status: 400,
      errors: [{ field: "district", message: expect.stringContaining("辖区「火星区」不存在") }],
    });
  });

  it("reads the category, the road's district and the brigade from the words, and says why", async () => {
    session.actor = await actorOf("dispatcher");
    const result = await classifyCall(parking);
    if (!result.ok) throw new Error(result.message);
    const advice = result.data;
    expect(advice.category).toMatchObject({ code: "ENFORCEMENT", name: "执勤执法" });
    expect(advice.alternatives[0]!.confidence).toBeLessThan(advice.category.confidence);
    expect(advice.district).toEqual({ name: "东城区", source: "gazetteer", place: "东昌路" });
    // The road decided the district, so the unit is the model's suggestion, not a plain rule's.
    expect(advice.unit).toMatchObject({ code: "ZQ1", name: "执勤一大队", source: "model", reason: expect.stringContaining("东昌路") });
    expect(advice.reasons.map((r) => r.text).join("")).toContain("违法停车");
    expect(advice.similar.length).toBeLessThanOrEqual(3);

    // With the district chosen, the routing rule decides.
    const chosen = await classifyCall({ ...parking, district: "东城区" });
    expect(chosen).toMatchObject({ ok: true, data: { unit: { code: "ZQ1", source: "rule" } } });
  });
});

describe("the citizen form's category hint (hintCategory)", () => {
  it("suggests the category only, validates, and is limited per address", async () => {
    expect(await hintCategory({ content: "小区门口每天都有车辆违法停车，堵住消防通道。" })).toEqual({ ok: true, data: { code: "ENFORCEMENT", name: "执勤执法" } });
    expect(await hintCategory({ content: "x" })).toMatchObject({ ok: false, status: 400, errors: [{ field: "content", message: "请至少写 2 个字的标题或诉求内容" }] });
    expect(await hintCategory({ content: "违停".repeat(MAX_CONTENT_CHARS) })).toMatchObject({ ok: false, status: 400, errors: [{ field: "content", message: expect.stringMatching(/^诉求内容不超过 \d+ 个字$/) }] });

    session.ip = "203.0.113.51";
    for (let i = 0; i < 120; i++) await limitCategoryHintByIp(session.ip);
    expect(await hintCategory({ content: "小区门口每天都有车辆违法停车。" })).toMatchObject({ ok: false, status: 429, message: expect.stringContaining("分钟后再试") });
    session.ip = "203.0.113.52";
    expect(await hintCategory({ content: "小区门口每天都有车辆违法停车。" })).toMatchObject({ ok: true });
  });
});

/** A PENDING ticket filed under a wrong category, left by intake with the unit model's suggestion. */
async function pendingWithSuggestion(phone: string) {
  const agent = await actorOf("dispatcher");
  // No district and no road the gazetteer knows: no rule places it.
  const ticket = await submitTicket(
    agent,
    { type: "COMPLAINT", category: "TRAFFIC_ORG", title: "小区门口违停", content: "幸福小区门口长期有车辆违法停车，堵住消防通道，希望交警查处。", place: "幸福小区门口", phone },
    { channel: "HOTLINE_12345" },
  );
  expect(ticket.status).toBe("PENDING");
  // What intake stores when the unit model is sure (the seeded base model has no unit history).
  const suggestion = { unit: "ZQ3", unitName: "执勤三大队", source: "model", confidence: 0.8, reason: "以往相近诉求多由执勤三大队承办（置信度 80%）" };
  const zq3 = await db.unit.findUniqueOrThrow({ where: { code: "ZQ3" } });
  const row = await db.ticket.update({ where: { no: ticket.no }, data: { suggestedUnitId: zq3.id } });
  const failed = await db.ticketEvent.findFirstOrThrow({ where: { ticketId: row.id, type: "ROUTING_FAILED" } });
  const payload = JSON.parse(failed.payload) as Record<string, unknown>;
  await db.ticketEvent.update({ where: { id: failed.id }, data: { payload: JSON.stringify({ ...payload, suggestion }) } });
  return { agent, ticket };
}

describe("the PENDING queue and the ticket page's 派单", () => {
  it("pre-select the suggested unit with its reason, and give the model's differing category", async () => {
    const { agent, ticket } = await pendingWithSuggestion("13866660001");
    const item = (await pendingQueue(agent)).items.find((t) => t.no === ticket.no);
    const expected = {
      unit: { code: "ZQ3", name: "执勤三大队", reason: "以往相近诉求多由执勤三大队承办（置信度 80%）" },
      category: { code: "ENFORCEMENT", name: "执勤执法", confidence: expect.any(Number) },
    };
    expect(item?.advice).toEqual(expected);
    const panel = await actionsFor(agent, ticket.no);
    expect(panel.dispatch).toMatchObject({ advice: expected, category: "TRAFFIC_ORG" });
    expect(panel.dispatch!.categories.map((c) => c.code)).toContain("ENFORCEMENT");

    // Where the model agrees with the ticket's category, it has nothing to add.
    const agreed = await submitTicket(
      agent,
      { type: "COMPLAINT", category: "ENFORCEMENT", title: "门口违停", content: "幸福小区门口有车辆违法停车，希望查处。", phone: "13866660003" },
      { channel: "HOTLINE_12345" },
    );
    expect((await pendingQueue(agent)).items.find((t) => t.no === agreed.no)?.advice).toEqual({ unit: null, category: null });
  });

  it("dispatch with a corrected category changes the category and records the correction", async () => {
    const { ticket } = await pendingWithSuggestion("13866660002");
    session.actor = await actorOf("zq1.handler");
    expect(await dispatchPending(ticket.no, 1, "ZQ3", "ENFORCEMENT")).toMatchObject({ ok: false, status: 404 });
    session.actor = await actorOf("dispatcher");
    expect(await dispatchPending(ticket.no, 1, "ZQ3", "PARKING")).toMatchObject({
      ok: false,
      status: 400,
      errors: [{ field: "category", message: expect.stringContaining("诉求分类应为") }],
    });
    expect(await db.ticket.findUniqueOrThrow({ where: { no: ticket.no } })).toMatchObject({ status: "PENDING", categoryCode: "TRAFFIC_ORG" });

    expect(await dispatchPending(ticket.no, 1, "ZQ3", "ENFORCEMENT")).toEqual({ ok: true, data: { no: ticket.no, unit: "ZQ3", version: 2 } });
    const after = await db.ticket.findUniqueOrThrow({ where: { no: ticket.no }, include: { ownerUnit: true, events: { where: { type: "DISPATCHED" } } } });
    expect(after).toMatchObject({ status: "DISPATCHED", categoryCode: "ENFORCEMENT", suggestedUnitId: null, ownerUnit: { code: "ZQ3" } });
    expect(JSON.parse(after.events[0]!.payload)).toMatchObject({ unit: "ZQ3", category: { from: "TRAFFIC_ORG", to: "ENFORCEMENT" } });
  });

  it("dispatch keeping the category records no correction", async () => {
    const { ticket } = await pendingWithSuggestion("13866660004");
    session.actor = await actorOf("dispatcher");
    expect(await dispatchPending(ticket.no, 1, "ZQ3", "TRAFFIC_ORG")).toMatchObject({ ok: true });
    const after = await db.ticket.findUniqueOrThrow({ where: { no: ticket.no }, include: { events: { where: { type: "DISPATCHED" } } } });
    expect(after.categoryCode).toBe("TRAFFIC_ORG");
    expect(JSON.parse(after.events[0]!.payload)).not.toHaveProperty("category");
  });
});
