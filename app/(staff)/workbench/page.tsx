import type { Metadata } from "next";
import Link from "next/link";
import { TicketTable } from "@/components/ticket-table";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { listTickets } from "@/lib/dal/tickets";
import { ticketQuerySchema } from "@/lib/validation/ticket-query";

export const metadata: Metadata = { title: "工作台" };

export default async function WorkbenchPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requirePageActor();
  const parsed = ticketQuerySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : ticketQuerySchema.parse({});
  const { items, total, page, pageSize } = await listTickets(actor, query);
  const scopeLabel = can(actor.role, "ticket:read:all") ? "全部工单" : `${actor.unitName ?? "本单位"}工单`;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <div className="space-y-4">
      <section className="rounded-2xl border border-slate-200 bg-white p-5">
        <h1 className="text-xl font-bold">工作台</h1>
        <p className="mt-1 text-slate-600" data-testid="whoami">
          {actor.displayName}（{ROLE_LABELS[actor.role]}）
          {actor.unitName && (
            <>
              · 所属单位：<span data-testid="my-unit">{actor.unitName}</span>
            </>
          )}
        </p>
      </section>
      <section className="space-y-3">
        <div className="flex items-baseline justify-between">
          <h2 className="text-lg font-semibold">{scopeLabel}</h2>
          <span className="text-sm text-slate-500" data-testid="ticket-total">
            共 {total} 件
          </span>
        </div>
        <TicketTable items={items} />
        {pages > 1 && (
          <nav className="flex items-center justify-end gap-3 text-sm" aria-label="分页">
            {page > 1 && <Link href={`?page=${page - 1}`}>上一页</Link>}
            <span>
              第 {page} / {pages} 页
            </span>
            {page < pages && <Link href={`?page=${page + 1}`}>下一页</Link>}
          </nav>
        )}
      </section>
    </div>
  );
}
