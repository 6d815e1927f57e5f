"use client";

// 整年导入: paste the State Council notice (or a list of dates, or open a .csv / .txt file), see
// what will be saved, then save the year in one go. The preview runs the server's own parser
// (lib/domain/holiday-notice.ts), so what is shown is what is stored.
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { replaceCalendarYearAction } from "@/app/(staff)/admin/calendar/actions";
import { dayOfWeek } from "@/lib/domain/local-time";
import { parseHolidayList } from "@/lib/domain/holiday-notice";
import { CALENDAR_KIND_LABELS } from "@/lib/validation/admin";
import { adminInput, FormMessage, primaryButton, secondaryButton, tableClass, tdClass, thClass, theadClass } from "./ui";
import { useAdminAction } from "./use-admin-action";

const WEEKDAYS = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

export function CalendarImport({ year, registered }: { year: number; registered: number }) {
  const router = useRouter();
  const save = useAdminAction();
  const [text, setText] = useState("");
  const [previewing, setPreviewing] = useState(false);
  const list = useMemo(() => (previewing ? parseHolidayList(text, year) : null), [previewing, text, year]);

  async function openFile(file: File | undefined) {
    if (!file) return;
    setText(await file.text());
    setPreviewing(true);
  }

  function submit() {
    save.run(
      () => replaceCalendarYearAction({ year, text }),
      (saved) => {
        setText("");
        setPreviewing(false);
        router.push(`/admin/calendar?year=${saved.year}`);
        return `已保存 ${saved.year} 年：法定节假日 ${saved.holidays} 天、调休上班 ${saved.workdays} 天（替换原有 ${saved.replaced} 条）`;
      },
    );
  }

  return (
    <section className="space-y-3 rounded-2xl border border-slate-200 bg-white p-5" aria-labelledby="calendar-import-title">
      <h2 id="calendar-import-title" className="text-lg font-semibold">
        整年导入
      </h2>
      <p className="text-sm text-slate-600">
        粘贴国务院办公厅放假安排通知的正文（如「一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。」），或每行一个日期（如「2026-01-01,休,元旦」「2026-01-04,班」），也可以选择 .csv / .txt 文件。保存时替换该年已登记的全部日期。
      </p>
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">通知正文或日期列表</span>
        <textarea
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setPreviewing(false);
          }}
          rows={8}
          className={`${adminInput} font-mono`}
          data-testid="calendar-import-text"
        />
      </label>
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">或选择文件</span>
        <input type="file" accept=".csv,.txt,text/plain,text/csv" onChange={(e) => void openFile(e.target.files?.[0])} className="text-sm" />
      </label>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={secondaryButton} disabled={!text.trim()} onClick={() => setPreviewing(true)}>
          预览
        </button>
      </div>
      {list && (
        <div className="space-y-2" data-testid="calendar-preview">
          {list.problems.length > 0 ? (
            <ul role="alert" className="list-disc rounded-lg bg-red-50 py-2 pr-3 pl-6 text-sm text-red-700">
              {list.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : (
            <p className="text-sm">
              将登记 <strong>{list.year} 年</strong>：法定节假日 {list.days.filter((d) => d.kind === "HOLIDAY").length} 天、调休上班{" "}
              {list.days.filter((d) => d.kind === "WORKDAY").length} 天{list.year === year && registered > 0 ? `，替换已登记的 ${registered} 条` : ""}。
            </p>
          )}
          {list.days.length > 0 && (
            <div className="max-h-80 overflow-auto rounded-xl border border-slate-200">
              <table className={tableClass}>
                <thead className={theadClass}>
                  <tr>
                    <th className={thClass}>日期</th>
                    <th className={thClass}>星期</th>
                    <th className={thClass}>类别</th>
                    <th className={thClass}>名称</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {list.days.map((d) => (
                    <tr key={d.date} data-testid="preview-row">
                      <td className={`${tdClass} font-mono`}>{d.date}</td>
                      <td className={tdClass}>{WEEKDAYS[dayOfWeek(d.date)]}</td>
                      <td className={tdClass}>{CALENDAR_KIND_LABELS[d.kind]}</td>
                      <td className={tdClass}>{d.name}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <button type="button" className={primaryButton} disabled={save.pending || list.problems.length > 0} onClick={submit}>
            保存 {list.year} 年
          </button>
        </div>
      )}
      <FormMessage notice={save.notice} />
    </section>
  );
}
