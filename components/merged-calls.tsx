import type { MergedCall } from "@/lib/dal/merged-calls";
import { CHANNEL_LABELS } from "@/lib/domain/labels";
import { formatDateTime } from "@/lib/format";

/** 合并来电 on the master ticket: each repeat call with the caller's words and photos. */
export function MergedCalls({ calls }: { calls: MergedCall[] }) {
  if (calls.length === 0) return null;
  return (
    <div className="rounded-2xl border border-slate-200 bg-white p-5" data-testid="merged-calls">
      <h2 className="mb-3 font-semibold">合并来电（{calls.length}）</h2>
      <ul className="space-y-4">
        {calls.map((call) => (
          <li key={call.no} className="border-l-2 border-slate-200 pl-3" data-testid="merged-call">
            <p className="text-sm text-slate-500">
              <span className="font-mono">{call.no}</span> · {formatDateTime(call.receivedAt)} · {CHANNEL_LABELS[call.channel]}
              {call.place && <> · {call.place}</>}
            </p>
            <p className="mt-1 text-sm whitespace-pre-wrap">{call.content}</p>
            {call.photos.length > 0 && (
              <div className="mt-2 flex flex-wrap gap-2">
                {call.photos.map((p, i) => (
                  <a key={p.id} href={p.url} target="_blank" rel="noreferrer">
                    {/* eslint-disable-next-line @next/next/no-img-element -- private, authorised file; not for the image optimiser */}
                    <img
                      src={p.url}
                      alt={`来电 ${call.no} 的照片 ${i + 1}`}
                      data-testid="merged-call-photo"
                      className="h-24 w-auto rounded-lg border border-slate-200 object-cover"
                    />
                  </a>
                ))}
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
