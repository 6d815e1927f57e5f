// E-mail notices through SMTP (nodemailer): for citizens who left an e-mail and no phone
// (lib/domain/contact.ts). SMTP_URL names the relay (smtp://user:pass@host:587, STARTTLS when the
// server offers it; smtps://…:465 for TLS from the start), MAIL_FROM the sender.
import nodemailer, { type Transporter } from "nodemailer";
import type { NotificationSender, OutgoingMessage } from "@/lib/notify/sender";

/** The subject line: the site's signature, the ticket and what the message is about. */
const SUBJECTS: Record<string, string> = {
  ACCEPTED: "诉求已受理",
  MERGED: "诉求已合并办理",
  EXTENDED: "诉求办理延期",
  REPLIED: "诉求已办理答复",
  REOPENED: "诉求重新办理",
  CLOSED_AFTER_REVIEW: "诉求已办结",
  FOLLOW_UP: "工单收到群众补充",
};

export function emailSubject(message: Pick<OutgoingMessage, "template" | "ticketNo">, signature: string): string {
  const what = SUBJECTS[message.template] ?? "工单通知";
  return `【${signature}】${what}${message.ticketNo ? `（工单 ${message.ticketNo}）` : ""}`;
}

export class SmtpSender implements NotificationSender {
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
    private readonly signature: string,
  ) {
    // Timeouts so a relay that accepts the connection and then stalls fails the attempt (the
    // outbox retries with back-off) instead of holding the delivery round.
    this.transport = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  }

  async send(message: OutgoingMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: message.recipient, subject: emailSubject(message, this.signature), text: message.text });
  }

  close(): void {
    this.transport.close();
  }
}
