import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { StatusBadge } from "@/components/status-badge";
import { TicketTimeline } from "@/components/ticket-timeline";
import { currentActor } from "@/lib/auth/session";
import { getTicket } from "@/lib/dal/tickets";
import { NotFound } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "诉求详情" };

export default async function MyTicketPage({ params }: { params: Promise<{ no: string }> }) {
  const { no } = await params;
  const actor = await currentActor();
  if (!actor) redirect(`/login?callbackUrl=/my/${encodeURIComponent(no)}`);
  const ticket = await getTicket(actor, no).catch((error) => {
    if (error instanceof NotFound) notFound();
    throw error;
  });

  return (
    <div className="space-y-4">
      <div className="rounded-2xl border border-slate-200 bg-white p-5">
        <div className="flex items-center justify-between gap-2">
          <h1 className="text-xl font-bold">{ticket.title}</h1>
          <StatusBadge status={ticket.status} />
        </div>
        <p className="mt-1 font-mono text-sm text-slate-500">{ticket.no}</p>
        <p className="mt-3 whitespace-pre-wrap">{ticket.content}</p>
        <dl className="mt-4 grid grid-cols-2 gap-3 text-sm">
          <div>
            <dt className="text-slate-500">承办单位</dt>
            <dd>{ticket.ownerUnitName ?? "待派单"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">承诺办结时间</dt>
            <dd>{formatDateTime(ticket.deadlines.dueAt)}</dd>
          </div>
        </dl>
        {ticket.reply && (
          <div className="mt-4 rounded-lg bg-slate-50 p-3 text-sm">
            <p className="font-semibold">答复</p>
            <p className="whitespace-pre-wrap">{ticket.reply}</p>
          </div>
        )}
      </div>
      <div className="rounded-2xl border border-slate-200 bg-white p-5">
        <h2 className="mb-4 font-semibold">办理进度</h2>
        <TicketTimeline events={ticket.events} showVisibility={false} />
      </div>
    </div>
  );
}
