import Link from "@/components/link";
import { HotIssueReviewForm, type HotIssueReviewState } from "@/components/hot-issues/review-form";
import { StatusBadge } from "@/components/status-badge";
import type { HotIssueItem } from "@/lib/dal/hot-issues";
import { formatDateTime } from "@/lib/format";

/** One 集中反映: the place, its tickets (folded), and its 研判 state or the manager's form. */
export function HotIssueCard({
  item,
  days,
  reviewAction,
}: {
  item: HotIssueItem;
  days: number;
  reviewAction: (state: HotIssueReviewState, formData: FormData) => Promise<HotIssueReviewState>;
}) {
  const { review } = item;
  return (
    <article
      className={`rounded-2xl border bg-white p-4 ${review ? "border-slate-200" : "border-amber-300"}`}
      data-testid="hot-issue"
      data-place={item.place}
      data-category={item.category}
    >
      <header className="flex flex-wrap items-center gap-2">
        <h2 className="text-lg font-semibold">{item.place}</h2>
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{item.categoryName}</span>
        <span className="rounded-full bg-red-600 px-2 py-0.5 text-xs font-semibold text-white" data-testid="hot-issue-count">
          {item.ticketCount} 件
        </span>
        {!review && <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-800">未研判</span>}
      </header>
      <p className="mt-1 text-sm text-slate-600">
        {formatDateTime(item.firstAt)} 至 {formatDateTime(item.lastAt)}
        <span className="mx-2 text-slate-300">|</span>
        承办单位：{item.units.length ? item.units.map((u) => u.name).join("、") : "待派单"}
      </p>

      <details className="mt-2">
        <summary className="cursor-pointer text-sm text-brand-600">查看 {item.ticketCount} 件工单</summary>
        <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 text-sm">
          {item.tickets.map((t) => (
            <li key={t.no} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2" data-testid="hot-issue-ticket">
              <Link href={`/tickets/${t.no}`} className="font-mono text-brand-600 hover:underline">
                {t.no}
              </Link>
              <span className="min-w-0 flex-1 truncate">{t.title}</span>
              <StatusBadge status={t.status} />
              <span className="whitespace-nowrap text-slate-500">{formatDateTime(t.receivedAt)}</span>
              <span className="whitespace-nowrap text-slate-500">{t.ownerUnitName ?? "待派单"}</span>
            </li>
          ))}
        </ul>
      </details>

      {review && (
        <div className="mt-3 rounded-xl bg-emerald-50 p-3 text-sm text-emerald-900" data-testid="hot-issue-reviewed">
          <p className="font-medium">
            已研判 · {review.reviewedBy ?? "—"} · {formatDateTime(review.reviewedAt)}
            <span className="ml-2 font-normal text-emerald-800">（研判时 {review.ticketCount} 件）</span>
          </p>
          <p className="mt-1 whitespace-pre-line">{review.note}</p>
          {review.newSinceReview > 0 && (
            <p className="mt-1 text-amber-800" data-testid="hot-issue-new-since-review">
              研判后又新增 {review.newSinceReview} 件
            </p>
          )}
        </div>
      )}
      {item.canReview && (
        <HotIssueReviewForm
          action={reviewAction}
          placeKey={item.placeKey}
          category={item.category}
          firstAt={item.firstAt.toISOString()}
          days={days}
          again={!!review}
        />
      )}
      {!review && !item.canReview && <p className="mt-3 text-sm text-slate-500">待支队领导研判</p>}
    </article>
  );
}
