import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound, redirect } from "next/navigation";
import { CitizenTicketView } from "@/components/citizen-ticket";
import { FollowUpPanel } from "@/components/follow-up-panel";
import { currentActor } from "@/lib/auth/session";
import { myTicket } from "@/lib/dal/citizen-ticket";
import { NotFound } from "@/lib/errors";
import { remindMine, supplementMine } from "./actions";

export const metadata: Metadata = { title: "诉求详情" };

export default async function MyTicketPage({ params }: { params: Promise<{ no: string }> }) {
  const { no } = await params;
  const actor = await currentActor();
  if (!actor) redirect(`/login?callbackUrl=/my/${encodeURIComponent(no)}`);
  if (actor.role !== "CITIZEN") redirect(`/tickets/${encodeURIComponent(no)}`);
  const ticket = await myTicket(actor, no).catch((error) => {
    if (error instanceof NotFound) notFound();
    throw error;
  });

  return (
    <div className="space-y-4">
      <Link href="/my" className="text-sm text-brand-700 underline">
        ← 我的诉求
      </Link>
      <CitizenTicketView ticket={ticket}>
        {ticket.canEvaluate && (
          <Link href={`/my/${ticket.no}/evaluate`} className="inline-block rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white" data-testid="evaluate-link">
            评价办理结果
          </Link>
        )}
        <FollowUpPanel
          canRemind={ticket.canRemind}
          canSupplement={ticket.canSupplement}
          remind={remindMine.bind(null, ticket.no)}
          supplement={supplementMine.bind(null, ticket.no)}
        />
      </CitizenTicketView>
    </div>
  );
}
