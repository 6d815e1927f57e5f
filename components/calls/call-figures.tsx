// 话务报表 as the /calls page and the dashboard show it: every share with its numerator and
// denominator, 接通率 only where the switch reported (lib/domain/calls.ts).
import type { CallReport } from "@/lib/dal/call-report";
import { formatCallDuration, type CallFigures } from "@/lib/domain/calls";
import { CATEGORY_LABELS, type CategoryCode } from "@/lib/domain/labels";
import { formatPercent, type Rate } from "@/lib/domain/metrics";

export function averageText(r: Rate): string {
  return r.den === 0 ? "—" : formatCallDuration(r.num / r.den);
}

export function connectText(figures: CallFigures): string {
  return figures.connectRate ? formatPercent(figures.connectRate) : "—";
}

function Card({ label, value, detail, testId }: { label: string; value: string; detail: string; testId: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-3" data-testid={testId}>
      <p className="text-xs text-slate-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{value}</p>
      <p className="mt-1 text-xs text-slate-500">{detail}</p>
    </div>
  );
}

/** The centre's cards: calls, 当场解答, 转工单, average handling time, 接通率. */
export function CallCards({ figures }: { figures: CallFigures }) {
  const t = figures.tally;
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
      <Card label="来电" value={String(t.calls)} detail={`转接 ${t.transferred}，无效 ${t.invalid}`} testId="calls-total" />
      <Card label="当场解答" value={String(t.answered)} detail={`占来电 ${formatPercent(figures.answeredShare)}（${t.answered}/${t.calls}）`} testId="calls-answered" />
      <Card label="转工单" value={String(t.ticket)} detail={`转工单率 ${formatPercent(figures.ticketShare)}（${t.ticket}/${t.calls}）`} testId="calls-ticket" />
      <Card label="平均通话时长" value={averageText(figures.averageSeconds)} detail={`共 ${formatCallDuration(t.seconds)}`} testId="calls-average" />
      <Card
        label="人工接通率"
        value={connectText(figures)}
        detail={figures.switch ? `接通 ${figures.switch.answered} / 呼入 ${figures.switch.offered}，放弃 ${figures.switch.abandoned}` : "未导入交换机统计"}
        testId="calls-connect-rate"
      />
    </div>
  );
}

const th = "px-3 py-2 text-left font-medium whitespace-nowrap";
const td = "px-3 py-2 tabular-nums whitespace-nowrap";

/** One row per agent or per day: the same columns as the cards. */
export function CallFigureTable({ rows, keyLabel, testId }: { rows: { key: string; label: string; figures: CallFigures }[]; keyLabel: string; testId: string }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">本期没有来电记录。</p>;
  // Focusable, so that a keyboard can scroll a table wider than the screen.
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white" tabIndex={0} role="region" aria-label={`话务统计（按${keyLabel}）`}>
      <table className="min-w-full text-sm" data-testid={testId}>
        <thead className="bg-slate-50 text-slate-500">
          <tr>
            <th className={th}>{keyLabel}</th>
            <th className={th}>来电</th>
            <th className={th}>当场解答</th>
            <th className={th}>转工单</th>
            <th className={th}>转工单率</th>
            <th className={th}>转接</th>
            <th className={th}>无效</th>
            <th className={th}>平均通话时长</th>
            <th className={th}>人工接通率（接通/呼入）</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, label, figures: f }) => (
            <tr key={key} className="border-t border-slate-100">
              <td className="px-3 py-2 whitespace-nowrap">{label}</td>
              <td className={td}>{f.tally.calls}</td>
              <td className={td}>{f.tally.answered}</td>
              <td className={td}>{f.tally.ticket}</td>
              <td className={td}>
                {formatPercent(f.ticketShare)} <span className="text-xs text-slate-500">({f.tally.ticket}/{f.tally.calls})</span>
              </td>
              <td className={td}>{f.tally.transferred}</td>
              <td className={td}>{f.tally.invalid}</td>
              <td className={td}>{averageText(f.averageSeconds)}</td>
              <td className={td}>
                {connectText(f)} {f.switch && <span className="text-xs text-slate-500">({f.switch.answered}/{f.switch.offered})</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Topics and the knowledge-base entries that recur in the period. */
export function CallTopics({ report }: { report: CallReport }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section>
        <h3 className="mb-2 font-semibold">来电事项</h3>
        {report.byTopic.length === 0 ? (
          <p className="text-sm text-slate-500">本期没有来电记录。</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm">
            {report.byTopic.map((t) => (
              <li key={t.categoryCode ?? "none"} className="flex justify-between gap-2 px-3 py-2">
                <span>{t.categoryCode ? (CATEGORY_LABELS[t.categoryCode as CategoryCode] ?? t.categoryCode) : "未分类（无效来电）"}</span>
                <span className="tabular-nums text-slate-600">
                  {t.calls} 次，当场解答 {t.answered}，转工单 {t.ticket}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h3 className="mb-2 font-semibold">常用知识库条目</h3>
        {report.knowledge.length === 0 ? (
          <p className="text-sm text-slate-500">本期没有引用知识库的解答。</p>
        ) : (
          <ol className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm" data-testid="knowledge-uses">
            {report.knowledge.map((k) => (
              <li key={k.id} className="flex justify-between gap-2 px-3 py-2">
                <span>{k.title}</span>
                <span className="tabular-nums text-slate-600">{k.uses} 次</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
