"use client";

import { useState } from "react";
import { trainClassifierAction } from "@/app/(staff)/admin/classifier/actions";
import type { TrainingReport } from "@/lib/dal/classifier/training";
import { percent } from "./classifier-format";
import { FormMessage, primaryButton } from "./ui";
import { useAdminAction } from "./use-admin-action";

/** 立即训练: the same training as the nightly job, started now; its report stays on the page. */
export function TrainButton() {
  const action = useAdminAction();
  const [report, setReport] = useState<TrainingReport | null>(null);
  return (
    <div className="space-y-2" data-testid="train">
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          disabled={action.pending}
          onClick={() => {
            setReport(null);
            action.run(() => trainClassifierAction(), (r) => void setReport(r));
          }}
          className={primaryButton}
        >
          {action.pending ? "训练中…" : "立即训练"}
        </button>
        <span className="text-sm text-slate-600" aria-live="polite">
          {action.pending ? "正在用本站已办结、导入和人工派单的工单训练新模型，约需十几秒，请稍候。" : "用本站已办结、导入和人工派单的工单训练新模型；只有优于当前模型时才会启用。"}
        </span>
      </div>
      <FormMessage notice={action.notice} />
      {report && (
        <div role="status" className={`rounded-lg px-3 py-2 text-sm ${report.activated ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900"}`} data-testid="train-report">
          <p className="font-semibold">
            已训练 v{report.version}：{report.verdict}
          </p>
          <p className="mt-1">
            训练工单 {report.tickets} 件，留出评估 {report.heldOut} 件；首选准确率 {percent(report.evaluation.top1)}（当前模型 v{report.baseline.version}：
            {percent(report.baseline.evaluation.top1)}），前两位准确率 {percent(report.evaluation.top2)}（{percent(report.baseline.evaluation.top2)}）。
          </p>
        </div>
      )}
    </div>
  );
}
