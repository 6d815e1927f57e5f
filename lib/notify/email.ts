// E-mail notices through SMTP (nodemailer): for citizens who left an e-mail and no phone
// (lib/domain/contact.ts). SMTP_URL names the relay (smtp://user:pass@host:587, STARTTLS when the
// server offers it; smtps://…:465 for TLS from the start), MAIL_FROM the sender.
import nodemailer, { type Transporter } from "nodemailer";
import { noticeTopic } from "@/lib/domain/notifications";
import type { NotificationSender, OutgoingMessage } from "@/lib/notify/sender";

/** The subject line: the site's signature, what the message is about and the ticket. */
export function emailSubject(message: Pick<OutgoingMessage, "template" | "ticketNo">, signature: string): string {
  const what = noticeTopic(message.template);
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
