import { localDateOf } from "./local-time";

/** The day part of a ticket number: the local (Asia/Shanghai) date of receipt, YYYYMMDD. */
export function ticketDay(receivedAt: Date): string {
  return localDateOf(receivedAt).replaceAll("-", "");
}

/** 工单编号: YYYYMMDD + 6-digit daily sequence, e.g. 20260115000123. */
export function formatTicketNo(day: string, sequence: number): string {
  return `${day}${String(sequence).padStart(6, "0")}`;
}
