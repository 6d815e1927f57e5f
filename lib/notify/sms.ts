// SMS through the carrier's SMSC over SMPP 3.4 (the `smpp` package), the protocol China Mobile,
// China Unicom and China Telecom gateways and the SMS platforms government sites buy all speak,
// so a site is not tied to one vendor's SDK. One bound transceiver session per node, opened on
// first use and again after it drops: submit_sm with the text as UCS-2 in message_payload (the
// SMSC splits a long Chinese message), a delivery receipt asked for each message, and the
// receipts that come back (deliver_sm) recorded on their notices.
//
// Carriers only deliver registered templates signed like 【示例市公安交管】: the texts come from
// the fixed templates of lib/domain/notifications.ts behind the site's SMS_SIGNATURE — register
// the signature and each template with the carrier.
import smpp, { type PDU, type Session } from "smpp";
import { parseReceipt, type SmsReceipt } from "@/lib/domain/sms-receipt";
import { logger } from "@/lib/logger";
import type { NotificationSender, OutgoingMessage, SendResult } from "@/lib/notify/sender";

const UCS2 = 0x08;
const ESME_ROK = 0;
const CONNECT_TIMEOUT_MS = 10_000;

function textOf(field: PDU["short_message"]): string {
  if (!field) return "";
  if (typeof field === "string") return field;
  if (Buffer.isBuffer(field)) return field.toString("latin1");
  const message = field.message;
  return typeof message === "string" ? message : (message?.toString("latin1") ?? "");
}

export class SmppSender implements NotificationSender {
  private session: Promise<Session> | null = null;

  constructor(
    private readonly url: string,
    private readonly options: { sourceAddr: string; onReceipt: (receipt: SmsReceipt) => Promise<unknown> },
  ) {}

  async send(message: OutgoingMessage): Promise<SendResult> {
    const session = await this.bound();
    const response = await new Promise<PDU>((resolve) =>
      session.submit_sm(
        {
          source_addr: this.options.sourceAddr,
          destination_addr: message.recipient,
          data_coding: UCS2,
          message_payload: message.text,
          registered_delivery: 1,
        },
        resolve,
      ),
    );
    if (response.command_status !== ESME_ROK) {
      throw new Error(`短信网关拒绝了该短信（SMPP 状态 0x${response.command_status.toString(16).padStart(8, "0")}）`);
    }
    return { gatewayId: response.message_id };
  }

  close(): void {
    void this.session?.then((s) => s.close()).catch(() => {});
    this.session = null;
  }

  /** The bound session, opened (and bound) on first use and after a drop. */
  private bound(): Promise<Session> {
    this.session ??= this.open().catch((error: unknown) => {
      this.session = null;
      throw error;
    });
    return this.session;
  }

  private open(): Promise<Session> {
    const url = new URL(this.url);
    return new Promise<Session>((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error(`短信网关 ${url.host} 在 ${CONNECT_TIMEOUT_MS / 1000} 秒内没有应答`)), CONNECT_TIMEOUT_MS);
      const session = smpp.connect({ url: `${url.protocol}//${url.host}`, auto_enquire_link_period: 30_000 }, () => {
        session.bind_transceiver({ system_id: decodeURIComponent(url.username), password: decodeURIComponent(url.password) }, (pdu) => {
          clearTimeout(timer);
          if (pdu.command_status === ESME_ROK) resolve(session);
          else fail(new Error(`短信网关拒绝登录（SMPP 状态 0x${pdu.command_status.toString(16)}），请检查 SMPP_URL 中的账号和密码`));
        });
      });
      function fail(error: Error) {
        clearTimeout(timer);
        session.destroy();
        reject(error);
      }
      session.on("error", (error: Error) => {
        logger.warn({ err: error }, "SMS gateway connection failed");
        fail(error);
      });
      session.on("close", () => {
        this.session = null; // the next message binds again
      });
      session.on("deliver_sm", (pdu: PDU) => {
        session.send(pdu.response());
        const receipt = parseReceipt(textOf(pdu.short_message) || textOf(pdu.message_payload), {
          receiptedMessageId: pdu.receipted_message_id,
          messageState: pdu.message_state,
        });
        if (receipt) this.options.onReceipt(receipt).catch((err: unknown) => logger.error({ err, receipt }, "SMS delivery receipt not recorded"));
      });
    });
  }
}
