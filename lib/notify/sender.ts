import { logger } from "@/lib/logger";

/** Delivers one message to a citizen. An SMS gateway implements this in production. */
export interface NotificationSender {
  send(message: { recipient: string; text: string; ticketNo: string | null }): Promise<void>;
}

/** Local use: the "sent" message is written to the server log. */
export class LoggingSender implements NotificationSender {
  async send(message: { recipient: string; text: string; ticketNo: string | null }): Promise<void> {
    logger.info({ recipient: message.recipient, ticket: message.ticketNo, text: message.text }, "notification sent (logging sender)");
  }
}
