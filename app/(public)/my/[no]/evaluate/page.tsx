import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound, redirect } from "next/navigation";
import { EvaluationForm } from "@/components/evaluation-form";
import { currentActor } from "@/lib/auth/session";
import { myTicket } from "@/lib/dal/citizen-ticket";
import { NotFound } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { evaluateMine } from "../actions";

export const metadata: Metadata = { title: "办理结果评价" };

/** 评价 from 我的诉求: the same questions as the SMS link, for the ticket's own citizen. */
export default async function EvaluateMyTicketPage({ params }: { params: Promise<{ no: string }> }) {
  const { no } = await params;
  const actor = await currentActor();
  if (!actor) redirect(`/login?callbackUrl=/my/${encodeURIComponent(no)}/evaluate`);
  const ticket = await myTicket(actor, no).catch((error) => {
    if (error instanceof NotFound) notFound();
    throw error;
  });

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">办理结果评价</h1>
      <section className="space-y-3 rounded-2xl border border-slate-200 bg-white p-5" data-testid="evaluation-ticket">
        <p className="font-mono text-sm text-slate-500">{ticket.no}</p>
        <h2 className="text-lg font-semibold">{ticket.title}</h2>
        {ticket.reply && (
          <div className="rounded-lg bg-slate-50 p-3 text-sm">
            <p className="font-semibold">答复</p>
            <p className="whitespace-pre-wrap">{ticket.reply}</p>
          </div>
        )}
      </section>
      {ticket.canEvaluate ? (
        <EvaluationForm submit={evaluateMine.bind(null, ticket.no)} />
      ) : (
        <p role="status" className="rounded-2xl border border-amber-200 bg-amber-50 p-5 text-amber-900">
          {ticket.evaluation ? `您已于 ${formatDateTime(ticket.evaluation.at)} 评价过该诉求。` : "该诉求当前不在待评价状态。"}
          <Link href={`/my/${ticket.no}`} className="ml-2 underline">
            返回诉求详情
          </Link>
        </p>
      )}
    </div>
  );
}
