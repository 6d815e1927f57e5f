"use client";

import { Fragment, useState } from "react";
import { saveTimeLimit } from "@/app/(staff)/admin/time-limits/actions";
import type { TimeLimitRow } from "@/lib/dal/admin/time-limits";
import { GRADE_LABELS, TYPE_LABELS, URGENCY_LABELS } from "@/lib/domain/labels";
import { formatDateTime } from "@/lib/format";
import type { TIME_LIMIT_MAXIMA } from "@/lib/validation/admin";
import { adminInput, Field, FormMessage, primaryButton, secondaryButton, tableClass, tdClass, thClass, theadClass } from "./ui";
import { useAdminAction } from "./use-admin-action";

type Maxima = typeof TIME_LIMIT_MAXIMA;

function appliesTo(p: TimeLimitRow): string {
  const parts = [
    p.type ? TYPE_LABELS[p.type] : null,
    p.urgency ? `${URGENCY_LABELS[p.urgency]}` : null,
    p.grade ? `难度：${GRADE_LABELS[p.grade]}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : "任意（兜底）";
}

const closeText = (p: { closeAmount: number; closeUnit: string }) =>
  `${p.closeAmount} ${p.closeUnit === "WORKING_DAYS" ? "个工作日" : "小时"}`;

export function TimeLimitTable({ policies, maxima }: { policies: TimeLimitRow[]; maxima: Maxima }) {
  const [editingId, setEditingId] = useState<string | null>(null);
  const now = policies[0]?.example.receivedAt;
  return (
    <div className="space-y-2">
      {now && <p className="text-sm text-slate-600">示例：假如现在（{formatDateTime(now)}）受理并派单，各时限截止于：</p>}
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className={tableClass}>
          <thead className={theadClass}>
            <tr>
              <th className={thClass}>名称</th>
              <th className={thClass}>适用于</th>
              <th className={thClass}>签收</th>
              <th className={thClass}>首次联系</th>
              <th className={thClass}>办结</th>
              <th className={thClass}>示例截止时间（现在受理）</th>
              <th className={thClass}>操作</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {policies.map((p) => (
              <Fragment key={p.id}>
                <tr data-testid="time-limit-row">
                  <td className={`${tdClass} font-medium`}>{p.name}</td>
                  <td className={tdClass}>{appliesTo(p)}</td>
                  <td className={tdClass}>{p.signHours} 小时</td>
                  <td className={tdClass}>{p.contactHours} 小时</td>
                  <td className={tdClass}>{closeText(p)}</td>
                  <td className={`${tdClass} text-xs whitespace-nowrap`} data-testid="time-limit-example">
                    签收 {formatDateTime(p.example.signDueAt)}
                    <br />
                    首次联系 {formatDateTime(p.example.contactDueAt)}
                    <br />
                    办结 {formatDateTime(p.example.dueAt)}
                  </td>
                  <td className={tdClass}>
                    <button type="button" className={secondaryButton} onClick={() => setEditingId(editingId === p.id ? null : p.id)}>
                      {editingId === p.id ? "收起" : "修改"}
                    </button>
                  </td>
                </tr>
                {editingId === p.id && (
                  <tr>
                    <td colSpan={7} className="bg-slate-50 px-3 py-3">
                      <TimeLimitForm policy={p} maxima={maxima} onDone={() => setEditingId(null)} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function TimeLimitForm({ policy, maxima, onDone }: { policy: TimeLimitRow; maxima: Maxima; onDone: () => void }) {
  const { pending, errors, notice, run } = useAdminAction();
  const [closeUnit, setCloseUnit] = useState(policy.closeUnit);

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formData = new FormData(e.currentTarget);
    const input = {
      name: String(formData.get("name") ?? ""),
      signHours: String(formData.get("signHours") ?? ""),
      contactHours: String(formData.get("contactHours") ?? ""),
      closeAmount: String(formData.get("closeAmount") ?? ""),
      closeUnit: String(formData.get("closeUnit") ?? ""),
    };
    run(() => saveTimeLimit(policy.id, input), () => {
      onDone();
    });
  }

  return (
    <form onSubmit={submit} className="space-y-3" noValidate aria-label={`修改时限「${policy.name}」`}>
      <div className="grid gap-3 sm:grid-cols-5">
        <Field label="名称" field="name" errors={errors}>
          <input name="name" defaultValue={policy.name} className={adminInput} maxLength={20} />
        </Field>
        <Field label="签收时限（小时）" field="signHours" errors={errors} hint={`1–${maxima.signHours}`}>
          <input name="signHours" defaultValue={policy.signHours} className={adminInput} inputMode="numeric" />
        </Field>
        <Field label="首次联系时限（小时）" field="contactHours" errors={errors} hint={`1–${maxima.contactHours}`}>
          <input name="contactHours" defaultValue={policy.contactHours} className={adminInput} inputMode="numeric" />
        </Field>
        <Field
          label="办结时限"
          field="closeAmount"
          errors={errors}
          hint={closeUnit === "WORKING_DAYS" ? `1–${maxima.closeWorkingDays} 个工作日` : `1–${maxima.closeClockHours} 小时`}
        >
          <input name="closeAmount" defaultValue={policy.closeAmount} className={adminInput} inputMode="numeric" />
        </Field>
        <Field label="办结时限单位" field="closeUnit" errors={errors}>
          <select name="closeUnit" value={closeUnit} onChange={(e) => setCloseUnit(e.target.value as typeof closeUnit)} className={adminInput}>
            <option value="WORKING_DAYS">工作日</option>
            <option value="CLOCK_HOURS">小时（自然时间）</option>
          </select>
        </Field>
      </div>
      <FormMessage notice={notice} />
      <div className="flex gap-3">
        <button type="submit" disabled={pending} className={primaryButton}>
          保存
        </button>
        <button type="button" onClick={onDone} className={secondaryButton}>
          取消
        </button>
      </div>
    </form>
  );
}
