// 话务记录 (issue 16) on either engine: calls answered on the spot (with a knowledge-base entry),
// transferred, invalid and turned into tickets — linked both ways and stored with the ticket —,
// the knowledge base an admin edits, the switch's figures by CSV import and POST /api/v1/calls,
// and the centre's report with 接通率 only where the switch reported.
import { describe, expect, it } from "vitest";
import { POST as postCalls } from "@/app/api/v1/calls/route";
import { createApiClient } from "@/lib/dal/admin/api-clients";
import { callReport } from "@/lib/dal/call-report";
import { callsOfTicket, listCalls, recordCall, ticketCall } from "@/lib/dal/calls";
import { saveKnowledge, searchKnowledge } from "@/lib/dal/knowledge";
import { importSwitchFile } from "@/lib/dal/switch-figures";
import { submitTicket } from "@/lib/dal/intake";
import { metricsReport } from "@/lib/dal/reports";
import { db } from "@/lib/db";
import { addCallSheets } from "@/lib/reports/call-sheets";
import { buildMetricsWorkbook } from "@/lib/reports/workbook";
import { addLocalDays, localDateOf } from "@/lib/domain/local-time";
import { actorOf } from "../support/actors";
import { SAMPLE_TICKET } from "../support/tickets";

/** A day of its own far in the past, so other tests' calls never fall in it. */
const DAY = "2025-03-12";
const at = (time: string) => new Date(`${DAY}T${time}+08:00`);
const period = { from: DAY, to: addLocalDays(DAY, 1) };

