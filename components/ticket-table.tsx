import Link from "@/components/link";
import { TicketRows, type ShownRow } from "@/components/ticket-rows";
import type { TicketListItem } from "@/lib/dal/ticket-view";
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

/** What a row shows, and nothing more: the rows' data travels with the page (TicketRows). */
function shownRow(t: TicketTableRow): ShownRow {
  return {
    no: t.no,
    version: t.version,
    title: t.title,
    type: t.type,
    category: t.category,
    status: t.status,
    ownerUnitName: t.ownerUnitName,
    supervised: t.supervised,
    received: formatDateTime(t.receivedAt),
    escalation: formatDateTime(t.escalationAt),
    due: formatDateTime(t.dueAt),
    deadline: t.deadline,
    isNew: t.isNew,
  };
}

/** A sortable header: where clicking it leads, and the direction the list is sorted by it now. */
export type SortLink = (column: WorkbenchSort) => { href: string; direction: "asc" | "desc" | null };

type Options = {
  /** A brigade-bound officer sees only the unit's own tickets: the 承办单位 column says nothing. */
  hideOwner?: boolean;
  /** Id of the bulk form the rows' checkboxes belong to (workbench); no checkboxes without it. */
  selectForm?: string;
  sortLink?: SortLink;
};

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

/**
 * The one ticket list of the staff area: workbench queues, supervised tickets, drill-downs. The
 * rows are drawn by a client component from their data (components/ticket-rows.tsx), so the page
 * carries 50 rows once as markup and once as compact data, not twice as markup (issue 15).
 */
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
        <TicketRows items={items.map(shownRow)} hideOwner={hideOwner} selectForm={selectForm} />
      </table>
    </div>
  );
}
