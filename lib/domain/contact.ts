// How the service reaches a citizen (DOMAIN.md §3, §7): a mainland mobile by SMS, else an e-mail
// address by e-mail — FixMyStreet and other Open311 clients send an e-mail and rarely a phone.
// An anonymous citizen asked not to be contacted. One rule for intake and every later notice.
import { maskPhone } from "./phone";

export type NoticeChannel = "SMS" | "EMAIL";
export type Contact = { channel: NoticeChannel; recipient: string };

/** Where a ticket's notices go, or null when the citizen cannot or asked not to be reached. */
export function contactOf(citizen: { citizenPhone: string | null; citizenEmail: string | null; anonymous: boolean }): Contact | null {
  if (citizen.anonymous) return null;
  if (citizen.citizenPhone) return { channel: "SMS", recipient: citizen.citizenPhone };
  if (citizen.citizenEmail) return { channel: "EMAIL", recipient: citizen.citizenEmail };
  return null;
}

export const STAFF_NOTICE_CHANNELS = ["SMS", "EMAIL"] as const satisfies readonly NoticeChannel[];

/** A staff member who chose e-mail needs an address: the message saying so, or null when it holds. */
export function staffChoiceProblem(staff: { email: string | null; noticeBy: string }): string | null {
  return staff.noticeBy === "EMAIL" && !staff.email ? "选择邮件接收通知时请填写电子邮箱" : null;
}

/**
 * Where a staff member's notices go (a citizen's follow-up on their unit's ticket): the channel
 * they chose when they have its address, else whichever address they have.
 */
export function staffContactOf(staff: { phone: string | null; email: string | null; noticeBy: string }): Contact | null {
  if (staff.noticeBy === "EMAIL" && staff.email) return { channel: "EMAIL", recipient: staff.email };
  if (staff.phone) return { channel: "SMS", recipient: staff.phone };
  if (staff.email) return { channel: "EMAIL", recipient: staff.email };
  return null;
}

/** A recipient as logs and lists show it: 139****5678, w***@example.com. */
export function maskRecipient(recipient: string): string {
  const at = recipient.lastIndexOf("@");
  if (at > 0) return `${recipient[0]}***${recipient.slice(at)}`;
  return maskPhone(recipient);
}

/**
 * A mobile number however it was written — +86 139-0000-0003, 0086 13900000003, (139) 0000 0003
 * — as its 11 digits; text that is no such number comes back trimmed, for the validator to refuse.
 */
export function normaliseMobile(text: string): string {
  const compact = text.trim().replace(/[\s\-().]/g, "");
  const national = compact.replace(/^(?:\+|00)?86(?=1\d{10}$)/, "");
  return /^1\d{10}$/.test(national) ? national : text.trim();
}
