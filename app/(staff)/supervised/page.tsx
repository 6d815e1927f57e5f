import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { TicketTable } from "@/components/ticket-table";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { listTickets } from "@/lib/dal/tickets";
import { ticketQuerySchema } from "@/lib/validation/ticket-query";

export const metadata: Metadata = { title: "督办工单" };

/** 督办: every ticket a manager has put under supervision, newest first. */
export default async function SupervisedPage() {
  const actor = await requirePageActor();
  if (!can(actor.role, "ticket:supervise")) forbidden();
  const { items, total } = await listTickets(actor, ticketQuerySchema.parse({ supervised: "1", pageSize: 200 }));
  return (
    <div className="space-y-4">
      <div className="flex items-baseline justify-between">
        <h1 className="text-xl font-bold">督办工单</h1>
        <span className="text-sm text-slate-500" data-testid="ticket-total">
          共 {total} 件
        </span>
      </div>
      <TicketTable items={items} />
    </div>
  );
}
