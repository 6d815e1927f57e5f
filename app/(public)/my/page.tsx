import { homePathFor } from "@/lib/auth/home";
import type { Metadata } from "next";
import Link from "@/components/link";
import { redirect } from "next/navigation";
import { StatusBadge } from "@/components/status-badge";
import { currentActor } from "@/lib/auth/session";
import { evaluableTicketNos } from "@/lib/dal/citizen-ticket";
import { listTickets } from "@/lib/dal/tickets";
import { formatDateTime } from "@/lib/format";
import { ticketQuerySchema } from "@/lib/validation/ticket-query";

export const metadata: Metadata = { title: "我的诉求" };

export default async function MyTicketsPage() {
  const actor = await currentActor();
  if (!actor) redirect("/login?callbackUrl=/my");
  if (actor.role !== "CITIZEN") redirect(homePathFor(actor.role));
  const [{ items, total }, evaluable] = await Promise.all([
    listTickets(actor, ticketQuerySchema.parse({ pageSize: 200 })),
    evaluableTicketNos(actor),
  ]);

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">我的诉求</h1>
      <p className="text-sm text-slate-500" data-testid="ticket-total">
        共 {total} 件
      </p>
      <ul className="space-y-3">
        {items.map((t) => (
          <li key={t.no} data-testid="ticket-row" className="flex items-center gap-3 rounded-xl border border-slate-200 bg-white p-4 hover:border-brand-600">
            <Link href={`/my/${t.no}`} className="min-w-0 flex-1">
              <div className="flex items-center justify-between gap-2">
                <span className="font-semibold">{t.title}</span>
                <StatusBadge status={t.status} />
              </div>
              <p className="mt-1 text-sm text-slate-500">
                {t.no} · {formatDateTime(t.receivedAt)} · {t.ownerUnitName ?? "待派单"}
              </p>
            </Link>
            {evaluable.has(t.no) && (
              <Link href={`/my/${t.no}/evaluate`} className="shrink-0 rounded-lg bg-brand-600 px-3 py-2 text-sm font-semibold text-white">
                评价
              </Link>
            )}
          </li>
        ))}
      </ul>
      {items.length === 0 && <p className="text-slate-500">您还没有提交过诉求。</p>}
    </div>
  );
}
