// The messages citizens receive (queued in the outbox, sent by a NotificationSender).
import { formatLocalDateTime } from "./local-time";

export const NOTIFICATION_TEMPLATES = {
  /** 受理 notice on intake. */
  ACCEPTED: (p: { no: string; unitName: string | null; dueAt: string | null }) =>
    `【示例市公安交管】您的诉求已受理，工单编号 ${p.no}` +
    (p.unitName ? `，已分派至${p.unitName}办理` : "，正在分派") +
    (p.dueAt ? `，承诺 ${formatLocalDateTime(new Date(p.dueAt))} 前办结答复` : "") +
    "。可凭编号和手机号查询进度。",
  /** A repeat call merged into an earlier ticket: the caller follows the master. */
  MERGED: (p: { no: string; masterNo: string }) =>
    `【示例市公安交管】您反映的问题（${p.no}）已有工单 ${p.masterNo} 正在办理，已合并处理，后续进展将同步告知您。`,
} as const;

export type NotificationTemplate = keyof typeof NOTIFICATION_TEMPLATES;

export function renderNotification(template: string, payload: Record<string, unknown>): string {
  const render = (NOTIFICATION_TEMPLATES as Record<string, (p: never) => string>)[template];
  return render ? render(payload as never) : `【示例市公安交管】工单通知：${JSON.stringify(payload)}`;
}
