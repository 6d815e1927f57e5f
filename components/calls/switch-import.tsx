"use client";

import { useActionState } from "react";
import { importSwitchAction, type SwitchImportState } from "@/app/(staff)/calls/actions";

/** 导入交换机话务统计: the switch's hourly export; all rows stored or none, problems by line. */
export function SwitchImport({ maxBytes }: { maxBytes: number }) {
  const [state, formAction, pending] = useActionState<SwitchImportState, FormData>(importSwitchAction, { status: "idle" });
  return (
    <form action={formAction} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 text-sm">
      <h2 className="font-semibold">导入交换机话务统计</h2>
      <p className="text-slate-600">
        每小时一行：<code>时段</code>（如 2026-11-30 09:00）、<code>坐席工号</code>（空为全中心）、<code>呼入量</code>、<code>接通量</code>、<code>放弃量</code>；.csv
        或 .xlsx，不超过 {maxBytes / 1024 / 1024} MB。同一时段、同一坐席再次导入会覆盖原数据。坐席工号与用户名相同的，计入该坐席的接通率。
      </p>
      <input type="file" name="file" accept=".csv,.xlsx" required aria-label="交换机统计文件" data-testid="switch-file" className="block w-full text-sm" />
      <button type="submit" disabled={pending} className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "正在导入…" : "导入"}
      </button>
      {state.status === "done" && (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-emerald-800" data-testid="switch-import-done">
          已导入「{state.fileName}」：{state.rows} 行，{state.hours} 个小时{state.agents > 0 ? `，${state.agents} 名坐席` : ""}。
        </p>
      )}
      {state.status === "failed" && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-red-700">
          {state.message}
        </p>
      )}
      {state.status === "invalid" && (
        <div role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-red-700" data-testid="switch-import-problems">
          <p>「{state.fileName}」有错误，未导入任何数据。请改正后重新导入：</p>
          <ul className="mt-1 list-disc pl-5">
            {state.problems.map((p) => (
              <li key={`${p.line}-${p.message}`}>
                第 {p.line} 行：{p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
