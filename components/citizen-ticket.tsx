import { StatusBadge } from "@/components/status-badge";
import { TicketTimeline } from "@/components/ticket-timeline";
import type { CitizenTicket } from "@/lib/dal/citizen-ticket";
import { SATISFACTION_LABELS } from "@/lib/domain/labels";
import { formatDateTime } from "@/lib/format";

/**
 * A citizen's own ticket, as 我的诉求 and the tracking page show it: their words and photos,
 * where it stands, the answer and their evaluation. `children` is what they can do now (催办,
 * 补充, 评价), above the timeline.
 */
export function CitizenTicketView({ ticket, children }: { ticket: CitizenTicket; children?: React.ReactNode }) {
  return (
    <section className="space-y-4 rounded-2xl border border-slate-200 bg-white p-5" data-testid="tracked-ticket">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-lg font-bold">{ticket.title}</h2>
        <StatusBadge status={ticket.status} />
      </div>
      {ticket.mergedInto && (
        <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-800">
          您反映的问题已并入工单 <span className="font-mono font-semibold">{ticket.mergedInto}</span> 一并办理。
        </p>
      )}
      <dl className="grid grid-cols-2 gap-3 text-sm">
        <div>
          <dt className="text-slate-500">工单编号</dt>
          <dd className="font-mono">{ticket.no}</dd>
        </div>
        <div>
          <dt className="text-slate-500">诉求分类</dt>
          <dd>{ticket.categoryName}</dd>
        </div>
        <div>
          <dt className="text-slate-500">承办单位</dt>
          <dd data-testid="tracked-unit">{ticket.ownerUnitName ?? "正在分派"}</dd>
        </div>
        {/* After closure the promise no longer matters: when it was closed does. */}
        {ticket.closedAt ? (
          <div>
            <dt className="text-slate-500">办结时间</dt>
            <dd data-testid="tracked-closed-at">{formatDateTime(ticket.closedAt)}</dd>
          </div>
        ) : (
          <div>
            <dt className="text-slate-500">承诺办结时间</dt>
            <dd>{formatDateTime(ticket.dueAt)}</dd>
          </div>
        )}
      </dl>
      <div className="text-sm">
        <p className="font-semibold">我反映的内容</p>
        <p className="whitespace-pre-wrap" data-testid="tracked-content">
          {ticket.content}
        </p>
      </div>
      {ticket.photos.length > 0 && (
        <ul className="flex flex-wrap gap-3" aria-label="我提交的照片">
          {ticket.photos.map((photo, i) => (
            <li key={photo.id}>
              <a href={photo.url} target="_blank" rel="noreferrer">
                {/* eslint-disable-next-line @next/next/no-img-element -- a private photo behind a session or signed link */}
                <img src={photo.url} alt={`我提交的照片 ${i + 1}`} className="size-24 rounded-lg border border-slate-200 object-cover" />
              </a>
            </li>
          ))}
        </ul>
      )}
      {ticket.reply && (
        <div className="rounded-lg bg-slate-50 p-3 text-sm">
          <p className="font-semibold">答复</p>
          <p className="whitespace-pre-wrap">{ticket.reply}</p>
        </div>
      )}
      {ticket.evaluation && (
        <div className="rounded-lg bg-slate-50 p-3 text-sm" data-testid="tracked-evaluation">
          <p className="font-semibold">我的评价</p>
          <p>
            {ticket.evaluation.resolved !== null && <>问题{ticket.evaluation.resolved ? "已解决" : "未解决"} · </>}
            {SATISFACTION_LABELS[ticket.evaluation.satisfaction]}
            <span className="ml-2 text-slate-500">{formatDateTime(ticket.evaluation.at)}</span>
          </p>
          {ticket.evaluation.comment && <p className="whitespace-pre-wrap">{ticket.evaluation.comment}</p>}
        </div>
      )}
      {children}
      <div>
        <h3 className="mb-3 font-semibold">办理进度</h3>
        <TicketTimeline events={ticket.events} showVisibility={false} />
      </div>
    </section>
  );
}
