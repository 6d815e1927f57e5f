// The list of classifier models, newest first; a row links to its evaluation.
import Link from "@/components/link";
import { TRIGGER_LABELS, type ModelSummary } from "@/lib/dal/classifier/models";
import { formatLocalDateTime } from "@/lib/domain/local-time";
import { percent } from "./classifier-format";
import { ActiveBadge, tableClass, tdClass, thClass, theadClass } from "./ui";

export function ClassifierModels({ models, chosen }: { models: ModelSummary[]; chosen: number | null }) {
  return (
    <div className="overflow-x-auto">
      <table className={tableClass} data-testid="model-list">
        <thead className={theadClass}>
          <tr>
            <th className={thClass}>版本</th>
            <th className={thClass}>训练时间</th>
            <th className={thClass}>方式</th>
            <th className={`${thClass} text-right`}>训练工单</th>
            <th className={`${thClass} text-right`}>评估工单</th>
            <th className={`${thClass} text-right`}>首选准确率</th>
            <th className={`${thClass} text-right`}>前两位准确率</th>
            <th className={thClass}>状态</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {models.map((m) => (
            <tr key={m.version} data-testid="model-row" className={m.version === chosen ? "bg-brand-50" : undefined}>
              <td className={tdClass}>
                <Link href={`/admin/classifier?version=${m.version}`} aria-current={m.version === chosen ? "true" : undefined} className="font-semibold text-brand-700 hover:underline">
                  v{m.version}
                </Link>
              </td>
              <td className={`${tdClass} whitespace-nowrap`}>{formatLocalDateTime(m.createdAt)}</td>
              <td className={tdClass}>{TRIGGER_LABELS[m.trigger] ?? m.trigger}</td>
              <td className={`${tdClass} text-right tabular-nums`}>{m.tickets}</td>
              <td className={`${tdClass} text-right tabular-nums`}>{m.heldOut}</td>
              <td className={`${tdClass} text-right tabular-nums`}>{percent(m.evaluation.top1)}</td>
              <td className={`${tdClass} text-right tabular-nums`}>{percent(m.evaluation.top2)}</td>
              <td className={tdClass}>{m.active ? <ActiveBadge active on="使用中" /> : <span className="text-xs text-slate-500">{m.activatedAt ? "曾启用" : "未启用"}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
