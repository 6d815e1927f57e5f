import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { CallSection } from "@/components/dashboard/call-section";
import { CategorySection } from "@/components/dashboard/category-section";
import { ChannelSection } from "@/components/dashboard/channel-section";
import { DeadlineSection } from "@/components/dashboard/deadline-section";
import { KpiCards } from "@/components/dashboard/kpi-cards";
import { PeriodPicker } from "@/components/dashboard/period-picker";
import { QueryErrors } from "@/components/dashboard/query-errors";
import { RankingSection } from "@/components/dashboard/ranking-section";
import { breakdownRows } from "@/components/dashboard/rows";
import { TrendSection } from "@/components/dashboard/trend-section";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { callReport } from "@/lib/dal/call-report";
import { sharedDashboard } from "@/lib/dal/metrics/dashboard";
import { reference, unitNamesOf } from "@/lib/dal/reference";
import { localDateOf } from "@/lib/domain/local-time";
import { periodLabel } from "@/lib/domain/periods";
import { dashboardQuerySchema, type DrillTarget } from "@/lib/validation/dashboard";
import { readOrExplain } from "./load";

export const metadata: Metadata = { title: "领导驾驶舱" };

/** 领导驾驶舱: a manager reads every unit (or picks one), a lead their own unit. */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  if (!can(actor.role, "dashboard:view")) forbidden();
  const parsed = dashboardQuerySchema.safeParse(await searchParams);
  const back = { href: "/dashboard", label: "查看本年度驾驶舱" };
  if (!parsed.success) return <QueryErrors title="领导驾驶舱" messages={parsed.error.issues.map((i) => i.message)} back={back} />;
  const { data, errors } = await readOrExplain(() => sharedDashboard(actor, parsed.data));
  if (!data) return <QueryErrors title="领导驾驶舱" messages={errors} back={back} />;

  // The hotline centre answers for the whole detachment: its calls show beside all units' figures.
  const [ref, calls] = await Promise.all([reference(), can(actor.role, "call:read") && !data.unit ? callReport(actor, data.period) : null]);
  const unitNames = unitNamesOf(ref);
  const units = data.allUnits ? ref.units.filter((u) => u.kind === "BRIGADE" && u.active).map(({ code, name }) => ({ code, name })) : null;
  const base: DrillTarget = { period: data.period, unit: data.unit?.code };
  const rows = (groupBy: keyof typeof data.breakdowns) => breakdownRows(groupBy, data.breakdowns[groupBy], base, unitNames);
  const unitRows = rows("unit");

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h1 className="text-2xl font-bold">领导驾驶舱</h1>
        <span className="text-slate-500" data-testid="dashboard-scope">
          {data.unit?.name ?? "全部单位"} · {periodLabel(data.kind, data.period)}
        </span>
      </div>
      <PeriodPicker kind={data.kind} period={data.period} unit={parsed.data.unit} units={units} today={localDateOf(new Date())} />
      <KpiCards current={data.current} before={data.before} previousLabel={data.previousLabel} target={base} />
      <TrendSection rows={rows("month")} />
      <RankingSection
        rows={unitRows}
        singleTitle={data.unit ? (data.allUnits ? `${data.unit.name}指标` : "本单位指标") : undefined}
        standing={data.standing}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <CategorySection rows={rows("category")} />
        <ChannelSection rows={rows("channel")} />
      </div>
      <DeadlineSection rows={unitRows} />
      {calls && <CallSection report={calls} />}
    </div>
  );
}
