// Issue 12 item 8: SMS through an SMPP 3.4 SMSC — here the `smpp` package's own server on a free
// loopback port, playing the carrier: bind, submit_sm, a delivery receipt; and the daily cap.
import smpp, { type PDU, type Session } from "smpp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { actorOf } from "../support/actors";
import { freePort } from "../support/postgres";
import { submitTicket } from "@/lib/dal/intake";
import { deliverPendingNotifications, recordDeliveryReceipt } from "@/lib/dal/outbox";
import { db } from "@/lib/db";
import { localDateOf, localMidnight } from "@/lib/domain/local-time";
import { SmppSender } from "@/lib/notify/sms";

const REFUSED = "13900009999";
type Submitted = { destination: string; source: string; text: string };
const submitted: Submitted[] = [];
let server: ReturnType<typeof smpp.createServer>;
let port: number;
let next = 0;

function text(field: PDU["message_payload"]): string {
  if (!field) return "";
  if (typeof field === "string") return field;
  if (Buffer.isBuffer(field)) return field.toString("utf16le");
  return typeof field.message === "string" ? field.message : "";
}

beforeAll(async () => {
  port = await freePort();
  server = smpp.createServer((session: Session) => {
    session.on("bind_transceiver", (pdu: PDU) => {
      const ok = pdu.system_id === "jsjb" && pdu.password === "pw";
      session.send(pdu.response(ok ? {} : { command_status: smpp.errors.ESME_RBINDFAIL }));
    });
    session.on("enquire_link", (pdu: PDU) => session.send(pdu.response()));
    session.on("unbind", (pdu: PDU) => session.send(pdu.response()));
    session.on("submit_sm", (pdu: PDU) => {
      if (pdu.destination_addr === REFUSED) return session.send(pdu.response({ command_status: smpp.errors.ESME_RSUBMITFAIL }));
      const id = `m${++next}`;
      submitted.push({ destination: pdu.destination_addr!, source: pdu.source_addr!, text: text(pdu.message_payload) });
      session.send(pdu.response({ message_id: id }));
      session.deliver_sm({
        esm_class: smpp.consts.ESM_CLASS.MC_DELIVERY_RECEIPT,
        short_message: `id:${id} sub:001 dlvrd:001 submit date:2611301200 done date:2611301200 stat:DELIVRD err:000 text:`,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function ticketFor(phone: string) {
  return submitTicket(
    await actorOf("dispatcher"),
    { type: "HELP", category: "SERVICE", title: "换证预约失败", content: "12123 上驾驶证换证预约一直失败，请帮忙看看。", phone },
    { channel: "PHONE_12123" },
  );
}

async function deliverWith(credentials = "jsjb:pw") {
  const before = submitted.length;
  const recorded: Promise<unknown>[] = [];
  const sender = new SmppSender(`smpp://${credentials}@127.0.0.1:${port}`, { sourceAddr: "10690001", onReceipt: (r) => {
      const stored = recordDeliveryReceipt(r);
      recorded.push(stored);
      return stored;
    },
  });
  try {
    return await deliverPendingNotifications(sender);
  } finally {
    // The gateway sends a receipt just after each accepted submit: wait until every one has come
    // and been recorded before closing (a fixed pause was too short on a loaded machine).
    await vi.waitFor(() => expect(recorded).toHaveLength(submitted.length - before), { timeout: 5_000 }).catch(() => undefined);
    await Promise.all(recorded);
    sender.close();
  }
}

describe("SMS through an SMPP gateway", () => {
  it("submits the notice as UCS-2 from the assigned number and records the gateway's id and its delivery receipt", async () => {
    const ticket = await ticketFor("13811112222");
    await deliverWith();
    const sms = submitted.find((s) => s.text.includes(ticket.no))!;
    expect(sms).toMatchObject({ destination: "13811112222", source: "10690001" });
    expect(sms.text).toMatch(/^【示例市公安交管】您的诉求已受理/);
    const notice = await db.notification.findFirstOrThrow({ where: { ticketId: ticket.id } });
    expect(notice).toMatchObject({ status: "SENT", deliveryState: "DELIVRD" });
    expect(notice.gatewayId).toMatch(/^m\d+$/);
    expect(notice.deliveredAt).not.toBeNull();
  });

  it("counts a refused message or a refused login as a failed try, retried later with the reason", async () => {
    const refused = await ticketFor(REFUSED);
    await deliverWith();
    expect(await db.notification.findFirstOrThrow({ where: { ticketId: refused.id } })).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.stringContaining("SMPP 状态") });

    const locked = await ticketFor("13811113333");
    await deliverWith("jsjb:wrong");
    expect(await db.notification.findFirstOrThrow({ where: { ticketId: locked.id } })).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.stringContaining("拒绝登录") });
  });

  it("holds a phone's messages past the daily cap until the next local day, without counting a try", async () => {
    const phone = "13811114444";
    const earlier = await ticketFor(phone);
    const sentToday = new Date(Math.max(localMidnight(localDateOf(new Date())).getTime() + 1_000, Date.now() - 60_000));
    await db.notification.updateMany({ where: { ticketId: earlier.id }, data: { status: "SENT", sentAt: sentToday } });
    await db.notification.createMany({
      data: Array.from({ length: 9 }, (_, i) => ({ ticketId: earlier.id, recipient: phone, template: "EXTENDED", status: "SENT" as const, sentAt: sentToday, payload: `{"i":${i}}` })),
    });
    const capped = await ticketFor(phone);
    const before = submitted.length;
    await deliverWith();
    expect(submitted.slice(before).some((s) => s.destination === phone)).toBe(false);
    const notice = await db.notification.findFirstOrThrow({ where: { ticketId: capped.id } });
    expect(notice).toMatchObject({ status: "PENDING", attempts: 0, lastError: expect.stringContaining("每日上限") });
    const tomorrow = localMidnight(localDateOf(new Date(Date.now() + 24 * 60 * 60 * 1000)));
    expect(notice.nextAttemptAt?.getTime()).toBe(tomorrow.getTime());
  });
});
