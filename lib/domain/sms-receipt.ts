// SMPP delivery receipts (SMPP 3.4 Appendix B): the message id of the receipt's submit and
// whether the handset got it. Carriers send the state in the text ("id:… stat:DELIVRD …"), some
// also in TLVs (receipted_message_id, message_state); the TLVs win when present.

/** message_state values (SMPP 3.4 §5.2.28). */
const STATE_NAMES: Record<number, string> = { 1: "ENROUTE", 2: "DELIVRD", 3: "EXPIRED", 4: "DELETED", 5: "UNDELIV", 6: "ACCEPTD", 7: "UNKNOWN", 8: "REJECTD" };

export type SmsReceipt = { gatewayId: string; state: string; delivered: boolean };

export function parseReceipt(text: string, tlv: { receiptedMessageId?: string; messageState?: number } = {}): SmsReceipt | null {
  const id = tlv.receiptedMessageId ?? /(?:^|\s)id:(\S+)/i.exec(text)?.[1];
  const state = (tlv.messageState !== undefined ? STATE_NAMES[tlv.messageState] : undefined) ?? /(?:^|\s)stat:(\w+)/i.exec(text)?.[1]?.toUpperCase();
  if (!id || !state) return null;
  return { gatewayId: id, state, delivered: state === "DELIVRD" };
}
