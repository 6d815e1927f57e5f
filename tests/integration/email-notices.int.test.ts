// Issue 12 item 9: e-mail notices through SMTP, against a local SMTP server (smtp-server) on a
// free loopback port, with authentication as a relay asks for it.
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "../support/actors";
import { freePort } from "../support/postgres";
import { submitTicket } from "@/lib/dal/intake";
import { deliverPendingNotifications } from "@/lib/dal/outbox";
import { db } from "@/lib/db";
import { ChannelSender } from "@/lib/notify";
import { SmtpSender } from "@/lib/notify/email";
import { LoggingSender, type OutgoingMessage } from "@/lib/notify/sender";

type Received = { from: string; to: string[]; subject: string; text: string };
const received: Received[] = [];
let server: SMTPServer;
let port: number;

beforeAll(async () => {
  port = await freePort();
  server = new SMTPServer({
    authOptional: false,
    disabledCommands: ["STARTTLS"],
    onAuth: (auth, _session, done) => (auth.username === "jsjb" && auth.password === "secret" ? done(null, { user: "jsjb" }) : done(new Error("bad credentials"))),
    onData: (stream, session, done) => {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
          });
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("e-mail notices", () => {
  it("sends an e-mail-only citizen's notices through the SMTP relay, phones still by the SMS sender", async () => {
    const ticket = await submitTicket(
      await actorOf("dispatcher"),
      { type: "HELP", category: "SERVICE", title: "换证预约失败", content: "12123 上驾驶证换证预约一直失败，请帮忙看看。", name: "张三", email: "zhang.san@example.com" },
      { channel: "API" },
    );
    const sms: OutgoingMessage[] = [];
    const smtp = new SmtpSender(`smtp://jsjb:secret@127.0.0.1:${port}`, "示例市公安交管 <noreply@jsjb.example.gov.cn>", "示例市公安交管");
    try {
      const sender = new ChannelSender({ EMAIL: smtp, SMS: { send: async (m) => void sms.push(m) } }, new LoggingSender());
      for (let round = 0; round < 5 && !(await db.notification.findFirst({ where: { ticketId: ticket.id, status: "SENT" } })); round++) {
        await deliverPendingNotifications(sender);
      }
    } finally {
      smtp.close();
    }
    const mail = received.find((m) => m.subject.includes(ticket.no))!;
    expect(mail).toMatchObject({ from: "noreply@jsjb.example.gov.cn", to: ["zhang.san@example.com"], subject: `【示例市公安交管】诉求已受理（工单 ${ticket.no}）` });
    expect(mail.text).toContain(`工单编号 ${ticket.no}`);
    expect(mail.text).toContain("通过邮件告知您");
    expect(sms.some((m) => m.ticketNo === ticket.no)).toBe(false);
    expect(await db.notification.findFirstOrThrow({ where: { ticketId: ticket.id } })).toMatchObject({ channel: "EMAIL", status: "SENT", attempts: 1 });
  });

  it("records a refused relay as a failed attempt with its reason, to be retried", async () => {
    const ticket = await submitTicket(
      await actorOf("dispatcher"),
      { type: "HELP", category: "SERVICE", title: "换证预约失败", content: "12123 上驾驶证换证预约一直失败，请帮忙看看。", name: "李四", email: "li.si@example.com" },
      { channel: "API" },
    );
    const smtp = new SmtpSender(`smtp://jsjb:wrong@127.0.0.1:${port}`, "noreply@jsjb.example.gov.cn", "示例市公安交管");
    try {
      await deliverPendingNotifications(new ChannelSender({ EMAIL: smtp }, new LoggingSender()));
    } finally {
      smtp.close();
    }
    const notice = await db.notification.findFirstOrThrow({ where: { ticketId: ticket.id } });
    expect(notice).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(notice.lastError).toMatch(/auth|535|credentials/i);
    expect(notice.nextAttemptAt).not.toBeNull();
  });
});
