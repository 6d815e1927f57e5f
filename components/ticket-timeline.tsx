import { describeEvent } from "@/lib/domain/event-text";
import { eventLabel } from "@/lib/domain/events";
import { formatDateTime } from "@/lib/format";

type TimelineEvent = {
  type: string;
  visibility: "PUBLIC" | "INTERNAL";
  at: Date | string;
  actor: string | null;
  unitName: string | null;
  payload: Record<string, unknown>;
};

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
          </li>
        );
      })}
    </ol>
  );
}
