// What may reach a log line: no citizen's full phone number and no one-time link's token
// (server.log is read by more people than the tickets are). One rule, applied by lib/logger.ts
// to every message and every string inside the logged context.
import { maskRecipient } from "./contact";
import { hideLinkTokens } from "./notifications";
import { maskPhone } from "./phone";

/** A mainland mobile number inside any text, not part of a longer digit run (ticket numbers). */
const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
/** Keys whose value is a phone number whatever its format ("+86 138 …"), or a notice's e-mail recipient. */
const PHONE_KEY = /phone|recipient|mobile/i;
const MAX_DEPTH = 6;

export function redactText(text: string): string {
  return hideLinkTokens(text.replace(MOBILE_IN_TEXT, (phone) => maskPhone(phone)));
}

/** A copy of `value` safe to log; errors become plain objects with their message and stack redacted. */
export function redactForLog(value: unknown, key = "", depth = 0): unknown {
  if (typeof value === "string") return PHONE_KEY.test(key) ? maskRecipient(value) : redactText(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[…]";
  if (value instanceof Date) return value;
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return {
      type: value.name,
      message: redactText(value.message),
      ...(value.stack ? { stack: redactText(value.stack) } : {}),
      ...(code !== undefined ? { code } : {}),
      ...(value.cause !== undefined ? { cause: redactForLog(value.cause, "cause", depth + 1) } : {}),
    };
  }
  if (Array.isArray(value)) return value.map((item) => redactForLog(item, key, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactForLog(v, k, depth + 1)]));
}
