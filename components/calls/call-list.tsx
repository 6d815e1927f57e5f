// 话务记录: the day's calls, newest first, each with what came of it.
import Link from "@/components/link";
import type { CallListItem } from "@/lib/dal/calls";
import { CALL_CHANNEL_LABELS, CALL_OUTCOME_LABELS, formatCallDuration } from "@/lib/domain/calls";
import { CATEGORY_LABELS, type CategoryCode } from "@/lib/domain/labels";
import { formatLocalDateTime } from "@/lib/domain/local-time";

function Result({ call }: { call: CallListItem }) {
  if (call.outcome === "TICKET" && call.ticketNo) {
    return (
      <>
        转工单{" "}
        <Link href={`/tickets/${call.ticketNo}`} className="font-mono text-brand-600 hover:underline">
          {call.ticketNo}
        </Link>
        {call.mergedIntoNo && (
          <>
            {" "}
            并入{" "}
            <Link href={`/tickets/${call.mergedIntoNo}`} className="font-mono text-brand-600 hover:underline">
              {call.mergedIntoNo}
            </Link>
          </>
        )}
      </>
    );
  }
  if (call.outcome === "TRANSFERRED") return <>转接 {call.transferredTo}</>;
  return <>{CALL_OUTCOME_LABELS[call.outcome]}</>;
}

export function CallList({ calls }: { calls: CallListItem[] }) {
  if (calls.length === 0) return <p className="text-sm text-slate-500">这一天没有来电记录。</p>;
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white" tabIndex={0} role="region" aria-label="话务记录">
      <table className="min-w-full text-sm" data-testid="call-list">
        <thead className="bg-slate-50 text-left text-slate-500">
          <tr>
            <th className="px-3 py-2 font-medium">时间</th>
            <th className="px-3 py-2 font-medium">渠道</th>
            <th className="px-3 py-2 font-medium">来电号码</th>
            <th className="px-3 py-2 font-medium">坐席</th>
            <th className="px-3 py-2 font-medium">事项</th>
            <th className="px-3 py-2 font-medium">时长</th>
            <th className="px-3 py-2 font-medium">处理结果</th>
            <th className="px-3 py-2 font-medium">答复要点 / 说明</th>
          </tr>
        </thead>
        <tbody>
          {calls.map((c) => (
            <tr key={c.id} className="border-t border-slate-100 align-top" data-testid="call-row">
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">{formatLocalDateTime(c.startedAt).slice(11)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{CALL_CHANNEL_LABELS[c.channel]}</td>
              <td className="px-3 py-2 font-mono whitespace-nowrap">{c.callerPhone ?? "—"}</td>
              <td className="px-3 py-2 whitespace-nowrap">{c.agentName}</td>
              <td className="px-3 py-2 whitespace-nowrap">{c.categoryCode ? (CATEGORY_LABELS[c.categoryCode as CategoryCode] ?? c.categoryCode) : "—"}</td>
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">{formatCallDuration(c.durationSeconds)}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                <Result call={c} />
              </td>
              <td className="max-w-md px-3 py-2 text-slate-600">
                {c.knowledgeTitle && <span className="mr-1 rounded bg-sky-100 px-1 text-xs text-sky-800">知识库：{c.knowledgeTitle}</span>}
                {c.note}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
