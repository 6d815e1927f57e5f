import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { HotIssueCard } from "@/components/hot-issues/hot-issue-card";
import { HotIssueFilters } from "@/components/hot-issues/hot-issue-filters";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { listHotIssues } from "@/lib/dal/hot-issues";
import { reference } from "@/lib/dal/reference";
import { HOT_ISSUE_MIN_TICKETS } from "@/lib/domain/duplicates";
import { HOT_ISSUE_REVIEW_FILTER_LABELS, hotIssuePageQuerySchema } from "@/lib/validation/hot-issues";
import { reviewHotIssueAction } from "./actions";

export const metadata: Metadata = { title: "集中反映" };

/** 集中反映 (DOMAIN.md §5): places reported again and again, for managers, dispatchers and leads. */
export default async function HotIssuesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requirePageActor();
  // For comfort only: listHotIssues checks again.
  const allUnits = can(actor.role, "metrics:read:all") || can(actor.role, "ticket:supervise");
  if (!allUnits && !(can(actor.role, "dashboard:view") && actor.unitId)) forbidden();
  const parsed = hotIssuePageQuerySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : hotIssuePageQuerySchema.parse({});
  const [result, ref] = await Promise.all([listHotIssues(actor, query), reference()]);
  const units = allUnits ? ref.units.filter((u) => u.active && u.kind === "BRIGADE").map(({ code, name }) => ({ code, name })) : null;
  const scope = allUnits ? (result.unit ? result.unit.name : "全部单位") : `${result.unit?.name ?? actor.unitName ?? "本单位"}承办的工单`;
  const current = { days: result.days, reviewed: result.reviewed, unit: query.unit };

  return (
    <div className="space-y-4">
      <section className="rounded-2xl border border-slate-200 bg-white p-5">
        <h1 className="text-xl font-bold">集中反映</h1>
        <p className="mt-1 text-slate-600">
          近 {result.days} 天内，同一地点（道路）同一分类的诉求达到 {HOT_ISSUE_MIN_TICKETS} 件及以上即列为集中反映（已并单、无效工单不计）。
          范围：{scope}。
          {can(actor.role, "ticket:supervise") ? "研判后请填写研判意见，意见将作为内部办理记录写入每件工单。" : "由支队领导研判。"}
        </p>
      </section>
      <HotIssueFilters query={current} counts={result.counts} units={units} />
      {!parsed.success && <p className="text-sm text-red-600">筛选条件无效，已显示全部集中反映。</p>}
      <div className="flex items-baseline justify-between">
        <h2 className="text-lg font-semibold">{HOT_ISSUE_REVIEW_FILTER_LABELS[result.reviewed]}</h2>
        <span className="text-sm text-slate-500" data-testid="hot-issue-total">
          共 {result.items.length} 处
        </span>
      </div>
      {result.items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-slate-500" data-testid="hot-issue-empty">
          近 {result.days} 天没有{result.reviewed === "all" ? "" : HOT_ISSUE_REVIEW_FILTER_LABELS[result.reviewed]}的集中反映
        </p>
      ) : (
        <div className="space-y-3">
          {result.items.map((item) => (
            <HotIssueCard
              key={`${item.category}-${item.placeKey}-${item.firstAt.getTime()}`}
              item={item}
              days={result.days}
              reviewAction={reviewHotIssueAction}
            />
          ))}
        </div>
      )}
    </div>
  );
}
