import { describeEvent } from "@/lib/domain/event-text";
import { eventLabel } from "@/lib/domain/events";
import { formatDateTime } from "@/lib/format";
import type { StepAttachment } from "@/lib/dal/ticket-view";

type TimelineEvent = {
  type: string;
  visibility: "PUBLIC" | "INTERNAL";
  at: Date | string;
  actor: string | null;
  unitName: string | null;
  payload: Record<string, unknown>;
  /** Photos and documents staff attached to the step (a citizen's view has public steps only). */
  attachments?: StepAttachment[];
};

function Attachments({ items }: { items: StepAttachment[] }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-3" aria-label="附件">
      {items.map((a) => (
        <li key={a.id} data-testid="step-attachment">
          {a.photo ? (
            <a href={a.url} target="_blank" rel="noreferrer" className="block text-center text-xs text-slate-600">
              {/* eslint-disable-next-line @next/next/no-img-element -- private, authorised file; not for the image optimiser */}
              <img src={a.url} alt={`${a.label ?? "照片"}：${a.name}`} className="h-24 w-auto rounded-lg border border-slate-200 object-cover" />
              {a.label ?? "照片"}
            </a>
          ) : (
            <a href={a.url} className="inline-flex items-center gap-1 rounded-lg border border-slate-300 px-2 py-1 text-sm text-brand-700 underline-offset-2 hover:underline">
              <span aria-hidden="true">📄</span>
              {a.name}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}

export function TicketTimeline({ events, showVisibility }: { events: TimelineEvent[]; showVisibility: boolean }) {
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5" aria-label="办理过程">
      {events.map((e, i) => {
        const text = describeEvent(e.type, e.payload);
        return (
          <li key={i} className="relative" data-testid="timeline-event">
            <span className="absolute top-1.5 -left-[25px] size-2.5 rounded-full bg-brand-600" />
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="font-semibold">{eventLabel(e.type)}</span>
              {showVisibility && (
                <span
                  className={`rounded px-1.5 text-xs ${e.visibility === "PUBLIC" ? "bg-emerald-50 text-emerald-700" : "bg-slate-100 text-slate-600"}`}
                >
                  {e.visibility === "PUBLIC" ? "公开" : "内部"}
                </span>
              )}
              <time className="text-slate-500">{formatDateTime(e.at)}</time>
              {(e.unitName || e.actor) && (
                <span className="text-slate-500">{[e.unitName, e.actor].filter(Boolean).join(" · ")}</span>
              )}
            </div>
            {text && <p className="mt-1 text-sm text-slate-700">{text}</p>}
            {e.attachments && e.attachments.length > 0 && <Attachments items={e.attachments} />}
          </li>
        );
      })}
    </ol>
  );
}
