import Link from "next/link";
import { DeadlineBadge } from "@/components/deadline-badge";
import { StatusBadge } from "@/components/status-badge";
import type { TicketListItem } from "@/lib/dal/ticket-view";
import { CATEGORY_LABELS, TYPE_LABELS } from "@/lib/domain/labels";
import type { DeadlineFlag } from "@/lib/domain/overdue";
import { formatDateTime } from "@/lib/format";
import type { WorkbenchSort } from "@/lib/validation/workbench";

export type TicketTableRow = Pick<
  TicketListItem,
  "no" | "title" | "type" | "status" | "ownerUnitName" | "supervised" | "receivedAt" | "escalationAt" | "dueAt"
> & {
  category: string;
  /** The worst of the ticket's deadline flags (workbench), shown as 临期 / 超期. */
  deadline?: DeadlineFlag;
  /** Arrived for this user and not opened yet (lib/dal/ticket-opened.ts), shown as 新. */
  isNew?: boolean;
  /** The version the row was read at, for bulk steps (workbench). */
  version?: number;
};

/** A sortable header: where clicking it leads, and the direction the list is sorted by it now. */
export type SortLink = (column: WorkbenchSort) => { href: string; direction: "asc" | "desc" | null };

type Options = {
  /** A brigade-bound officer sees only the unit's own tickets: the 承办单位 column says nothing. */
  hideOwner?: boolean;
  /** Id of the bulk form the rows' checkboxes belong to (workbench); no checkboxes without it. */
  selectForm?: string;
  sortLink?: SortLink;
};

// Cell classes. Under the sm breakpoint every row is a card (a wrapped flex line: number and
// status, then the title, then the deadline), so a 390 px phone shows status and deadline without
// sideways scrolling; from sm up it is the ordinary table. One DOM for both, no duplicate rows.
const CELL = "sm:table-cell sm:px-3 sm:py-2";
const WIDE_ONLY = "hidden sm:table-cell sm:px-3 sm:py-2";

function Header({ label, column, sortLink }: { label: string; column?: WorkbenchSort; sortLink?: SortLink }) {
  if (!column || !sortLink) return <th className="px-3 py-2 font-medium">{label}</th>;
  const { href, direction } = sortLink(column);
  return (
    <th className="px-3 py-2 font-medium" aria-sort={direction === "asc" ? "ascending" : direction === "desc" ? "descending" : undefined}>
      <Link href={href} className="hover:text-slate-900 hover:underline" data-testid={`sort-${column}`}>
        {label}
        {direction && <span aria-hidden>{direction === "asc" ? " ↑" : " ↓"}</span>}
      </Link>
    </th>
  );
}

/** The one ticket list of the staff area: workbench queues, supervised tickets, drill-downs. */
export function TicketTable({ items, hideOwner = false, selectForm, sortLink }: { items: TicketTableRow[] } & Options) {
  if (items.length === 0) {
    return <p className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-slate-500">暂无工单</p>;
  }
  return (
    <div className="rounded-xl border border-slate-200 bg-white sm:overflow-x-auto">
      <table className="block w-full text-sm sm:table sm:min-w-full">
        <thead className="hidden bg-slate-50 text-left text-slate-500 sm:table-header-group">
          <tr>
            {selectForm && (
              <th className="px-3 py-2 font-medium">
                <span className="sr-only">选择</span>
              </th>
            )}
            <Header label="工单编号" column="no" sortLink={sortLink} />
            <Header label="标题" />
            <Header label="类型 / 分类" />
            {!hideOwner && <Header label="承办单位" />}
            <Header label="状态" column="status" sortLink={sortLink} />
            <Header label="受理时间" column="receivedAt" sortLink={sortLink} />
            <Header label="最近时限" column="escalationAt" sortLink={sortLink} />
            <Header label="办结时限" column="dueAt" sortLink={sortLink} />
          </tr>
        </thead>
        <tbody className="block divide-y divide-slate-100 sm:table-row-group">
          {items.map((t) => (
            <tr key={t.no} data-testid="ticket-row" className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3 hover:bg-slate-50 sm:table-row sm:p-0">
              {selectForm && (
                <td className={CELL}>
                  <input
                    type="checkbox"
                    form={selectForm}
                    name="ticket"
                    value={`${t.no}:${t.version ?? ""}`}
                    aria-label={`选择工单 ${t.no}`}
                    className="size-5 sm:size-4"
                  />
                </td>
              )}
              <td className={`font-mono ${CELL}`}>
                <Link href={`/tickets/${t.no}`} className="text-brand-600 hover:underline">
                  {t.no}
                </Link>
              </td>
              <td className={`order-2 w-full min-w-0 truncate sm:order-none sm:w-auto sm:max-w-xs ${CELL}`}>
                {t.isNew && (
                  <span data-testid="new-mark" className="mr-1 rounded bg-brand-700 px-1 text-xs text-white" title="新工单，尚未查看">
                    新
                  </span>
                )}
                {t.supervised && (
                  <span className="mr-1 rounded bg-red-600 px-1 text-xs text-white" title="督办">
                    督
                  </span>
                )}
                {t.title}
              </td>
              <td className={`whitespace-nowrap ${WIDE_ONLY}`}>
                {TYPE_LABELS[t.type]} · {CATEGORY_LABELS[t.category as keyof typeof CATEGORY_LABELS] ?? t.category}
              </td>
              {!hideOwner && (
                <td className={`whitespace-nowrap ${WIDE_ONLY}`} data-testid="ticket-owner">
                  {t.ownerUnitName ?? "待派单"}
                </td>
              )}
              <td className={`order-1 sm:order-none ${CELL}`} data-testid="ticket-status">
                <StatusBadge status={t.status} />
              </td>
              <td className={`whitespace-nowrap ${WIDE_ONLY}`}>{formatDateTime(t.receivedAt)}</td>
              <td className={`order-3 whitespace-nowrap sm:order-none ${CELL}`} data-testid="ticket-deadline">
                <span className="text-slate-500 sm:hidden">最近时限 </span>
                {formatDateTime(t.escalationAt)}
                {t.deadline && <DeadlineBadge flag={t.deadline} />}
              </td>
              <td className={`whitespace-nowrap ${WIDE_ONLY}`}>{formatDateTime(t.dueAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
