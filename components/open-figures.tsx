// 数据公开: the period selector, the brigades' ranking table and the note on what each figure
// means (DOMAIN.md §6, in words a citizen reads). Rates read as on the dashboard: two decimals
// and %, with their numerator and denominator; "—" where nothing was there to count.
import Link from "@/components/link";
import type { OpenBrigade, OpenFigures } from "@/lib/dal/open-figures";
import { partText } from "@/lib/domain/metric-labels";
import { formatPercent, METRIC_LABELS, type Rate } from "@/lib/domain/metrics";
import { OPEN_METRICS, type OpenMetrics, type OpenPeriod } from "@/lib/domain/open-data";

const RATES = OPEN_METRICS.filter((name) => name !== "received");

function hrefOf(p: OpenPeriod): string {
  return p.month === null ? `/open?year=${p.year}` : `/open?year=${p.year}&month=${p.month}`;
}

function Choice({ period, current, label }: { period: OpenPeriod; current: boolean; label: string }) {
  return (
    <Link
      href={hrefOf(period)}
      aria-current={current ? "page" : undefined}
      className={`rounded-lg border px-3 py-1.5 text-sm ${current ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white hover:border-brand-600"}`}
    >
      {label}
    </Link>
  );
}

/** Years since the first ticket; the chosen year's whole year and every month begun so far. */
export function OpenPeriodNav({ figures }: { figures: OpenFigures }) {
  const { period, years, months } = figures;
  return (
    <nav aria-label="统计期间" className="space-y-2" data-testid="open-period-nav">
      <div className="flex flex-wrap gap-2" aria-label="年份" role="group">
        {years.map((year) => (
          <Choice key={year} period={{ year, month: null }} current={year === period.year && period.month === null} label={`${year}年`} />
        ))}
      </div>
      <div className="flex flex-wrap gap-2" aria-label="月份" role="group">
        {months.map((month) => (
          <Choice key={month} period={{ year: period.year, month }} current={month === period.month} label={`${month}月`} />
        ))}
      </div>
    </nav>
  );
}

function RateCell({ rate }: { rate: Rate }) {
  return (
    <td className="border-t border-slate-200 px-2 py-2 text-right tabular-nums">
      <div className="font-semibold">{formatPercent(rate)}</div>
      <div className="text-xs text-slate-600">
        {partText(rate.num)} / {partText(rate.den)}
      </div>
    </td>
  );
}

function FigureCells({ row }: { row: OpenMetrics }) {
  return (
    <>
      <td className="border-t border-slate-200 px-2 py-2 text-right tabular-nums" data-metric="received">
        {row.received}
      </td>
      {RATES.map((name) => (
        <RateCell key={name} rate={row[name]} />
      ))}
    </>
  );
}

const th = "px-2 py-2 text-right font-semibold whitespace-nowrap";

export function OpenRankingTable({ brigades, total }: { brigades: OpenBrigade[]; total: OpenMetrics }) {
  return (
    <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white">
      <table className="w-full border-collapse text-sm" data-testid="open-ranking">
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className={`${th} text-center`}>
              排名
            </th>
            <th scope="col" className={`${th} text-left`}>
              单位
            </th>
            {OPEN_METRICS.map((name) => (
              <th key={name} scope="col" className={th}>
                {METRIC_LABELS[name]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {brigades.map((row) => (
            <tr key={row.code} data-testid="open-row" data-unit={row.code}>
              <td className="border-t border-slate-200 px-2 py-2 text-center tabular-nums" data-testid="open-rank">
                {row.rank ?? "—"}
              </td>
              <th scope="row" className="border-t border-slate-200 px-2 py-2 text-left font-normal whitespace-nowrap">
                {row.name}
              </th>
              <FigureCells row={row} />
            </tr>
          ))}
          <tr data-testid="open-total" className="bg-slate-50">
            <td className="border-t border-slate-300 px-2 py-2 text-center">—</td>
            <th scope="row" className="border-t border-slate-300 px-2 py-2 text-left whitespace-nowrap">
              全支队合计
            </th>
            <FigureCells row={total} />
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** How each figure is counted (DOMAIN.md §6) and how the table is ordered. */
export function OpenNotes({ basicWeight, ttlMinutes }: { basicWeight: number; ttlMinutes: number }) {
  return (
    <section className="space-y-2 rounded-2xl border border-slate-200 bg-white p-5 text-sm text-slate-700" data-testid="open-notes">
      <h2 className="text-base font-semibold text-slate-900">指标说明</h2>
      <ul className="list-disc space-y-1 pl-5">
        <li>受理量：统计期内受理的诉求件数，按受理时间统计，不含已并单（重复反映）和无效诉求，计入承办单位。</li>
        <li>办结率 = 已办结件数 ÷ 受理量。</li>
        <li>响应率 = 在时限内签收且在时限内首次联系群众的件数 ÷ 首次联系时限已到或已联系群众的件数。</li>
        <li>解决率 = 群众评价“已解决”的件数 ÷ 群众作出评价的件数（未评价的不计入）。</li>
        <li>
          满意率 = （“满意”件数 + “基本满意”件数{basicWeight === 1 ? "" : ` × ${basicWeight}`}）÷ 群众作出评价的件数。
        </li>
        <li>排名按满意率从高到低，满意率相同的并列，受理量多的在前；统计期内没有群众评价的单位不参加排名。</li>
        <li>比率四舍五入保留两位小数，下方小字为分子 / 分母；分母为 0 时显示“—”。数据每 {ttlMinutes} 分钟更新一次。</li>
      </ul>
    </section>
  );
}
