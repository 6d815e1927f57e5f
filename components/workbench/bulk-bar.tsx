"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { Assignees } from "@/lib/dal/assignees";
import type { BulkOutcome } from "@/lib/dal/workbench-bulk";
import { BULK_FORM_ID } from "@/lib/validation/workbench-bulk";

type BulkAction = (previous: ActionResult<BulkOutcome[]> | null, formData: FormData) => Promise<ActionResult<BulkOutcome[]>>;

/**
 * 批量签收 / 指派: the rows' checkboxes belong to this form (form="workbench-bulk"). The answer
 * lists every ticket: done, or why not.
 */
export function BulkBar({ action, assign }: { action: BulkAction; assign: Assignees | null }) {
  const [result, submit, pending] = useActionState(action, null);
  const select = "rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm";
  const failed = result?.ok ? result.data.filter((o) => !o.ok) : [];
  const done = result?.ok ? result.data.length - failed.length : 0;

  function toggleAll(checked: boolean) {
    document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][form=${BULK_FORM_ID}]`).forEach((box) => (box.checked = checked));
  }

  return (
    <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-3">
      <form id={BULK_FORM_ID} action={submit} className="flex flex-wrap items-end gap-2" aria-label="批量处理勾选的工单">
        <label className="flex items-center gap-1.5 self-center text-sm">
          <input type="checkbox" className="size-4" onChange={(e) => toggleAll(e.currentTarget.checked)} data-testid="bulk-select-all" />
          全选本页
        </label>
        <label className="flex flex-col text-xs text-slate-500">
          批量操作
          <select name="action" className={select} defaultValue="sign">
            <option value="sign">签收</option>
            {assign && <option value="assign">指派</option>}
          </select>
        </label>
        {assign && (
          <>
            <label className="flex flex-col text-xs text-slate-500">
              承办民警（指派时）
              <select name="handler" className={select} defaultValue="">
                <option value="">不指定</option>
                {assign.officers.map((o) => (
                  <option key={o.username} value={o.username}>
                    {o.name}（{o.unitName}）· 在办 {o.openTickets} 件
                  </option>
                ))}
              </select>
            </label>
            {assign.squadrons.length > 0 && (
              <label className="flex flex-col text-xs text-slate-500">
                承办中队（指派时）
                <select name="squadron" className={select} defaultValue="">
                  <option value="">不指定</option>
                  {assign.squadrons.map((s) => (
                    <option key={s.code} value={s.code}>
                      {s.name} · 在办 {s.openTickets} 件
                    </option>
                  ))}
                </select>
              </label>
            )}
          </>
        )}
        <button type="submit" disabled={pending} className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? "处理中…" : "对勾选的工单执行"}
        </button>
      </form>
      {result && (
        <div role="status" data-testid="bulk-result" className="text-sm">
          {result.ok ? (
            <>
              <p>
                成功 {done} 件{failed.length > 0 && `，失败 ${failed.length} 件`}。
              </p>
              {failed.length > 0 && (
                <ul className="mt-1 list-disc pl-5 text-red-700">
                  {failed.map((o) => (
                    <li key={o.no}>
                      工单 {o.no}：{!o.ok && o.message}
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : (
            <p className="text-red-700">{result.errors.length > 0 ? result.errors.map((e) => e.message).join("；") : result.message}</p>
          )}
        </div>
      )}
    </div>
  );
}
