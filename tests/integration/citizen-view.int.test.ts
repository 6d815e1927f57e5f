// Issue 9 item 17: staff free text on PUBLIC events (the contact note, the invalidation reason)
// never reaches the citizen — not on 我的诉求 / the CITIZEN's JSON, not on the tracking page —
// while the reply written for them does.
import { describe, expect, it } from "vitest";
import { GET as getOne } from "@/app/api/v1/tickets/[no]/route";
import { submitTicket } from "@/lib/dal/intake";
import { getTicket } from "@/lib/dal/tickets";
import { trackTicket } from "@/lib/dal/tracking";
import { performAction } from "@/lib/dal/workflow/perform";
import { actorOf, requestAs } from "../support/actors";

const CITIZEN = "13800000000";
const CONTACT_NOTE = "联系记录：群众语气激动，暗示要找媒体";
const REPLY = "经现场核查，已于本周调整光岳路口左转信号配时，请您留意。";
const INVALID_NOTE = "同一号码多次恶意来电";

async function citizensTicket(title: string) {
  return submitTicket(
    await actorOf(CITIZEN),
    {
      type: "COMPLAINT",
      category: "TRAFFIC_ORG",
      title,
      content: "光岳路与东昌路路口早高峰左转信号太短，排队很长。",
      district: "东城区",
      place: "光岳路与东昌路路口",
      phone: CITIZEN,
    },
    { channel: "WEB" },
  );
}

/** Everything the citizen can read about the ticket, as text. */
async function citizenSees(no: string): Promise<string> {
  const dal = await getTicket(await actorOf(CITIZEN), no);
  const rest = await getOne(await requestAs(CITIZEN, `/api/v1/tickets/${no}`), { params: Promise.resolve({ no }) });
  expect(rest.status).toBe(200);
  const tracked = await trackTicket({ no, phone: CITIZEN }, { ip: "203.0.113.50" });
  return JSON.stringify([dal, await rest.json(), tracked]);
}

describe("the citizen's view of a ticket", () => {
  it("shows the reply but not the contact note", async () => {
    const t = await citizensTicket("信号灯配时太短");
    const handler = await actorOf("zq1.handler");
    await performAction(handler, t.no, { action: "sign", version: 1 });
    await performAction(handler, t.no, { action: "contact", version: 2, note: CONTACT_NOTE, method: "CALL" });
    await performAction(handler, t.no, { action: "reply", version: 3, text: REPLY });

    const staff = JSON.stringify(await getTicket(handler, t.no));
    expect(staff).toContain(CONTACT_NOTE);
    const seen = await citizenSees(t.no);
    expect(seen).not.toContain(CONTACT_NOTE);
    expect(seen).toContain(REPLY);
    expect(seen).not.toContain("zq1.handler");
    const events = (await getTicket(await actorOf(CITIZEN), t.no)).events;
    expect(events.find((e) => e.type === "CONTACTED")?.payload).toEqual({ method: "CALL" });
    expect(events.find((e) => e.type === "REPLIED")?.payload).toEqual({ text: REPLY });
  });

  it("shows that a ticket was found invalid, not the manager's reason or note", async () => {
    const t = await citizensTicket("测试诉求");
    await performAction(await actorOf("manager"), t.no, { action: "invalidate", version: 1, reason: "PRANK", note: INVALID_NOTE });

    const seen = await citizenSees(t.no);
    expect(seen).toContain("INVALIDATED");
    expect(seen).not.toContain(INVALID_NOTE);
    expect(seen).not.toContain("PRANK");
  });
});
