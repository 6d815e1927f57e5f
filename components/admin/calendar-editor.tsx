"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { addCalendarDayAction, removeCalendarDayAction } from "@/app/(staff)/admin/calendar/actions";
import { DateInput } from "@/components/date-input";
import type { CalendarDayRow } from "@/lib/dal/admin/calendar";
import { CALENDAR_KIND_LABELS } from "@/lib/validation/admin";
import { adminInput, dangerButton, EmptyRow, Field, FormMessage, primaryButton, tableClass, tdClass, thClass, theadClass } from "./ui";
import { useAdminAction } from "./use-admin-action";

const WEEKDAYS = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

export function CalendarEditor({ year, days }: { year: number; days: CalendarDayRow[] }) {
  const router = useRouter();
  const add = useAdminAction();
  const remove = useAdminAction();
  const [kind, setKind] = useState<"HOLIDAY" | "WORKDAY">("HOLIDAY");
  const [formKey, setFormKey] = useState(0);

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const input = { date: String(form.get("date") ?? ""), kind, name: String(form.get("name") ?? "") };
    add.run(
      () => addCalendarDayAction(input),
      (day) => {
        setFormKey((k) => k + 1);
        // Show the year just edited, also when the date is in another year than the one shown.
        if (!day.date.startsWith(`${year}-`)) router.push(`/admin/calendar?year=${day.date.slice(0, 4)}`);
        return `已登记 ${day.date}（${WEEKDAYS[day.weekday]}）为${CALENDAR_KIND_LABELS[day.kind]}「${day.name}」`;
      },
    );
  }

  const months = new Map<string, CalendarDayRow[]>();
  for (const d of days) months.set(d.date.slice(5, 7), [...(months.get(d.date.slice(5, 7)) ?? []), d]);
  const holidays = days.filter((d) => d.kind === "HOLIDAY").length;

  return (
    <div className="grid gap-4 lg:grid-cols-[360px_minmax(0,1fr)]">
      <form key={formKey} onSubmit={submit} className="h-fit space-y-3 rounded-2xl border border-slate-200 bg-white p-5" noValidate>
        <h2 className="text-lg font-semibold">登记日期</h2>
        <Field label="日期" field="date" errors={add.errors}>
          <DateInput name="date" defaultValue={`${year}-01-01`} className={adminInput} />
        </Field>
        <fieldset className="text-sm">
          <legend className="mb-1 font-medium text-slate-700">类别</legend>
          {(["HOLIDAY", "WORKDAY"] as const).map((k) => (
            <label key={k} className="mr-4 inline-flex items-center gap-1.5">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {CALENDAR_KIND_LABELS[k]}
            </label>
          ))}
          <p className="mt-1 text-xs text-slate-500">
            {kind === "HOLIDAY" ? "工作日放假，时限不计这一天。" : "周六或周日上班，时限计入这一天。"}同一天只能是其中一种。
          </p>
          {add.errors.some((e) => e.field === "kind") && <p className="mt-1 text-sm text-red-700" data-testid="error-kind">{add.errors.find((e) => e.field === "kind")?.message}</p>}
        </fieldset>
        <Field label="名称" field="name" errors={add.errors} hint="例如 春节、国庆节、调休上班">
          <input name="name" defaultValue={kind === "WORKDAY" ? "调休上班" : ""} key={kind} className={adminInput} maxLength={20} />
        </Field>
        <FormMessage notice={add.notice} />
        <button type="submit" disabled={add.pending} className={primaryButton}>
          登记
        </button>
      </form>

      <section className="space-y-2">
        <div className="flex items-baseline justify-between">
          <h2 className="text-lg font-semibold">{year} 年</h2>
          <span className="text-sm text-slate-500">
            法定节假日 {holidays} 天 · 调休上班 {days.length - holidays} 天
          </span>
        </div>
        <FormMessage notice={remove.notice} />
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className={tableClass}>
            <thead className={theadClass}>
              <tr>
                <th className={thClass}>日期</th>
                <th className={thClass}>星期</th>
                <th className={thClass}>类别</th>
                <th className={thClass}>名称</th>
                <th className={thClass}>操作</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {days.length === 0 && <EmptyRow colSpan={5}>{year} 年还没有登记节假日或调休，除周末外每天都按工作日计算</EmptyRow>}
              {[...months.entries()].map(([month, list]) =>
                list.map((d, i) => (
                  <tr key={d.date} data-testid="calendar-row" className={i === 0 ? "border-t-2 border-slate-200" : ""}>
                    <td className={`${tdClass} font-mono whitespace-nowrap`}>
                      {i === 0 && <span className="mr-2 font-sans text-xs text-slate-500">{Number(month)} 月</span>}
                      {d.date}
                    </td>
                    <td className={tdClass}>{WEEKDAYS[d.weekday]}</td>
                    <td className={tdClass}>
                      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${d.kind === "HOLIDAY" ? "bg-red-100 text-red-800" : "bg-sky-100 text-sky-800"}`}>
                        {d.kind === "HOLIDAY" ? "休" : "班"}
                      </span>{" "}
                      {CALENDAR_KIND_LABELS[d.kind]}
                    </td>
                    <td className={tdClass}>{d.name}</td>
                    <td className={tdClass}>
                      <button
                        type="button"
                        disabled={remove.pending}
                        className={dangerButton}
                        onClick={() => {
                          if (window.confirm(`删除 ${d.date}「${d.name}」？这一天将恢复为普通的${d.weekday === 0 || d.weekday === 6 ? "周末" : "工作日"}。`)) {
                            remove.run(() => removeCalendarDayAction(d.date), () => `已删除 ${d.date}「${d.name}」`);
                          }
                        }}
                      >
                        删除
                      </button>
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
