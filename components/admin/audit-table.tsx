import type { AuditListItem } from "@/lib/dal/admin/audit";
import { formatDateTime } from "@/lib/format";
import { ACTION_LABELS, ENTITY_LABELS, FIELD_LABELS, formatAuditValue } from "./labels";
import { EmptyRow, tableClass, tdClass, thClass, theadClass } from "./ui";

/** The change log: who changed what, when, and from what to what. */
export function AuditTable({ entries }: { entries: AuditListItem[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className={tableClass}>
        <thead className={theadClass}>
          <tr>
            <th className={thClass}>时间</th>
            <th className={thClass}>操作人</th>
            <th className={thClass}>对象</th>
            <th className={thClass}>操作</th>
            <th className={thClass}>变更内容</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.length === 0 && <EmptyRow colSpan={5}>暂无变更记录</EmptyRow>}
          {entries.map((e) => (
            <tr key={e.id} data-testid="audit-row">
              <td className={`${tdClass} whitespace-nowrap`}>{formatDateTime(e.createdAt)}</td>
              <td className={`${tdClass} whitespace-nowrap`}>
                {e.actorName ?? "—"}
                {e.actorUsername && <span className="block text-xs text-slate-500">{e.actorUsername}</span>}
              </td>
              <td className={tdClass}>
                <span className="text-slate-500">{ENTITY_LABELS[e.entity] ?? e.entity}</span>
                <span className="block font-medium">{e.subject}</span>
              </td>
              <td className={`${tdClass} whitespace-nowrap`}>{ACTION_LABELS[e.action] ?? e.action}</td>
              <td className={tdClass}>
                <ul className="space-y-0.5 text-xs">
                  {e.changes.map((c) => (
                    <li key={c.field}>
                      <span className="text-slate-500">{FIELD_LABELS[c.field] ?? c.field}：</span>
                      {e.action === "CREATE" || e.action === "ISSUE" ? (
                        formatAuditValue(c.field, c.after)
                      ) : (
                        <>
                          <span className="text-slate-500 line-through">{formatAuditValue(c.field, c.before)}</span> →{" "}
                          {formatAuditValue(c.field, c.after)}
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
