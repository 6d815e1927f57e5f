"use client";
// The rows of TicketTable (components/ticket-table.tsx). A client component for the weight of the
// page, not for interactivity: a server component's rows travel twice, as HTML and again as the
// React tree that hydrates it (≈ 2 KB a row); drawn here, the tree is replaced by the rows' data
// (≈ 0.3 KB a row). The cell classes live in app/globals.css (.ticket-row) for the same reason.
//
// Under the sm breakpoint every row is a card (a wrapped flex line: number and status, then the
// title, then the deadline), so a 390 px phone shows status and deadline without sideways
// scrolling; from sm up it is the ordinary table. One DOM for both, no duplicate rows.
import Link from "@/components/link";
import { DeadlineBadge } from "@/components/deadline-badge";
import { StatusBadge } from "@/components/status-badge";
import { CATEGORY_LABELS, TYPE_LABELS, type TicketStatus, type TicketType } from "@/lib/domain/labels";
import type { DeadlineFlag } from "@/lib/domain/overdue";

/** One row as shown, dates already written out (components/ticket-table.tsx). */
export type ShownRow = {
  no: string;
  version?: number;
  title: string;
  type: TicketType;
  category: string;
  status: TicketStatus;
  ownerUnitName: string | null;
  supervised: boolean;
  received: string;
  escalation: string;
  due: string;
  deadline?: DeadlineFlag;
  isNew?: boolean;
};

export function TicketRows({ items, hideOwner, selectForm }: { items: ShownRow[]; hideOwner: boolean; selectForm?: string }) {
  return (
    <tbody className="block divide-y divide-slate-100 sm:table-row-group">
      {items.map((t) => (
        <tr key={t.no} data-testid="ticket-row" className="ticket-row">
          {selectForm && (
            <td>
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
          <td className="font-mono">
            <Link href={`/tickets/${t.no}`} className="text-brand-600 hover:underline">
              {t.no}
            </Link>
          </td>
          <td className="title">
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
          <td className="wide">
            {TYPE_LABELS[t.type]} · {CATEGORY_LABELS[t.category as keyof typeof CATEGORY_LABELS] ?? t.category}
          </td>
          {!hideOwner && (
            <td className="wide" data-testid="ticket-owner">
              {t.ownerUnitName ?? "待派单"}
            </td>
          )}
          <td className="status" data-testid="ticket-status">
            <StatusBadge status={t.status} />
          </td>
          <td className="wide">{t.received}</td>
          <td className="deadline" data-testid="ticket-deadline">
            <span className="text-slate-500 sm:hidden">最近时限 </span>
            {t.escalation}
            {t.deadline && <DeadlineBadge flag={t.deadline} />}
          </td>
          <td className="wide">{t.due}</td>
        </tr>
      ))}
    </tbody>
  );
}
