import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ReportPicker } from "@/components/reports/report-picker";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { reference } from "@/lib/dal/reference";
import { addLocalDays, localDateOf } from "@/lib/domain/local-time";
import { reportQuerySchema, type ReportQuery } from "@/lib/validation/reports";

export const metadata: Metadata = { title: "统计报表" };

/** Without a choice in the URL: the 月报 of last month, the one a monthly meeting asks for. */
function lastMonth(now: Date): ReportQuery {
  const firstOfThisMonth = `${localDateOf(now).slice(0, 7)}-01`;
  return { kind: "month", at: `${addLocalDays(firstOfThisMonth, -1).slice(0, 7)}-01` };
}

/** 统计报表: choose a 月报, 季报 or 年报 and open it as Excel or as a printable page. */
export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requirePageActor();
  if (!can(actor.role, "dashboard:view")) forbidden();
  const ref = await reference();
  const allUnits = can(actor.role, "metrics:read:all");
  const units = allUnits
    ? ref.units.filter((u) => u.active && u.kind !== "DISPATCH" && u.kind !== "DETACHMENT").map(({ code, name }) => ({ code, name }))
    : null;
  // A squadron's lead reads their brigade's figures (lib/dal/metrics/read.ts); name it so.
  const mine = actor.unitId ? ref.unitById.get(actor.unitId) : undefined;
  const ownUnit = mine?.kind === "SQUADRON" && mine.parentId ? ref.unitById.get(mine.parentId) : mine;
  const parsed = reportQuerySchema.safeParse(await searchParams);

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-bold">统计报表</h1>
        <p className="mt-1 text-sm text-slate-600">
          按受理时间统计所选月份、季度或年度的受理量和各项比率，每个比率同时列出分子和分母。Excel 含总体、按单位、按分类、按渠道、按月五张表，全支队报表另含话务、话务按日两张表；打印版供会议使用。
        </p>
      </div>
      <ReportPicker initial={parsed.success ? parsed.data : lastMonth(new Date())} units={units} ownUnitName={ownUnit?.name ?? null} />
    </div>
  );
}
