import type { Metadata } from "next";
import Link from "@/components/link";
import { CalendarEditor } from "@/components/admin/calendar-editor";
import { CalendarImport } from "@/components/admin/calendar-import";
import { listCalendarYear } from "@/lib/dal/admin/calendar";
import { localDateOf } from "@/lib/domain/local-time";
import { requireAdminPage } from "../require-admin-page";

export const metadata: Metadata = { title: "节假日日历" };

export default async function CalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireAdminPage();
  const thisYear = Number(localDateOf(new Date()).slice(0, 4));
  const asked = Number((await searchParams).year);
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const { days, years } = await listCalendarYear(actor, year);
  const tabs = [...new Set([...years, thisYear - 1, thisYear, thisYear + 1, year])].sort((a, b) => a - b);

  return (
    <div className="space-y-4">
      <section>
        <h1 className="text-xl font-bold">节假日日历</h1>
        <p className="mt-1 max-w-4xl text-sm text-slate-600">
          周一至周五为工作日、周六周日休息；这里登记的是例外：法定节假日（工作日放假）和调休上班日（周末上班）。按工作日计算的办结时限据此跳过或计入这些日子。
          每年国务院办公厅发布放假安排后，请在此补录次年的日期。
        </p>
      </section>
      <nav aria-label="年份" className="flex flex-wrap gap-1">
        {tabs.map((y) => (
          <Link
            key={y}
            href={`/admin/calendar?year=${y}`}
            aria-current={y === year ? "page" : undefined}
            className={`rounded-lg px-3 py-1.5 text-sm ${y === year ? "bg-brand-600 font-semibold text-white" : "border border-slate-300 bg-white hover:bg-slate-50"}`}
          >
            {y} 年
          </Link>
        ))}
      </nav>
      <CalendarEditor year={year} days={days} />
      <CalendarImport year={year} registered={days.length} />
    </div>
  );
}
