"use client";

import { resendNotificationAction } from "@/app/(staff)/admin/notifications/actions";
import type { OutboxRow } from "@/lib/dal/admin/notifications";
import { formatDateTime } from "@/lib/format";
import { noticeTopic } from "@/lib/domain/notifications";
import { NOTIFICATION_STATUS_LABELS } from "./labels";
import { EmptyRow, FormMessage, secondaryButton, tableClass, tdClass, thClass, theadClass } from "./ui";
import { useAdminAction } from "./use-admin-action";

const STATUS_TONE: Record<string, string> = {
  PENDING: "text-amber-700",
  SENDING: "text-sky-700",
  SENT: "text-emerald-700",
  FAILED: "text-red-700 font-semibold",
};

export function OutboxTable({ rows }: { rows: OutboxRow[] }) {
  const resend = useAdminAction();
  return (
    <section className="space-y-2">
      <FormMessage notice={resend.notice} />
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className={tableClass}>
          <thead className={theadClass}>
            <tr>
              <th className={thClass}>写入时间</th>
              <th className={thClass}>工单</th>
              <th className={thClass}>通知</th>
              <th className={thClass}>接收人</th>
              <th className={thClass}>状态</th>
              <th className={thClass}>尝试</th>
              <th className={thClass}>内容 / 失败原因</th>
              <th className={thClass}>操作</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.length === 0 && <EmptyRow colSpan={8}>没有这类通知</EmptyRow>}
            {rows.map((n) => (
              <tr key={n.id} data-testid="outbox-row">
                <td className={`${tdClass} whitespace-nowrap`}>{formatDateTime(n.createdAt)}</td>
                <td className={`${tdClass} font-mono`}>{n.ticketNo ?? "—"}</td>
                <td className={tdClass}>{noticeTopic(n.template)}</td>
                <td className={`${tdClass} font-mono whitespace-nowrap`}>{n.recipient}</td>
                <td className={`${tdClass} whitespace-nowrap ${STATUS_TONE[n.status] ?? ""}`}>
                  {NOTIFICATION_STATUS_LABELS[n.status]}
                  <span className="block text-xs font-normal text-slate-500">
                    {n.status === "SENT" ? formatDateTime(n.sentAt) : n.nextAttemptAt ? `下次 ${formatDateTime(n.nextAttemptAt)}` : ""}
                  </span>
                  {n.deliveryState && (
                    <span className={`block text-xs ${n.deliveryState === "DELIVRD" ? "text-emerald-700" : "text-red-700"}`}>
                      {n.deliveryState === "DELIVRD" ? "已送达" : `未送达（${n.deliveryState}）`}
                    </span>
                  )}
                </td>
                <td className={tdClass}>{n.attempts}</td>
                <td className={`${tdClass} max-w-md`}>
                  <span className="block text-slate-700">{n.text}</span>
                  {n.lastError && <span className="mt-1 block text-xs text-red-700">原因：{n.lastError}</span>}
                </td>
                <td className={tdClass}>
                  {n.status === "FAILED" && (
                    <button
                      type="button"
                      disabled={resend.pending}
                      className={secondaryButton}
                      onClick={() => resend.run(() => resendNotificationAction(n.id), () => `已将工单 ${n.ticketNo ?? ""} 的通知重新排队，稍后发送`)}
                    >
                      重发
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
