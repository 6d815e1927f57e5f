import type { Metadata } from "next";
import { TimeLimitTable } from "@/components/admin/time-limit-table";
import { listTimeLimitPolicies } from "@/lib/dal/admin/time-limits";
import { TIME_LIMIT_MAXIMA } from "@/lib/validation/admin";
import { requireAdminPage } from "../require-admin-page";

export const metadata: Metadata = { title: "办理时限" };

export default async function TimeLimitsPage() {
  const actor = await requireAdminPage();
  const policies = await listTimeLimitPolicies(actor);
  return (
    <div className="space-y-4">
      <section>
        <h1 className="text-xl font-bold">办理时限</h1>
        <p className="mt-1 max-w-4xl text-sm text-slate-600">
          签收时限从派单起算，首次联系和办结时限从受理起算（接诉即办）。一张工单适用最具体的一条：难度等级优先于紧急程度，紧急程度优先于诉求类型；“任意”的一条兜底。
          按工作日计的时限跳过节假日、计入调休上班日（见节假日日历）。修改只影响此后受理的工单，已受理工单的时限不变。
        </p>
      </section>
      <TimeLimitTable policies={policies} maxima={TIME_LIMIT_MAXIMA} />
    </div>
  );
}
