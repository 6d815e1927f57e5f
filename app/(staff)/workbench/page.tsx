import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { FilterForm } from "@/components/workbench/filter-form";
import { TicketTable } from "@/components/ticket-table";
import { TabBar } from "@/components/workbench/tab-bar";
import { homePathFor } from "@/lib/auth/home";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { reference } from "@/lib/dal/reference";
import { withNewMarks } from "@/lib/dal/ticket-opened";
import { workbenchQueue } from "@/lib/dal/workbench";
import { WORKBENCH_TAB_LABELS, workbenchQuerySchema, type WorkbenchQuery, type WorkbenchTab } from "@/lib/validation/workbench";

export const metadata: Metadata = { title: "工作台" };

function href(query: WorkbenchQuery, change: Partial<Record<keyof WorkbenchQuery, string | number | undefined>>): string {
  const merged: Record<string, string | number | undefined> = { ...query, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === "" || (key === "page" && value === 1) || (key === "tab" && value === "all")) continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : "?";
}

export default async function WorkbenchPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requirePageActor();
  // Citizens have 我的诉求 and ADMIN the administration pages, not a workbench.
  if (!can(actor.role, "ticket:read:all") && !can(actor.role, "ticket:read:unit")) redirect(homePathFor(actor.role));
  const parsed = workbenchQuerySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : workbenchQuerySchema.parse({});
  const result = await workbenchQueue(actor, query);
  const allUnits = can(actor.role, "ticket:read:all");
  const units = allUnits
    ? (await reference()).units.filter((u) => u.active && u.kind !== "DISPATCH" && u.kind !== "DETACHMENT").map(({ code, name }) => ({ code, name }))
    : null;
  const scopeLabel = allUnits ? (result.unit ? `${result.unit.name}工单` : "全部工单") : `${actor.unitName ?? "本单位"}工单`;
  const heading = result.tab === "all" ? scopeLabel : WORKBENCH_TAB_LABELS[result.tab];
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const current = { ...query, tab: result.tab };

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
        <TabBar
          tabs={result.tabs}
          current={result.tab}
          counts={result.counts}
          hrefFor={(tab: WorkbenchTab) => href(current, { tab, page: undefined })}
        />
        <FilterForm tab={result.tab} query={query} units={units} />
        {!parsed.success && <p className="text-sm text-red-600">筛选条件无效，已显示全部工单。</p>}
        <div className="flex items-baseline justify-between">
          <h2 className="text-lg font-semibold">{heading}</h2>
          <span className="text-sm text-slate-500" data-testid="ticket-total">
            共 {result.total} 件
          </span>
        </div>
        <TicketTable items={await withNewMarks(actor, result.items)} />
        {pages > 1 && (
          <nav className="flex items-center justify-end gap-3 text-sm" aria-label="分页">
            {result.page > 1 && <Link href={href(current, { page: result.page - 1 })}>上一页</Link>}
            <span>
              第 {result.page} / {pages} 页
            </span>
            {result.page < pages && <Link href={href(current, { page: result.page + 1 })}>下一页</Link>}
          </nav>
        )}
      </section>
    </div>
  );
}
