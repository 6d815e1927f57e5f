import type { Metadata } from "next";
import Link from "@/components/link";
import { forbidden } from "next/navigation";
import { QueryErrors } from "@/components/dashboard/query-errors";
import { DrilldownTable } from "@/components/dashboard/drilldown-table";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { drilldown } from "@/lib/dal/metrics/drilldown";
import { reference, unitNamesOf } from "@/lib/dal/reference";
import { UNASSIGNED_KEY } from "@/lib/domain/metrics";
import { kindOfPeriod } from "@/lib/domain/periods";
import { drilldownTitle } from "@/lib/reports/drilldown-list";
import { dashboardHref, drilldownExportHref, drilldownHref, firstParams, type DrillTarget } from "@/lib/validation/dashboard";
import { drilldownQuerySchema, type DrilldownQuery } from "@/lib/validation/metrics";
import { readOrExplain } from "../load";

export const metadata: Metadata = { title: "统计明细" };


/** Where the list is not the figure itself, say what it is instead. */
function listNote(query: DrilldownQuery, basicWeight: number): string | null {
  if (query.part !== "num") return null;
  if (query.metric === "avgHandlingHours") return "平均办理时长的分子是办理总时长（小时），下列为参与计算的已办结工单。";
  if (query.metric === "satisfactionRate" && basicWeight !== 1) return `基本满意按 ×${basicWeight} 计入分子，下列为全部满意与基本满意的工单。`;
  return null;
}

/** 下钻: the tickets behind one figure of the dashboard. */
export default async function DrilldownPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  if (!can(actor.role, "dashboard:view")) forbidden();
  const parsed = drilldownQuerySchema.safeParse(firstParams(await searchParams));
  const home = { href: "/dashboard", label: "返回领导驾驶舱" };
  if (!parsed.success) return <QueryErrors title="统计明细" messages={parsed.error.issues.map((i) => i.message)} back={home} />;
  const query = parsed.data;
  const { data: result, errors } = await readOrExplain(() => drilldown(actor, query));
  if (!result) return <QueryErrors title="统计明细" messages={errors} back={home} />;

  const ref = await reference();
  const unitNames = unitNamesOf(ref);
  const period = { from: query.from, to: query.to };
  const target: DrillTarget = { period, unit: query.unit, category: query.category, channel: query.channel, month: query.month, satisfaction: query.satisfaction };
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const pageHref = (page: number) => drilldownHref(target, query.metric, query.part, page);
  const backUnit = query.unit === UNASSIGNED_KEY ? undefined : query.unit;
  const note = listNote(query, ref.settings.satisfactionBasicWeight);

  return (
    <div className="space-y-4">
      <Link href={dashboardHref({ kind: kindOfPeriod(period), period, unit: backUnit })} className="text-sm text-brand-600 hover:underline" data-testid="back-to-dashboard">
        ← 返回领导驾驶舱
      </Link>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-bold" data-testid="drilldown-title">
          {drilldownTitle(actor, query, unitNames)}
        </h1>
        <span className="text-sm text-slate-600" data-testid="drilldown-total">
          共 {result.total} 件
        </span>
      </div>
      <div className="flex flex-wrap items-center gap-4 text-sm">
        {query.metric === "satisfactionRate" &&
          (query.satisfaction ? (
            <Link href={drilldownHref({ ...target, satisfaction: undefined }, query.metric, query.part)} className="text-brand-700 hover:underline">
              查看全部已评价工单
            </Link>
          ) : (
            <Link href={drilldownHref({ ...target, satisfaction: "UNSATISFIED" }, "satisfactionRate", "den")} className="text-red-700 hover:underline" data-testid="unsatisfied-link">
              只看不满意工单
            </Link>
          ))}
        <a href={drilldownExportHref(target, query.metric, query.part)} className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50" data-testid="drilldown-export" download>
          导出 Excel
        </a>
      </div>
      {note && <p className="text-sm text-slate-600">{note}</p>}
      <DrilldownTable rows={result.items} />
      {pages > 1 && (
        <nav className="flex items-center justify-end gap-3 text-sm" aria-label="分页">
          {result.page > 1 && <Link href={pageHref(result.page - 1)}>上一页</Link>}
          <span>
            第 {result.page} / {pages} 页
          </span>
          {result.page < pages && <Link href={pageHref(result.page + 1)}>下一页</Link>}
        </nav>
      )}
    </div>
  );
}
