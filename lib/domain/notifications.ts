// The messages citizens receive (queued in the outbox, sent by a NotificationSender).
import { formatLocalDateTime } from "./local-time";

/**
 * Staff-written text ends one sentence of a message: a full stop is added only when the text
 * does not end a sentence already ("已处理。" + "。" was "已处理。。").
 */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[。！？!?…]$/.test(trimmed) ? trimmed : `${trimmed}。`;
}

/**
 * What a message needs of the site: where a link opens (PUBLIC_URL) and the signature carriers
 * require in front of every SMS, as registered with them (SMS_SIGNATURE, e.g. 示例市公安交管).
 */
export type RenderContext = { publicUrl: string; signature: string };

export const NOTIFICATION_TEMPLATES = {
  /** 受理 notice on intake; by e-mail (no phone to track with) the progress follows by e-mail. */
  ACCEPTED: (p: { no: string; unitName: string | null; dueAt: string | null; byEmail?: boolean }) =>
    `您的诉求已受理，工单编号 ${p.no}` +
    (p.unitName ? `，已分派至${p.unitName}办理` : "，正在分派") +
    (p.dueAt ? `，承诺 ${formatLocalDateTime(new Date(p.dueAt))} 前办结答复` : "") +
    (p.byEmail ? "。办理进展和答复将通过邮件告知您。" : "。可凭编号和手机号查询进度。"),
  /** A repeat call merged into an earlier ticket: the caller follows the master. */
  MERGED: (p: { no: string; masterNo: string }) =>
    `您反映的问题（${p.no}）已有工单 ${p.masterNo} 正在办理，已合并处理，后续进展将同步告知您。`,
  /** 延期 approved: the citizen learns the new close deadline. */
  EXTENDED: (p: { no: string; dueAt: string; workingDays: number }) =>
    `您的诉求（工单 ${p.no}）办理需要更多时间，已延期 ${p.workingDays} 个工作日，` +
    `将于 ${formatLocalDateTime(new Date(p.dueAt))} 前办结答复。`,
  /**
   * 答复: the answer, and — for the caller of the ticket itself — the one-time evaluation link
   * (stored as a path, sent as an absolute address on the site). Callers of merged tickets get no link.
   */
  REPLIED: (p: { no: string; reply: string; link?: string | null; expiresAt?: string | null }, c: RenderContext) =>
    `您的诉求（工单 ${p.no}）已办理答复：${sentence(p.reply)}` +
    (p.link
      ? `请对办理结果进行评价：${absolute(c, p.link)}` + (p.expiresAt ? `（${formatLocalDateTime(new Date(p.expiresAt))} 前有效）` : "") + "。"
      : ""),
  /** To the owner unit's leads: a citizen added to a ticket the unit is handling. */
  FOLLOW_UP: (p: { no: string; text: string }) =>
    `工单 ${p.no} 收到群众补充：${Array.from(p.text).length > 40 ? `${Array.from(p.text).slice(0, 40).join("")}…` : p.text}。请登录系统查看。`,
  /** 重办 after 不满意. */
  REOPENED: (p: { no: string; dueAt: string | null }) =>
    `您对工单 ${p.no} 的办理结果不满意，已安排重新办理` +
    (p.dueAt ? `，将于 ${formatLocalDateTime(new Date(p.dueAt))} 前再次答复` : "") +
    "。",
  /** 办结（不重办） after 不满意, with the manager's explanation. */
  CLOSED_AFTER_REVIEW: (p: { no: string; note: string }) =>
    `您的诉求（工单 ${p.no}）经复核已办结：${sentence(p.note)}如有疑问请拨打 12345。`,
} as const;

export type NotificationTemplate = keyof typeof NOTIFICATION_TEMPLATES;

/** What each notice is about, in a few words: an e-mail's subject, the outbox list's column. */
export const NOTICE_TOPICS: Record<NotificationTemplate, string> = {
  ACCEPTED: "诉求已受理",
  MERGED: "诉求已合并办理",
  EXTENDED: "诉求办理延期",
  REPLIED: "诉求已办理答复",
  REOPENED: "诉求重新办理",
  CLOSED_AFTER_REVIEW: "诉求已办结",
  FOLLOW_UP: "工单收到群众补充",
};

export function noticeTopic(template: string): string {
  return (NOTICE_TOPICS as Record<string, string>)[template] ?? "工单通知";
}

/** A notice's text: the signature in 【】, then the template's words. */
export function renderNotification(template: string, payload: Record<string, unknown>, context: RenderContext): string {
  const render = (NOTIFICATION_TEMPLATES as Record<string, (p: never, c: RenderContext) => string>)[template];
  return `【${context.signature}】${render ? render(payload as never, context) : `工单通知：${JSON.stringify(payload)}`}`;
}

/** A path of the site as the address a citizen's phone opens. */
function absolute(context: RenderContext, path: string): string {
  return `${context.publicUrl.replace(/\/+$/, "")}${path}`;
}

/** The one-time evaluation link inside a text (REPLIED): whoever holds it can evaluate. */
const EVALUATION_LINK = /\/evaluate\/[\w-]+/g;

/** The text with every evaluation link's token replaced by "…": safe for logs. */
export function hideLinkTokens(text: string): string {
  return text.replace(EVALUATION_LINK, "/evaluate/…");
}

/**
 * The payload kept once a notice is delivered (or given up): the link's token goes — the
 * citizen has it, nobody else should — and `linkSent` records that there was one.
 */
export function settledPayload(payload: Record<string, unknown>): Record<string, unknown> {
  if (!("link" in payload)) return payload;
  const { link, ...rest } = payload;
  return { ...rest, linkSent: Boolean(link) };
}
