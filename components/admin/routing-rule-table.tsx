"use client";

import type { RoutingRuleRow } from "@/lib/dal/admin/routing-rules";
import { ActiveBadge, dangerButton, EmptyRow, FormMessage, secondaryButton, tableClass, tdClass, thClass, theadClass, type FormNotice } from "./ui";

export function RoutingRuleTable({
  rules,
  editingId,
  pending,
  notice,
  onEdit,
  onToggle,
}: {
  rules: RoutingRuleRow[];
  editingId: string | null;
  pending: boolean;
  notice: FormNotice;
  onEdit: (rule: RoutingRuleRow) => void;
  onToggle: (rule: RoutingRuleRow) => void;
}) {
  return (
    <section className="space-y-2">
      <div className="flex items-baseline justify-between">
        <h2 className="text-lg font-semibold">全部规则</h2>
        <span className="text-sm text-slate-500">
          共 {rules.length} 条，启用 {rules.filter((r) => r.active).length} 条
        </span>
      </div>
      <FormMessage notice={notice} />
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className={tableClass}>
          <thead className={theadClass}>
            <tr>
              <th className={thClass}>分类</th>
              <th className={thClass}>子分类</th>
              <th className={thClass}>辖区</th>
              <th className={thClass}>关键词</th>
              <th className={thClass}>承办单位</th>
              <th className={thClass}>优先级</th>
              <th className={thClass}>状态</th>
              <th className={thClass}>规则名称</th>
              <th className={thClass}>操作</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rules.length === 0 && <EmptyRow colSpan={9}>还没有分派规则，所有工单都将转人工派单</EmptyRow>}
            {rules.map((r) => (
              <tr key={r.id} data-testid="rule-row" className={r.id === editingId ? "bg-brand-50" : r.active ? "" : "text-slate-500"}>
                <td className={`${tdClass} whitespace-nowrap`}>{r.categoryName}</td>
                <td className={tdClass}>{r.subCategory ?? "不限"}</td>
                <td className={`${tdClass} whitespace-nowrap`}>{r.district ?? "不限"}</td>
                <td className={tdClass}>{r.keyword ?? "—"}</td>
                <td className={`${tdClass} whitespace-nowrap`}>
                  {r.unitName} <span className="text-xs text-slate-500">{r.unitCode}</span>
                </td>
                <td className={tdClass}>{r.priority}</td>
                <td className={tdClass}>
                  <ActiveBadge active={r.active} />
                </td>
                <td className={`${tdClass} text-xs text-slate-500`}>{r.name}</td>
                <td className={`${tdClass} whitespace-nowrap`}>
                  <div className="flex gap-2">
                    <button type="button" onClick={() => onEdit(r)} className={secondaryButton}>
                      编辑
                    </button>
                    <button type="button" disabled={pending} onClick={() => onToggle(r)} className={r.active ? dangerButton : secondaryButton}>
                      {r.active ? "停用" : "启用"}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
