import Link from "@/components/link";
import { HOT_ISSUE_WINDOW_DAYS } from "@/lib/domain/duplicates";
import {
  HOT_ISSUE_REVIEW_FILTER_LABELS,
  HOT_ISSUE_REVIEW_FILTERS,
  HOT_ISSUE_WINDOWS,
  type HotIssueReviewFilter,
} from "@/lib/validation/hot-issues";

type Query = { days: number; reviewed: HotIssueReviewFilter; unit?: string };

/** The page's query string for `query` with `change`, leaving out the defaults. */
export function hotIssuesHref(query: Query, change: Partial<Query>): string {
  const merged = { ...query, ...change };
  const params = new URLSearchParams();
  if (merged.reviewed !== "all") params.set("reviewed", merged.reviewed);
  if (merged.days !== HOT_ISSUE_WINDOW_DAYS) params.set("days", String(merged.days));
  if (merged.unit) params.set("unit", merged.unit);
  const search = params.toString();
  return search ? `?${search}` : "?";
}

const pill = (active: boolean) =>
  `rounded-full border px-3 py-1 text-sm ${
    active ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
  }`;

/** 全部 / 未研判 / 已研判 with counts, the look-back window, and (all-units roles) the unit. */
export function HotIssueFilters({
  query,
  counts,
  units,
}: {
  query: Query;
  counts: Record<HotIssueReviewFilter, number>;
  units: { code: string; name: string }[] | null;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <nav className="flex flex-wrap gap-2" aria-label="研判状态">
        {HOT_ISSUE_REVIEW_FILTERS.map((f) => (
          <Link
            key={f}
            href={hotIssuesHref(query, { reviewed: f })}
            aria-current={f === query.reviewed ? "page" : undefined}
            className={pill(f === query.reviewed)}
            data-testid={`hot-issue-filter-${f}`}
          >
            {HOT_ISSUE_REVIEW_FILTER_LABELS[f]}
            <span className="ml-1.5 rounded-full bg-black/5 px-1.5 text-xs">{counts[f]}</span>
          </Link>
        ))}
      </nav>
      <div className="flex flex-wrap items-center gap-2">
        <nav className="flex gap-1" aria-label="统计时段">
          {HOT_ISSUE_WINDOWS.map((d) => (
            <Link
              key={d}
              href={hotIssuesHref(query, { days: d })}
              aria-current={d === query.days ? "page" : undefined}
              className={pill(d === query.days)}
              data-testid={`hot-issue-days-${d}`}
            >
              近 {d} 天
            </Link>
          ))}
        </nav>
        {units && (
          <form method="get" className="flex items-center gap-2" aria-label="按承办单位筛选">
            {query.reviewed !== "all" && <input type="hidden" name="reviewed" value={query.reviewed} />}
            {query.days !== HOT_ISSUE_WINDOW_DAYS && <input type="hidden" name="days" value={query.days} />}
            <select
              name="unit"
              defaultValue={query.unit ?? ""}
              aria-label="承办单位"
              className="rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm"
            >
              <option value="">全部单位</option>
              {units.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name}
                </option>
              ))}
            </select>
            <button type="submit" className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm text-white hover:bg-brand-700">
              筛选
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
