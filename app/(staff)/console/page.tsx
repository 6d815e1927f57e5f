import type { Metadata } from "next";
import { forbidden } from "next/navigation";
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
          待派单 <span className="text-sm font-normal text-slate-500" data-testid="pending-count">{pending.length} 件</span>
        </h2>
        <PendingQueue items={pending} brigades={brigades} categories={options.categories} />
      </aside>
    </div>
  );
}
