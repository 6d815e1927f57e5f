// The sender the outbox delivers through: each notice by its channel (lib/domain/contact.ts).
// E-mail goes through SMTP when SMTP_URL is set; everything else, and e-mail without a relay,
// goes to the log (LoggingSender) — a demo site sends nothing out.
import { env } from "@/lib/env";
import { SmtpSender } from "@/lib/notify/email";
import { LoggingSender, type NotificationSender, type OutgoingMessage } from "@/lib/notify/sender";

export class ChannelSender implements NotificationSender {
  constructor(private readonly byChannel: Partial<Record<OutgoingMessage["channel"], NotificationSender>>, private readonly fallback: NotificationSender) {}

  send(message: OutgoingMessage): Promise<void> {
    return (this.byChannel[message.channel] ?? this.fallback).send(message);
  }
}

export function notificationSender(): NotificationSender {
  const { SMTP_URL, MAIL_FROM } = env();
  return new ChannelSender({ ...(SMTP_URL && { EMAIL: new SmtpSender(SMTP_URL, MAIL_FROM) }) }, new LoggingSender());
}
