// The sender the outbox delivers through: each notice by its channel (lib/domain/contact.ts).
// SMS go through the SMSC when SMPP_URL is set, e-mail through SMTP when SMTP_URL is; a channel
// without its gateway goes to the log (LoggingSender) — a demo site sends nothing out.
import { recordDeliveryReceipt } from "@/lib/dal/outbox";
import { env } from "@/lib/env";
import { SmtpSender } from "@/lib/notify/email";
import { SmppSender } from "@/lib/notify/sms";
import { LoggingSender, type NotificationSender, type OutgoingMessage, type SendResult } from "@/lib/notify/sender";

export class ChannelSender implements NotificationSender {
  constructor(private readonly byChannel: Partial<Record<OutgoingMessage["channel"], NotificationSender>>, private readonly fallback: NotificationSender) {}

  send(message: OutgoingMessage): Promise<SendResult> {
    return (this.byChannel[message.channel] ?? this.fallback).send(message);
  }
}

export function notificationSender(): NotificationSender {
  const { SMTP_URL, MAIL_FROM, SMPP_URL, SMS_SOURCE_ADDR, SMS_SIGNATURE } = env();
  return new ChannelSender(
    {
      ...(SMTP_URL && { EMAIL: new SmtpSender(SMTP_URL, MAIL_FROM, SMS_SIGNATURE) }),
      ...(SMPP_URL && { SMS: new SmppSender(SMPP_URL, { sourceAddr: SMS_SOURCE_ADDR, onReceipt: (receipt) => recordDeliveryReceipt(receipt) }) }),
    },
    new LoggingSender(),
  );
}
