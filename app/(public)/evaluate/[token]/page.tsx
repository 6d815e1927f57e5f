import type { Metadata } from "next";
import Link from "@/components/link";
import { EvaluationForm } from "@/components/evaluation-form";
import { submitEvaluation } from "./actions";
import { evaluationByToken, type EvaluationTarget } from "@/lib/dal/evaluations";
import { NotFound } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "办理结果评价", robots: { index: false } };

export default async function EvaluatePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let target: EvaluationTarget;
  try {
    target = await evaluationByToken(token);
  } catch (error) {
    if (!(error instanceof NotFound)) throw error;
    return (
      <div className="space-y-4 rounded-2xl border border-amber-200 bg-amber-50 p-5" data-testid="evaluation-invalid" role="alert">
        <h1 className="text-xl font-bold text-amber-900">{error.message}</h1>
        <p className="text-amber-900">每个评价链接只能使用一次，答复后 7 天内有效。如已评价，无需再次提交；如有新的问题，请重新反映。</p>
        <Link href="/track" className="inline-block rounded-xl bg-brand-600 px-4 py-2 font-semibold text-white">
          查询办理进度
        </Link>
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">办理结果评价</h1>
      <section className="space-y-3 rounded-2xl border border-slate-200 bg-white p-5" data-testid="evaluation-ticket">
        <dl className="grid grid-cols-2 gap-3 text-sm">
          <div>
            <dt className="text-slate-500">工单编号</dt>
            <dd className="font-mono">{target.no}</dd>
          </div>
          <div>
            <dt className="text-slate-500">承办单位</dt>
            <dd>{target.ownerUnitName ?? "—"}</dd>
          </div>
        </dl>
        <h2 className="text-lg font-semibold">{target.title}</h2>
        {target.reply && (
          <div className="rounded-lg bg-slate-50 p-3 text-sm">
            <p className="font-semibold">答复{target.repliedAt && <span className="ml-2 font-normal text-slate-500">{formatDateTime(target.repliedAt)}</span>}</p>
            <p className="whitespace-pre-wrap">{target.reply}</p>
          </div>
        )}
      </section>
      <EvaluationForm submit={submitEvaluation.bind(null, token)} />
    </div>
  );
}
