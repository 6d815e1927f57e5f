import { hideLinkTokens, type RenderContext } from "@/lib/domain/notifications";
import { env } from "@/lib/env";
import { maskRecipient, type NoticeChannel } from "@/lib/domain/contact";
import { logger } from "@/lib/logger";

export type OutgoingMessage = { channel: NoticeChannel; recipient: string; text: string; template: string; ticketNo: string | null };

/** What this site's notices are rendered with: its public address and its SMS signature. */
export function siteRenderContext(): RenderContext {
  return { publicUrl: env().publicUrl, signature: env().SMS_SIGNATURE };
}

/** What a gateway answers for an accepted message: its id, to match a delivery receipt later. */
export type SendResult = { gatewayId?: string } | void;

/** Delivers one message to a citizen: an SMS to a phone, an e-mail to an address. */
export interface NotificationSender {
  send(message: OutgoingMessage): Promise<SendResult>;
}

/**
 * Local use: the "sent" message is written to the server log — with the recipient masked and
 * any evaluation link's token replaced by "…", since whoever reads the log must not be able to
 * evaluate in the citizen's place.
 */
export class LoggingSender implements NotificationSender {
  async send(message: OutgoingMessage): Promise<void> {
    logger.info(
      { channel: message.channel, template: message.template, ticket: message.ticketNo, recipient: maskRecipient(message.recipient), text: hideLinkTokens(message.text) },
      "notification sent (logging sender)",
    );
  }
}
