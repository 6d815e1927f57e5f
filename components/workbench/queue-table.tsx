import Link from "next/link";
import { StatusBadge } from "@/components/status-badge";
import type { WorkbenchRow } from "@/lib/dal/workbench";
import { CATEGORY_LABELS, TYPE_LABELS } from "@/lib/domain/labels";
import { formatDateTime } from "@/lib/format";

function DeadlineBadge({ state }: { state: WorkbenchRow["deadline"] }) {
  if (state === "OVERDUE") {
    return (
      <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-700" data-testid="badge-overdue">
        超期
      </span>
    );
  }
  if (state === "NEAR") {
    return (
      <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800" data-testid="badge-near">
        临期
      </span>
    );
  }
  return null;
}

/** The workbench queue: escalationAt first, with 临期 / 超期 badges and the 督 mark. */
export function QueueTable({ items }: { items: WorkbenchRow[] }) {
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
                {t.supervised && (
                  <span className="mr-1 rounded bg-red-600 px-1 text-xs text-white" title="督办">
                    督
                  </span>
                )}
                {t.title}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {TYPE_LABELS[t.type] ?? t.type} · {CATEGORY_LABELS[t.category] ?? t.category}
              </td>
              <td className="px-3 py-2 whitespace-nowrap" data-testid="ticket-owner">
                {t.ownerUnitName ?? "待派单"}
              </td>
              <td className="px-3 py-2">
                <StatusBadge status={t.status} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                <span className="mr-1">{formatDateTime(t.escalationAt)}</span>
                <DeadlineBadge state={t.deadline} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(t.dueAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
