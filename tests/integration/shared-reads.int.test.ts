// Issue 15: the dashboard and the hot issues share one read between the people who open them
// together — but never across scopes, and never once a ticket or a workflow step changed a figure.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { changeMark } from "@/lib/dal/change-mark";
import { submitTicket } from "@/lib/dal/intake";
import { dashboard, sharedDashboard } from "@/lib/dal/metrics/dashboard";
import { performAction } from "@/lib/dal/workflow/perform";
import { Forbidden } from "@/lib/errors";
import { dashboardQuerySchema } from "@/lib/validation/dashboard";
import { actorOf } from "../support/actors";

const complaint = {
  type: "COMPLAINT",
  category: "TRAFFIC_ORG",
  title: "路口信号灯配时不合理",
  content: "早高峰左转信号太短，排队很长，希望调整配时。",
  district: "东城区",
  place: "共享读取测试路口",
  phone: "13912345678",
};

let dispatcher: Actor;
let manager: Actor;
let lead: Actor;
let handler: Actor;

beforeAll(async () => {
  dispatcher = await actorOf("dispatcher");
  manager = await actorOf("manager");
  lead = await actorOf("zq1.lead");
  handler = await actorOf("zq1.handler");
});

const thisYear = () => dashboardQuerySchema.parse({ kind: "year", at: new Date().toISOString().slice(0, 10) });

describe("shared reads", () => {
  it("give the dashboard's own figures, afresh after a new ticket or a workflow step", async () => {
    const query = thisYear();
    const shared = await sharedDashboard(manager, query);
    expect(shared.current).toEqual((await dashboard(manager, query)).current);
    expect(await sharedDashboard(manager, query)).toBe(shared); // nothing changed: the same read

    const mark = await changeMark();
    const ticket = await submitTicket(dispatcher, complaint, { channel: "PHONE_12123" });
    expect(await changeMark()).not.toBe(mark);
    const afterIntake = await sharedDashboard(manager, query);
    expect(afterIntake.current.received).toBe(shared.current.received + 1);

    // A step that writes no new ticket (签收) is seen too: it writes an event.
    await performAction(handler, ticket.no, { action: "sign", version: ticket.version });
    const afterSign = await sharedDashboard(manager, query);
    expect(afterSign).not.toBe(afterIntake);
    expect(afterSign.current).toEqual((await dashboard(manager, query)).current);
  });

  it("are kept apart by scope: a lead reads the unit's figures, not the manager's shared ones", async () => {
    const query = thisYear();
    const all = await sharedDashboard(manager, query);
    const own = await sharedDashboard(lead, query);
    expect(own.allUnits).toBe(false);
    expect(own.unit?.code).toBe("ZQ1");
    expect(own.current).toEqual((await dashboard(lead, query)).current);
    expect(own.current.received).toBeLessThan(all.current.received);
    await expect(sharedDashboard(handler, query)).rejects.toBeInstanceOf(Forbidden);
  });
});
