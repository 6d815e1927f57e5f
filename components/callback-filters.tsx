// The 回访 queue's filters: a plain GET form, so the URL says what the list shows and paging keeps it.
import Link from "@/components/link";
import { CodeOptions } from "@/components/code-options";
import { DateInput } from "@/components/date-input";
import { CALLBACK_ATTEMPT_FILTERS, type CallbackQuery } from "@/lib/validation/callbacks";

const control = "rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm";

export function CallbackFilters({ query, units }: { query: CallbackQuery; units: { code: string; name: string }[] }) {
  return (
    <form method="get" action="/callbacks" className="flex flex-wrap items-end gap-3 rounded-2xl border border-slate-200 bg-white p-4 text-sm" aria-label="筛选回访">
      <label className="flex flex-col gap-1">
        <span className="text-slate-600">承办单位</span>
        <select name="unit" defaultValue={query.unit ?? ""} className={control}>
          <CodeOptions options={units} blank="全部单位" />
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-slate-600">回访情况</span>
        <select name="attempts" defaultValue={query.attempts ?? ""} className={control}>
          <option value="">全部</option>
          {Object.entries(CALLBACK_ATTEMPT_FILTERS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-slate-600">答复日期从</span>
        <DateInput name="from" defaultValue={query.from ?? ""} className={control} />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-slate-600">至</span>
        <DateInput name="to" defaultValue={query.to ?? ""} className={control} />
      </label>
      <button type="submit" className="rounded-lg bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
        筛选
      </button>
      <Link href="/callbacks" className="py-1.5 text-brand-700 hover:underline">
        清除
      </Link>
    </form>
  );
}
