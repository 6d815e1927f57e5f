import Link from "next/link";
import { DeadlineBadge } from "@/components/deadline-badge";
import { StatusBadge } from "@/components/status-badge";
import type { TicketListItem } from "@/lib/dal/ticket-view";
import { CATEGORY_LABELS, TYPE_LABELS } from "@/lib/domain/labels";
import type { DeadlineFlag } from "@/lib/domain/overdue";
import { formatDateTime } from "@/lib/format";

export type TicketTableRow = Pick<
  TicketListItem,
  "no" | "title" | "type" | "status" | "ownerUnitName" | "supervised" | "receivedAt" | "escalationAt" | "dueAt"
> & {
  category: string;
  /** The worst of the ticket's deadline flags (workbench), shown as 临期 / 超期. */
  deadline?: DeadlineFlag;
  /** Arrived for this user and not opened yet (lib/dal/ticket-opened.ts), shown as 新. */
  isNew?: boolean;
};

/** The one ticket list of the staff area: workbench queues, supervised tickets. */
export function TicketTable({ items }: { items: TicketTableRow[] }) {
  if (items.length === 0) {
    return <p className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-slate-500">暂无工单</p>;
  }
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-slate-500">
          <tr>
            <th className="px-3 py-2 font-medium">工单编号</th>
            <th className="px-3 py-2 font-medium">标题</th>
            <th className="px-3 py-2 font-medium">类型 / 分类</th>
            <th className="px-3 py-2 font-medium">承办单位</th>
            <th className="px-3 py-2 font-medium">状态</th>
            <th className="px-3 py-2 font-medium">受理时间</th>
            <th className="px-3 py-2 font-medium">最近时限</th>
            <th className="px-3 py-2 font-medium">办结时限</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((t) => (
            <tr key={t.no} data-testid="ticket-row" className="hover:bg-slate-50">
              <td className="px-3 py-2 font-mono">
                <Link href={`/tickets/${t.no}`} className="text-brand-600 hover:underline">
                  {t.no}
                </Link>
              </td>
              <td className="max-w-xs truncate px-3 py-2">
                {t.isNew && (
                  <span data-testid="new-mark" className="mr-1 rounded bg-brand-700 px-1 text-xs text-white" title="新工单，尚未查看">
                    新
                  </span>
                )}
                {t.supervised && (
                  <span className="mr-1 rounded bg-red-600 px-1 text-xs text-white" title="督办">
                    督
                  </span>
                )}
                {t.title}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {TYPE_LABELS[t.type]} · {CATEGORY_LABELS[t.category as keyof typeof CATEGORY_LABELS] ?? t.category}
              </td>
              <td className="px-3 py-2 whitespace-nowrap" data-testid="ticket-owner">
                {t.ownerUnitName ?? "待派单"}
              </td>
              <td className="px-3 py-2">
                <StatusBadge status={t.status} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(t.receivedAt)}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                {formatDateTime(t.escalationAt)}
                {t.deadline && <DeadlineBadge flag={t.deadline} />}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(t.dueAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
