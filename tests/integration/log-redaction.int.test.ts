import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { actorOf } from "../support/actors";
import { submitTicket } from "@/lib/dal/intake";
import { deliverPendingNotifications } from "@/lib/dal/outbox";
import { performAction } from "@/lib/dal/workflow/perform";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { LoggingSender } from "@/lib/notify/sender";

const phone = "13912345678";
const complaint = {
  type: "COMPLAINT",
  category: "TRAFFIC_ORG",
  title: "路口信号灯配时不合理",
  content: `光岳路与东昌路路口早高峰左转信号太短，回电 ${phone}。`,
  district: "东城区",
  place: "光岳路与东昌路路口",
  phone,
};

let logged = "";
beforeEach(() => {
  logged = "";
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    logged += String(chunk);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

describe("logs and delivered notices keep no phone number or link token", () => {
  it("logs an intake, its SMS and the reply with its evaluation link masked; the token leaves the payload once sent", async () => {
    const [dispatcher, handler] = await Promise.all([actorOf("dispatcher"), actorOf("zq1.handler")]);
    const ticket = await submitTicket(dispatcher, complaint, { channel: "PHONE_12123" });
    await performAction(handler, ticket.no, { action: "sign", version: 1 });
    await performAction(handler, ticket.no, { action: "contact", version: 2, note: "已电话联系" });
    await performAction(handler, ticket.no, { action: "reply", version: 3, text: "已调整该路口左转信号配时。" });
    const queued = await db.notification.findFirstOrThrow({ where: { ticketId: ticket.id, template: "REPLIED" } });
    const token = (JSON.parse(queued.payload) as { link: string }).link.replace("/evaluate/", "");
    expect(token.length).toBeGreaterThan(20);

    await deliverPendingNotifications(new LoggingSender());
    logger.error({ err: new Error(`gateway refused ${phone}`), recipient: phone }, `retry for ${phone}`);

    const lines = logged.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    const sent = lines.filter((l) => l.msg === "notification sent (logging sender)" && l.ticket === ticket.no);
    expect(sent.map((l) => l.template).sort()).toEqual(["ACCEPTED", "REPLIED"]);
    expect(sent.every((l) => l.recipient === "139****5678")).toBe(true);
    expect(sent.find((l) => l.template === "REPLIED")!.text).toContain("/evaluate/…");
    expect(logged).toContain("139****5678");
    expect(logged).not.toContain(phone);
    expect(logged).not.toContain(token);

    const notices = await db.notification.findMany({ where: { ticketId: ticket.id } });
    expect(notices.every((n) => n.status === "SENT")).toBe(true);
    const payload = JSON.parse(notices.find((n) => n.template === "REPLIED")!.payload) as Record<string, unknown>;
    expect(payload).toMatchObject({ no: ticket.no, linkSent: true });
    expect(JSON.stringify(payload)).not.toContain(token);
  });
});
