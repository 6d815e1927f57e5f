// 话务 on the leaders' dashboard (issue 16): the hotline centre's calls in the dashboard's period,
// as one line — the dashboard's HTML is held under 100 KB (issue 15); /calls has the tables.
import { averageText, connectText } from "@/components/calls/call-figures";
import Link from "@/components/link";
import type { CallReport } from "@/lib/dal/call-report";
import { formatPercent } from "@/lib/domain/metrics";

export function CallSection({ report }: { report: CallReport }) {
  const f = report.centre;
  const t = f.tally;
  return (
    <section className="calls-strip" aria-labelledby="dashboard-calls" data-testid="dashboard-calls">
      <h2 id="dashboard-calls">话务</h2>
      <p>
        来电 <b>{t.calls}</b>，当场解答 <b>{t.answered}</b>（{formatPercent(f.answeredShare)}），转工单 <b>{t.ticket}</b>（转工单率 {formatPercent(f.ticketShare)}，{t.ticket}/{t.calls}
        ），平均通话 <b>{averageText(f.averageSeconds)}</b>，人工接通率 <b>{connectText(f)}</b>
        {f.switch ? `（${f.switch.answered}/${f.switch.offered}）` : "（未导入交换机统计）"}
      </p>
      <Link href={`/calls?month=${report.period.from.slice(0, 7)}`}>按坐席、按日查看</Link>
    </section>
  );
}
