import { describe, expect, it } from "vitest";
import { actionsFor } from "@/lib/dal/ticket-actions-view";
import { submitTicket } from "@/lib/dal/intake";
import { performAction } from "@/lib/dal/workflow/perform";
import type { Invalid } from "@/lib/errors";
import { actorOf } from "../support/actors";

const complaint = {
  type: "COMPLAINT",
  category: "TRAFFIC_ORG",
  title: "路口信号灯配时不合理",
  content: "光岳路与东昌路路口早高峰左转信号太短，排队很长。",
  district: "东城区",
  place: "光岳路与东昌路路口",
  name: "王先生",
  phone: "13912340002",
};

describe("actionsFor (the ticket page's action panel)", () => {
  it("offers the owner's handler sign, then the in-progress steps, and never reply before contact", async () => {
    const dispatcher = await actorOf("dispatcher");
    const handler = await actorOf("zq1.handler");
    const t = await submitTicket(dispatcher, complaint, { channel: "HOTLINE_12345" });
    expect(t).toMatchObject({ status: "DISPATCHED", ownerUnit: { code: "ZQ1" } });

    const before = await actionsFor(handler, t.no);
    expect(before.version).toBe(t.version);
    expect(before.actions).toContain("sign");
    expect(before.actions).not.toContain("reply");

    await performAction(handler, t.no, { action: "sign", version: t.version });
    const after = await actionsFor(handler, t.no);
    expect(after.version).toBe(t.version + 1);
    expect(after.actions).toEqual(expect.arrayContaining(["contact", "note", "assist", "extend"]));
    expect(after.actions).not.toContain("sign");
    expect(after.actions).not.toContain("reply");
    // Assistance may go to any other unit, 外部门 included; never back to the owner itself.
    expect(after.assistUnits.some((u) => u.kind === "EXTERNAL")).toBe(true);
    expect(after.assistUnits.map((u) => u.code)).not.toContain("ZQ1");
  });

  it("answers another unit's handler 404, as for a number that does not exist", async () => {
    const t = await submitTicket(await actorOf("dispatcher"), { ...complaint, phone: "13912340003" }, { channel: "HOTLINE_12345" });
    await expect(actionsFor(await actorOf("zq2.handler"), t.no)).rejects.toMatchObject({ status: 404, message: `工单 ${t.no} 不存在` });
  });

  it("answers 404 for an unknown ticket", async () => {
    await expect(actionsFor(await actorOf("dispatcher"), "20990101999999")).rejects.toMatchObject({ status: 404 });
  });

  it("offers the dispatcher dispatch only while the ticket is PENDING", async () => {
    const dispatcher = await actorOf("dispatcher");
    const pending = await submitTicket(
      dispatcher,
      // No district, and no road the gazetteer knows (it would place the ticket by the road).
      { ...complaint, category: "ENFORCEMENT", district: undefined, place: "幸福小区门口", content: "小区门口有车辆违法停车。", phone: "13912340004" },
      { channel: "HOTLINE_12345" },
    );
    expect(pending.status).toBe("PENDING");
    const view = await actionsFor(dispatcher, pending.no);
    expect(view.actions).toContain("dispatch");
    expect(view.ownerUnits.every((u) => u.kind === "BRIGADE")).toBe(true);
    // A unit that is not a brigade, or none, is refused in words that say what to choose.
    const notBrigade = await performAction(dispatcher, pending.no, { action: "dispatch", version: pending.version, unit: "ZHZX" }).catch((e: unknown) => e);
    expect((notBrigade as Invalid).errors[0]!.message).toMatch(/^「ZHZX」不是可承办工单的大队，请选择：.*执勤一大队（ZQ1）/);
    const none = await performAction(dispatcher, pending.no, { action: "dispatch", version: pending.version, unit: "" }).catch((e: unknown) => e);
    expect((none as Invalid).errors[0]!.message).toBe("请选择承办单位");

    const dispatched = await submitTicket(dispatcher, { ...complaint, phone: "13912340005" }, { channel: "HOTLINE_12345" });
    expect(dispatched.status).toBe("DISPATCHED");
    expect((await actionsFor(dispatcher, dispatched.no)).actions).not.toContain("dispatch");
  });

  it("offers the owner's lead its officers and squadrons by name with open ticket counts, and no one else", async () => {
    const dispatcher = await actorOf("dispatcher");
    const lead = await actorOf("zq1.lead");
    const t = await submitTicket(dispatcher, { ...complaint, phone: "13912340006" }, { channel: "HOTLINE_12345" });
    const before = await actionsFor(lead, t.no);
    expect(before.actions).toContain("assign");
    const officer = before.assignees.officers.find((o) => o.username === "zq1.handler");
    expect(officer).toMatchObject({ name: "一大队 李强", unitName: "执勤一大队" });
    expect(before.assignees.officers.map((o) => o.username)).not.toContain("zq2.handler");
    expect(before.assignees.squadrons.map((s) => s.code)).toEqual(expect.arrayContaining(["ZQ1-1", "ZQ1-2"]));

    await performAction(lead, t.no, { action: "assign", version: t.version, handler: "zq1.handler", squadron: "ZQ1-1" });
    const after = await actionsFor(lead, t.no);
    expect(after.assignees.officers.find((o) => o.username === "zq1.handler")!.openTickets).toBe(officer!.openTickets + 1);
    const squadron = (v: typeof after) => v.assignees.squadrons.find((s) => s.code === "ZQ1-1")!.openTickets;
    expect(squadron(after)).toBe(squadron(before) + 1);
    // The handler may not assign: the list is not even computed for them.
    expect((await actionsFor(await actorOf("zq1.handler"), t.no)).assignees).toEqual({ officers: [], squadrons: [] });
    // Another unit's officer is refused by the step itself, whatever the form offered.
    const refused = await performAction(lead, t.no, { action: "assign", version: after.version, handler: "zq2.handler" }).catch((e: unknown) => e);
    expect((refused as Invalid).errors[0]!.message).toBe("「zq2.handler」不是本大队或其中队的民警");
  });
});
