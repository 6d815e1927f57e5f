// 智能分类派单 (#14): POST /api/v1/classify, the base model of a new site, intake routed by the
// places the words name, PENDING tickets carrying a suggested unit, training with activation
// only when a model does better, and `npm run cli -- train`.
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as classify } from "@/app/api/v1/classify/route";
import { POST as submit } from "@/app/api/v1/tickets/route";
import { trainCommand } from "@/cli/commands/train";
import { activeModel, forgetActiveModel, modelSummaries } from "@/lib/dal/classifier/models";
import { trainClassifier } from "@/lib/dal/classifier/training";
import { db } from "@/lib/db";
import { requestAs } from "../support/actors";

const post = (user: string | null, body: unknown) =>
  user
    ? requestAs(user, "/api/v1/classify", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
    : Promise.resolve(new Request("http://localhost/api/v1/classify", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));

const parking = { title: "小区门口违停", content: "东昌路幸福里小区门口天天有车辆违法停车，堵住了消防通道，请交警来处理。", place: "东昌路幸福里小区门口" };

afterEach(() => vi.restoreAllMocks());

describe("POST /api/v1/classify", () => {
  it("answers the category, the district read from the place, the unit and the reasons, from the base model on a new site", async () => {
    expect(await db.classifierModel.count()).toBe(0);
    const response = await classify(await post("dispatcher", parking));
    expect(response.status).toBe(200);
    const answer = await response.json();
    expect(answer.category).toMatchObject({ code: "ENFORCEMENT" });
    expect(answer.category.confidence).toBeGreaterThan(0.4);
    expect(answer.alternatives).toHaveLength(5);
    expect(answer.alternatives[0].confidence).toBeLessThanOrEqual(answer.category.confidence);
    expect(answer.district).toMatchObject({ name: "东城区", source: "gazetteer" });
    expect(answer.unit).toMatchObject({ code: "ZQ1", source: "model" });
    expect(answer.reasons.length).toBeGreaterThan(0);
    expect(answer.reasons[0]).toEqual({ text: expect.any(String), weight: expect.any(Number) });
    expect(answer.model).toEqual({ version: 1 });
    expect(Array.isArray(answer.similar)).toBe(true);
    // The base model was made once, active, from the shipped corpus.
    expect(await db.classifierModel.findMany({ select: { version: true, trigger: true, active: true } })).toEqual([{ version: 1, trigger: "BASE", active: true }]);
  });

  it("says the rule decided when the district was chosen", async () => {
    const answer = await (await classify(await post("manager", { ...parking, district: "东城区" }))).json();
    expect(answer.district).toEqual({ name: "东城区", source: "given" });
    expect(answer.unit).toMatchObject({ code: "ZQ1", source: "rule" });
  });

  it("is for dispatchers, managers and admins only", async () => {
    expect((await classify(await post("admin", parking))).status).toBe(200);
    expect((await classify(await post("zq1.handler", parking))).status).toBe(403);
    expect((await classify(await post(null, parking))).status).toBe(401);
  });

  it("answers 400 with Chinese field errors for bad input", async () => {
    for (const body of [{ content: 42 }, { content: "" }, { content: "违停".repeat(3000) }, { ...parking, district: "火星区" }]) {
      const response = await classify(await post("dispatcher", body));
      expect(response.status).toBe(400);
      const { errors } = await response.json();
      expect(errors[0].message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

describe("intake with the classifier", () => {
  const ticket = { type: "COMPLAINT", category: "ENFORCEMENT", phone: "13912340000", ...parking };

  it("routes a ticket without a district by the road it names, and the ROUTED event says the model decided", async () => {
    const response = await submit(await requestAs("dispatcher", "/api/v1/tickets", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ticket) }));
    expect(response.status).toBe(201);
    const created = await response.json();
    expect(created).toMatchObject({ status: "DISPATCHED", ownerUnit: "ZQ1", category: "ENFORCEMENT" });
    const routed = created.events.find((e: { type: string }) => e.type === "ROUTED");
    expect(routed.payload).toMatchObject({ decidedBy: "model" });
    expect(routed.payload.reason).toContain("东昌路");
    expect((await db.ticket.findUniqueOrThrow({ where: { no: created.no } })).district).toBe("东城区");
  });

  it("keeps the category a submitter gave, and the rule decides on a chosen district", async () => {
    const body = { ...ticket, category: "NON_POLICE", district: "西城区" };
    const created = await (await submit(await requestAs("dispatcher", "/api/v1/tickets", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }))).json();
    expect(created).toMatchObject({ category: "NON_POLICE", ownerUnit: "ZQ2" });
    expect(created.events.find((e: { type: string }) => e.type === "ROUTED").payload.decidedBy).toBe("rule");
  });
});

describe("training", () => {
  it("trains on the site's history, activates the model that beats the base one, and a PENDING ticket then carries a suggested unit", async () => {
    const report = await trainClassifier({ trigger: "CLI" });
    expect(report.tickets).toBeGreaterThan(1000);
    expect(report.heldOut).toBeGreaterThan(200);
    expect(report.baseline.version).toBe(1);
    expect(report.evaluation.top1).toBeGreaterThan(report.baseline.evaluation.top1!);
    expect(report.activated).toBe(true);
    expect(report.evaluation.confusion).toHaveLength(6);
    expect(report.evaluation.units!.tickets).toBeGreaterThan(0);

    const [latest] = await modelSummaries();
    expect(latest).toMatchObject({ version: report.version, trigger: "CLI", active: true });
    expect(await db.classifierModel.count({ where: { active: true } })).toBe(1);

    // No district and no name of the 地名库 ("光岳" alone is neither 光岳路 nor 光岳中学): no rule
    // places it, but the history's tickets with these words went to 执勤一大队, so it is suggested.
    forgetActiveModel();
    const pending = { type: "COMPLAINT", category: "ENFORCEMENT", phone: "13912340001", title: "光岳一带违停", content: "光岳那一片门口车辆违法停车很严重，消防通道被堵，没人管。", place: "光岳一带" };
    const created = await (await submit(await requestAs("dispatcher", "/api/v1/tickets", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(pending) }))).json();
    expect(created.status).toBe("PENDING");
    const failed = created.events.find((e: { type: string }) => e.type === "ROUTING_FAILED");
    expect(failed.payload.suggestion).toMatchObject({ unit: "ZQ1", unitName: "执勤一大队", source: "model" });
    const stored = await db.ticket.findUniqueOrThrow({ where: { no: created.no }, select: { suggestedUnit: { select: { code: true } } } });
    expect(stored.suggestedUnit?.code).toBe("ZQ1");
  });

  it("does not activate a model that is no better, and the CLI prints the report as JSON", async () => {
    const before = await db.classifierModel.findFirstOrThrow({ where: { active: true }, select: { version: true } });
    const out: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (out.push(String(chunk)), true));
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    await trainCommand([]);
    const report = JSON.parse(out.join(""));
    expect(report).toMatchObject({ activated: false, baseline: { version: before.version } });
    expect(report.verdict).toContain("未优于");
    expect((await db.classifierModel.findFirstOrThrow({ where: { active: true }, select: { version: true } })).version).toBe(before.version);
    // The category still comes from the active model; similar tickets and units from the newest training.
    expect(await activeModel()).toMatchObject({ version: before.version, memoryVersion: report.version });
    const answer = await (await classify(await post("dispatcher", parking))).json();
    expect(answer.model).toEqual({ version: before.version });
    expect(answer.similar.length).toBeGreaterThan(0);
    expect(answer.similar[0]).toMatchObject({ no: expect.stringMatching(/^\d{14}$/), category: expect.any(String), unit: expect.any(String) });
  });

  it("trains from a date on, and refuses a bad date", async () => {
    await expect(trainCommand(["--from", "2026-13-01"])).rejects.toThrow(/YYYY-MM-DD/);
    const out: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (out.push(String(chunk)), true));
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    await trainCommand(["--from", "2099-01-01"]);
    const report = JSON.parse(out.join(""));
    expect(report).toMatchObject({ tickets: 0, heldOut: 0, activated: false });
    expect(report.verdict).toContain("没有留出");
  });
});
