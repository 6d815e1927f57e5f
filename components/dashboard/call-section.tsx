// 话务 on the leaders' dashboard (issue 16): the hotline centre's calls in the dashboard's period.
import { CallCards } from "@/components/calls/call-figures";
import Link from "@/components/link";
import type { CallReport } from "@/lib/dal/call-report";

export function CallSection({ report }: { report: CallReport }) {
  const month = report.period.from.slice(0, 7);
  return (
    <section className="space-y-3 rounded-2xl border border-slate-200 bg-slate-50 p-4" aria-label="话务" data-testid="dashboard-calls">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">话务（热线坐席）</h2>
        <Link href={`/calls?month=${month}`} className="text-sm text-brand-600 hover:underline">
          按坐席、按日查看
        </Link>
      </div>
      <CallCards figures={report.centre} />
    </section>
  );
}
