import type { Metadata } from "next";
import Link from "@/components/link";
import { redirect } from "next/navigation";
import { TicketTable, type SortLink } from "@/components/ticket-table";
import { BulkBar } from "@/components/workbench/bulk-bar";
import { CollapsibleFilters } from "@/components/workbench/collapsible-filters";
import { FilterForm } from "@/components/workbench/filter-form";
import { TabBar } from "@/components/workbench/tab-bar";
import { homePathFor } from "@/lib/auth/home";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { reference } from "@/lib/dal/reference";
import { withNewMarks } from "@/lib/dal/ticket-opened";
import { workbenchQueue } from "@/lib/dal/workbench";
import { bulkAssignOptions } from "@/lib/dal/workbench-bulk";
import { localDateOf } from "@/lib/domain/local-time";
import { TEXT_SEARCH_WINDOW } from "@/lib/domain/ticket-search";
import { bulkAct } from "./actions";
import { BULK_FORM_ID } from "@/lib/validation/workbench-bulk";
import { WORKBENCH_TAB_LABELS, workbenchQuerySchema, type WorkbenchQuery, type WorkbenchTab } from "@/lib/validation/workbench";

export const metadata: Metadata = { title: "工作台" };

/** The list's URL with `change` applied; the landing tab and page 1 are left out. */
function href(
  query: WorkbenchQuery,
  change: Partial<Record<keyof WorkbenchQuery, string | number | undefined>>,
  landingTab: WorkbenchTab,
): string {
  const merged: Record<string, string | number | undefined> = { ...query, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === "" || (key === "page" && value === 1) || (key === "tab" && value === landingTab)) continue;
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
  const landing = result.tabs[0]!;
  const link = (change: Parameters<typeof href>[1]) => href(current, change, landing);
  // Clicking the sorted column turns its direction; another column starts ascending.
  const sortLink: SortLink = (column) => {
    const direction = query.sort === column ? (query.dir ?? "asc") : null;
    return { href: link({ sort: column, dir: direction === "asc" ? "desc" : "asc", page: undefined }), direction };
  };
  const bulk = can(actor.role, "ticket:handle");
  const assign = bulk ? await bulkAssignOptions(actor) : null;
  const filtering = Boolean(query.q || query.status || query.category || query.unit || query.from || query.to);

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
          hrefFor={(tab: WorkbenchTab) => link({ tab, page: undefined })}
        />
        <CollapsibleFilters active={filtering}>
          <FilterForm tab={result.tab} query={query} units={units} />
        </CollapsibleFilters>
        {!parsed.success && (
          <p className="text-sm text-red-600" role="alert" data-testid="filter-error">
            筛选条件无效（{parsed.error.issues.map((issue) => issue.message).join("；")}），已显示默认列表。
          </p>
        )}
        <div className="flex items-baseline justify-between">
          <h2 className="text-lg font-semibold">{heading}</h2>
          <span className="flex items-baseline gap-3 text-sm text-slate-500">
            <span data-testid="ticket-total">
              共 {result.total}
              {result.totalCapped && "+"} 件{result.totalCapped && "，请缩小搜索范围"}
            </span>
            {result.total > 0 && (
              // A plain link: the browser downloads the file (same query, all pages, capped).
              <a href={`/workbench/export${link({ page: undefined })}`} className="text-brand-600 hover:underline" data-testid="export-xlsx">
                导出 Excel
              </a>
            )}
          </span>
        </div>
        {result.searchedSince && (
          <p className="text-sm text-amber-700" data-testid="search-window">
            文字搜索只查找了最近受理的 {TEXT_SEARCH_WINDOW.toLocaleString("zh-CN")} 件工单（{localDateOf(result.searchedSince)}{" "}
            以来）。更早的工单请设置受理日期，或用工单编号、来电号码查找。
          </p>
        )}
        {bulk && result.items.length > 0 && <BulkBar action={bulkAct} assign={assign} />}
        <TicketTable
          items={await withNewMarks(actor, result.items)}
          hideOwner={!allUnits}
          selectForm={bulk ? BULK_FORM_ID : undefined}
          sortLink={sortLink}
        />
        {pages > 1 && (
          <nav className="flex items-center justify-end gap-3 text-sm" aria-label="分页">
            {result.page > 1 && <Link href={link({ page: result.page - 1 })}>上一页</Link>}
            <span>
              第 {result.page} / {pages} 页
            </span>
            {result.page < pages && <Link href={link({ page: result.page + 1 })}>下一页</Link>}
          </nav>
        )}
      </section>
    </div>
  );
}
