import { STATUS_LABELS, type TicketStatus } from "@/lib/domain/labels";

const TONES: Record<TicketStatus, string> = {
  PENDING: "bg-amber-100 text-amber-800",
  DISPATCHED: "bg-sky-100 text-sky-800",
  IN_PROGRESS: "bg-blue-100 text-blue-800",
  REPLIED: "bg-violet-100 text-violet-800",
  CLOSED: "bg-emerald-100 text-emerald-800",
  MERGED: "bg-slate-200 text-slate-700",
  INVALID: "bg-slate-200 text-slate-700",
};

export function StatusBadge({ status }: { status: TicketStatus }) {
  return (
    <span className={`badge ${TONES[status]}`}>
      {STATUS_LABELS[status]}
    </span>
  );
}
