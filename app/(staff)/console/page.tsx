import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import Link from "@/components/link";
import { IntakeConsole } from "@/components/console/intake-console";
import { PendingQueue } from "@/components/console/pending-queue";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { pendingQueue } from "@/lib/dal/callers";
import { intakeOptions, reference } from "@/lib/dal/reference";

export const metadata: Metadata = { title: "来电受理" };

export default async function ConsolePage() {
  const actor = await requirePageActor();
  if (!can(actor.role, "ticket:dispatch")) forbidden();
  const [options, pending, ref] = await Promise.all([intakeOptions(), pendingQueue(actor), reference()]);
  const brigades = ref.units.filter((u) => u.kind === "BRIGADE" && u.active).map((u) => ({ code: u.code, name: u.name }));
  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_420px]">
      <section>
        <h1 className="mb-4 text-xl font-bold">来电受理</h1>
        <IntakeConsole categories={options.categories} districts={options.districts} />
      </section>
      <aside>
        <h2 className="mb-3 text-lg font-semibold">
          待派单 <span className="text-sm font-normal text-slate-500" data-testid="pending-count">{pending.total} 件</span>
        </h2>
        <PendingQueue items={pending.items} brigades={brigades} categories={options.categories} />
        {pending.total > pending.items.length && (
          <p className="mt-3 text-sm text-slate-500">
            以上为最早的 {pending.items.length} 件，
            <Link href="/workbench?tab=all&status=PENDING" className="text-brand-600 hover:underline">
              在工作台查看全部待派单
            </Link>
          </p>
        )}
      </aside>
    </div>
  );
}
