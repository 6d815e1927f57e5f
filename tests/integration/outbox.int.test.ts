import { describe, expect, it } from "vitest";
import { actorOf } from "../support/actors";
import { submitTicket } from "@/lib/dal/intake";
import { deliverPendingNotifications } from "@/lib/dal/outbox";
import { db } from "@/lib/db";

const input = {
  type: "HELP",
  category: "SERVICE",
  title: "换证预约失败",
  content: "12123 上驾驶证换证预约一直失败，请帮忙看看。",
  phone: "13711112222",
};

describe("notification outbox", () => {
  it("queues a 受理 notice with the ticket and sends it once; a failing sender retries later", async () => {
    const ticket = await submitTicket(await actorOf("dispatcher"), input, { channel: "PHONE_12123" });
    const sentTexts: string[] = [];
    const failing = { send: async () => Promise.reject(new Error("gateway down")) };
    expect(await deliverPendingNotifications(failing)).toMatchObject({ sent: 0 });
    const afterFailure = await db.notification.findFirstOrThrow({ where: { ticketId: ticket.id } });
    expect(afterFailure).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.stringContaining("gateway down") });

    await deliverPendingNotifications({ send: async (m) => void sentTexts.push(`${m.recipient}:${m.text}`) });
    await deliverPendingNotifications({ send: async (m) => void sentTexts.push(`${m.recipient}:${m.text}`) });
    const mine = sentTexts.filter((t) => t.includes(ticket.no));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toContain("13711112222:");
    expect(mine[0]).toContain("车辆管理所");
    expect((await db.notification.findFirstOrThrow({ where: { ticketId: ticket.id } })).status).toBe("SENT");
  });

  it("queues nothing for an anonymous ticket", async () => {
    const ticket = await submitTicket(null, { ...input, phone: undefined, anonymous: true }, { channel: "WEB" });
    expect(await db.notification.count({ where: { ticketId: ticket.id } })).toBe(0);
  });
});
