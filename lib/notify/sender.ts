import { hideLinkTokens } from "@/lib/domain/notifications";
import { maskPhone } from "@/lib/domain/phone";
import { logger } from "@/lib/logger";

export type OutgoingMessage = { recipient: string; text: string; template: string; ticketNo: string | null };

/** Delivers one message to a citizen. An SMS gateway implements this in production. */
export interface NotificationSender {
  send(message: OutgoingMessage): Promise<void>;
}

/**
 * Local use: the "sent" message is written to the server log — with the recipient masked and
 * any evaluation link's token replaced by "…", since whoever reads the log must not be able to
 * evaluate in the citizen's place.
 */
export class LoggingSender implements NotificationSender {
  async send(message: OutgoingMessage): Promise<void> {
    logger.info(
      { template: message.template, ticket: message.ticketNo, recipient: maskPhone(message.recipient), text: hideLinkTokens(message.text) },
      "notification sent (logging sender)",
    );
  }
}
