import type { Metadata } from "next";
import Link from "@/components/link";
import { forbidden } from "next/navigation";
import { CallbackFilters } from "@/components/callback-filters";
import { CallbackQueue } from "@/components/callback-queue";
import { QueryErrors } from "@/components/dashboard/query-errors";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { callbackQueue } from "@/lib/dal/evaluations";
import { reference } from "@/lib/dal/reference";
import { Invalid } from "@/lib/errors";
import { callbackQuerySchema, callbacksHref } from "@/lib/validation/callbacks";
import { firstParams } from "@/lib/validation/dashboard";

export const metadata: Metadata = { title: "回访" };

export default async function CallbacksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  if (!can(actor.role, "callback:record")) forbidden();
  const back = { href: "/callbacks", label: "查看全部待回访" };
  const parsed = callbackQuerySchema.safeParse(firstParams(await searchParams));
  if (!parsed.success) return <QueryErrors title="回访" messages={parsed.error.issues.map((i) => i.message)} back={back} />;
  const query = parsed.data;
  const ref = await reference();
  let result;
  try {
    result = await callbackQueue(actor, query);
  } catch (error) {
    if (error instanceof Invalid) return <QueryErrors title="回访" messages={error.errors.map((e) => e.message)} back={back} />;
    throw error;
  }
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const units = ref.units.filter((u) => u.kind === "BRIGADE" && u.active).map(({ code, name }) => ({ code, name }));

  return (
    <div className="space-y-4">
      <section className="rounded-2xl border border-slate-200 bg-white p-5">
        <h1 className="text-xl font-bold">回访</h1>
        <p className="mt-1 text-slate-600">
          已答复待评价的工单，按答复时间先后排列。电话回访后录入群众的评价；连续 {ref.settings.maxCallbackAttempts} 次未接通按未评价办结。
          <span className="ml-2 text-sm text-slate-600" data-testid="callback-count">
            共 {result.total} 件
          </span>
        </p>
      </section>
      <CallbackFilters query={query} units={units} />
      <CallbackQueue items={result.items} maxAttempts={ref.settings.maxCallbackAttempts} />
      {pages > 1 && (
        <nav className="flex items-center justify-end gap-3 text-sm" aria-label="分页" data-testid="callback-pager">
          {result.page > 1 && <Link href={callbacksHref({ ...query, page: result.page - 1 })}>上一页</Link>}
          <span>
            第 {result.page} / {pages} 页
          </span>
          {result.page < pages && <Link href={callbacksHref({ ...query, page: result.page + 1 })}>下一页</Link>}
        </nav>
      )}
    </div>
  );
}
