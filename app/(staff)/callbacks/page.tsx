import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { CallbackQueue } from "@/components/callback-queue";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { callbackQueue } from "@/lib/dal/evaluations";
import { reference } from "@/lib/dal/reference";

export const metadata: Metadata = { title: "回访" };

export default async function CallbacksPage() {
  const actor = await requirePageActor();
  if (!can(actor.role, "callback:record")) forbidden();
  const [items, ref] = await Promise.all([callbackQueue(actor), reference()]);
  return (
    <div className="space-y-4">
      <section className="rounded-2xl border border-slate-200 bg-white p-5">
        <h1 className="text-xl font-bold">回访</h1>
        <p className="mt-1 text-slate-600">
          已答复待评价的工单，按答复时间先后排列。电话回访后录入群众的评价；连续 {ref.settings.maxCallbackAttempts} 次未接通按未评价办结。
          <span className="ml-2 text-sm text-slate-500" data-testid="callback-count">
            共 {items.length} 件
          </span>
        </p>
      </section>
      <CallbackQueue items={items} maxAttempts={ref.settings.maxCallbackAttempts} />
    </div>
  );
}