describe("call log and knowledge base", () => {
  it("records calls of every outcome, links a 转工单 call with its ticket, and reports the day", async () => {
    const admin = await actorOf("admin");
    const agent = await actorOf("dispatcher");
    const handler = await actorOf("zq1.handler");

    const entry = await saveKnowledge(admin, null, { title: "机动车年检需要带哪些材料？", category: "SERVICE", keywords: "年审 验车", answer: "携带行驶证、交强险保单，到任一检测站办理；6 年以内免检车辆可在 12123 申领检验标志。" });
    expect((await searchKnowledge(agent, { q: "年审" })).map((h) => h.id)).toContain(entry.id);
    expect((await searchKnowledge(agent, { q: "年审 不存在的词" })).map((h) => h.id)).not.toContain(entry.id);

    const now = at("09:10:00");
    await recordCall(agent, { channel: "PHONE_12123", phone: "13800001111", outcome: "ANSWERED", category: "SERVICE", note: "已告知年检材料", knowledgeId: entry.id, startedAt: at("09:08:00").toISOString() }, now);
    await recordCall(agent, { channel: "PHONE", phone: "0635-8888888", outcome: "TRANSFERRED", transferredTo: "市交通运输局", duration: "1:30" }, at("09:20:00"));
    await recordCall(agent, { channel: "HOTLINE_12345", outcome: "INVALID", duration: "20秒" }, at("09:30:00"));

    // 转工单: the call goes in the ticket's own write, and each points at the other.
    const call = ticketCall(agent, { channel: "HOTLINE_12345", duration: "4" }, at("09:40:00"));
    const ticket = await submitTicket(agent, { ...SAMPLE_TICKET, phone: "13800002222" }, { channel: "HOTLINE_12345", call });
    const stored = await db.call.findUniqueOrThrow({ where: { id: call.id } });
    expect(stored).toMatchObject({ ticketId: ticket.id, outcome: "TICKET", categoryCode: SAMPLE_TICKET.category, callerPhone: "13800002222", durationSeconds: 240 });
    expect(await callsOfTicket(agent, ticket.no)).toEqual([expect.objectContaining({ agentName: expect.any(String), channel: "HOTLINE_12345", durationSeconds: 240 })]);

    const day = await listCalls(agent, { date: DAY });
    expect(day.total).toBe(4);
    expect(day.items[0]).toMatchObject({ outcome: "TICKET", ticketNo: ticket.no });
    expect(day.items.find((c) => c.outcome === "ANSWERED")).toMatchObject({ knowledgeTitle: "机动车年检需要带哪些材料？", durationSeconds: 120 });

    const report = await callReport(agent, period);
    expect(report.centre.tally).toEqual({ calls: 4, answered: 1, ticket: 1, transferred: 1, invalid: 1, seconds: 120 + 90 + 20 + 240 });
    expect(report.centre.ticketShare).toMatchObject({ num: 1, den: 4 });
    expect(report.centre.connectRate).toBeNull(); // nothing imported: no invented 接通率
    expect(report.byDay).toEqual([expect.objectContaining({ date: DAY })]);
    expect(report.knowledge).toEqual([{ id: entry.id, title: "机动车年检需要带哪些材料？", uses: 1 }]);

    // The month's report carries the calls: in the .xlsx and for the print page.
    const monthly = await metricsReport(await actorOf("manager"), { kind: "month", at: DAY });
    expect(monthly.calls?.centre.tally.calls).toBeGreaterThanOrEqual(4);
    const workbook = buildMetricsWorkbook(monthly.dashboard, monthly.unitNames);
    addCallSheets(workbook, monthly.calls!);
    expect(workbook.getWorksheet("话务")!.getRow(2).getCell(1).value).toBe("全中心");
    expect((await metricsReport(await actorOf("manager"), { kind: "month", at: DAY, unit: "ZQ1" })).calls).toBeNull();

    // Who may do what.
    await expect(recordCall(handler, { channel: "PHONE_12123", outcome: "INVALID", duration: "1" })).rejects.toMatchObject({ status: 403 });
    await expect(callReport(handler, period)).rejects.toMatchObject({ status: 403 });
    await expect(saveKnowledge(agent, null, { title: "坐席不能改", answer: "知识库由管理员维护。" })).rejects.toMatchObject({ status: 403 });
  });

  it("refuses a bad call in Chinese and stores nothing", async () => {
    const agent = await actorOf("dispatcher");
    const before = await db.call.count();
    await expect(recordCall(agent, { channel: "PHONE_12123", outcome: "ANSWERED", duration: "2" })).rejects.toMatchObject({
      status: 400,
      errors: expect.arrayContaining([expect.objectContaining({ field: "category" }), expect.objectContaining({ field: "note" })]),
    });
    await expect(recordCall(agent, { channel: "PHONE_12123", outcome: "TRANSFERRED", duration: "2" })).rejects.toMatchObject({ status: 400 });
    await expect(recordCall(agent, { channel: "PHONE_12123", outcome: "INVALID" })).rejects.toMatchObject({ status: 400 });
    await expect(recordCall(agent, { channel: "PHONE_12123", outcome: "INVALID", duration: "九分钟" })).rejects.toMatchObject({ status: 400 });
    await expect(recordCall(agent, { channel: "PHONE_12123", outcome: "ANSWERED", category: "SERVICE", note: "x", knowledgeId: "nope", duration: "2" })).rejects.toMatchObject({ status: 400 });
    // A failed intake leaves no call behind.
    const call = ticketCall(agent, { channel: "PHONE_12123", duration: "2" });
    await expect(submitTicket(agent, { ...SAMPLE_TICKET, title: "" }, { channel: "PHONE_12123", call })).rejects.toMatchObject({ status: 400 });
    expect(await db.call.count()).toBe(before);
  });

  it("imports the switch's hours and gives a known 接通率, replacing a re-imported hour", async () => {
    const agent = await actorOf("dispatcher");
    const day = "2025-04-02";
    const csv = ["时段,坐席工号,呼入量,接通量,放弃量", `${day} 09:00,,100,96,4`, `${day} 10:00,,50,46,4`, `${day} 10:00,dispatcher,30,29,1`].join("\n");
    expect(await importSwitchFile(agent, "switch.csv", new TextEncoder().encode(csv))).toEqual({ ok: true, rows: 3, hours: 2, agents: 1 });
    const report = await callReport(agent, { from: day, to: addLocalDays(day, 1) });
    // 142 of 150 offered: the 10:00 centre row counts, the agent's row of that hour is inside it.
    expect(report.centre.connectRate).toMatchObject({ num: 142, den: 150 });
    expect(report.centre.switch).toEqual({ offered: 150, answered: 142, abandoned: 8 });

    // A corrected export replaces the hour; a file with any bad row stores nothing.
    await importSwitchFile(agent, "switch.csv", new TextEncoder().encode(["时段,呼入量,接通量,放弃量", `${day} 09:00,100,90,10`].join("\n")));
    expect((await callReport(agent, { from: day, to: addLocalDays(day, 1) })).centre.connectRate).toMatchObject({ num: 136, den: 150 });
    const bad = await importSwitchFile(agent, "switch.csv", new TextEncoder().encode(["时段,呼入量,接通量,放弃量", `${day} 11:00,10,9,1`, `${day} 12:30,10,9,1`, `${day} 13:00,10,11,0`].join("\n")));
    expect(bad).toMatchObject({ ok: false, problems: [expect.objectContaining({ line: 3 }), expect.objectContaining({ line: 4, message: expect.stringContaining("不能大于呼入量") })] });
    expect((await callReport(agent, { from: day, to: addLocalDays(day, 1) })).centre.switch?.offered).toBe(150);
    await expect(importSwitchFile(await actorOf("zq1.handler"), "switch.csv", new TextEncoder().encode(csv))).rejects.toMatchObject({ status: 403 });
  });

  it("takes the switch's hours from a CTI integration through POST /api/v1/calls", async () => {
    const admin = await actorOf("admin");
    const cti = await createApiClient(admin, { name: `呼叫中心 CTI ${Date.now()}`, unit: "ZHZX", channel: "API", scopes: ["calls:report"] });
    const other = await createApiClient(admin, { name: `对接系统 ${Date.now()}`, unit: "ZQ1", channel: "API", scopes: ["tickets:submit"] });
    const post = (token: string, body: unknown) =>
      postCalls(new Request("http://localhost/api/v1/calls", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) }));
    const day = "2025-05-06";
    const body = { intervals: [{ hour: `${day}T08:00:00+08:00`, offered: 40, answered: 38, abandoned: 2 }] };
    const created = await post(cti.token, body);
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ stored: 1 });
    expect((await callReport(await actorOf("manager"), { from: day, to: addLocalDays(day, 1) })).centre.connectRate).toMatchObject({ num: 38, den: 40 });

    expect((await post(other.token, body)).status).toBe(403);
    const wrong = await post(cti.token, { intervals: [{ hour: `${day}T08:30:00+08:00`, offered: 1, answered: 2, abandoned: 0 }] });
    expect(wrong.status).toBe(400);
    expect(localDateOf(new Date(`${day}T08:00:00+08:00`))).toBe(day);
  });
});
