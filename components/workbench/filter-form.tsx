import { CodeOptions } from "@/components/code-options";
import { CATEGORY_CODES, CATEGORY_LABELS, STATUS_LABELS, TICKET_STATUSES } from "@/lib/domain/labels";
import type { WorkbenchQuery, WorkbenchTab } from "@/lib/validation/workbench";

/** GET form: category, status, unit (all-units roles), 受理日期, and the search box. Keeps the tab and sort. */
export function FilterForm({
  tab,
  query,
  units,
}: {
  tab: WorkbenchTab;
  query: WorkbenchQuery;
  units: { code: string; name: string }[] | null;
}) {
  const select = "rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm";
  return (
    <form method="get" className="flex flex-wrap items-end gap-2" role="search" aria-label="筛选工单">
      <input type="hidden" name="tab" value={tab} />
      {query.sort && <input type="hidden" name="sort" value={query.sort} />}
      {query.dir && <input type="hidden" name="dir" value={query.dir} />}
      <label className="flex flex-col text-xs text-slate-500">
        分类
        <select name="category" defaultValue={query.category ?? ""} className={select}>
          <option value="">全部分类</option>
          {CATEGORY_CODES.map((code) => (
            <option key={code} value={code}>
              {CATEGORY_LABELS[code]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-xs text-slate-500">
        状态
        <select name="status" defaultValue={query.status ?? ""} className={select}>
          <option value="">全部状态</option>
          {TICKET_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      {units && (
        <label className="flex flex-col text-xs text-slate-500">
          承办单位
          <select name="unit" defaultValue={query.unit ?? ""} className={select}>
            <CodeOptions options={units} blank="全部单位" />
          </select>
        </label>
      )}
      <label className="flex flex-col text-xs text-slate-500">
        受理日期 从
        <input type="date" name="from" defaultValue={query.from ?? ""} className={select} />
      </label>
      <label className="flex flex-col text-xs text-slate-500">
        到
        <input type="date" name="to" defaultValue={query.to ?? ""} className={select} />
      </label>
      <label className="flex w-full flex-col text-xs text-slate-500 sm:w-auto">
        搜索
        <input
          type="search"
          name="q"
          defaultValue={query.q ?? ""}
          placeholder="工单编号、电话或标题/地点"
          className="w-full rounded-lg sm:w-64 border border-slate-300 px-2 py-1.5 text-sm"
        />
      </label>
      <button type="submit" className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm text-white hover:bg-brand-700">
        查询
      </button>
    </form>
  );
}
