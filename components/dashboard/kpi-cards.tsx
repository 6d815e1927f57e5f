"use client";
// The headline figures: 受理量 and every §6 rate, with numerator / denominator and the change
// against the same days a year earlier (同比, lib/domain/comparison.ts). Figure, numerator and
// denominator link to their tickets. A client component for the weight of the page only: its
// props (two sets of figures) are a tenth of the rendered cards' React tree (issue 15).
import Link from "@/components/link";
import { COMPARISON_BASIS } from "@/lib/domain/comparison";
import { metricChange } from "@/lib/domain/metric-change";
import { formatRate, METRIC_LABELS, RATE_PARTS, type MetricName, type Metrics, type RateName } from "@/lib/domain/metrics";
import { drilldownHref, type DrillTarget } from "@/lib/validation/dashboard";
import { partText } from "@/lib/domain/metric-labels";

const TONE_CLASSES = { good: "text-green-700", bad: "text-red-600", neutral: "text-slate-500" } as const;
const METRICS = Object.keys(METRIC_LABELS) as MetricName[];

function Change({ name, current, before, previousLabel }: { name: MetricName; current: Metrics; before: Metrics; previousLabel: string }) {
  const change = metricChange(name, current, before);
  return (
    <p className="mt-2 text-xs" title={`${COMPARISON_BASIS}：${previousLabel}`}>
      <span className={TONE_CLASSES[change.tone]} data-testid="kpi-change">
        {change.text}
      </span>{" "}
      <span className="text-slate-500">同比</span>
    </p>
  );
}

function RateParts({ name, metrics, target }: { name: RateName; metrics: Metrics; target: DrillTarget }) {
  const rate = metrics[name];
  return (
    <>
      <p className="mt-1 text-sm tabular-nums">
        <Link href={drilldownHref(target, name, "num")} className="text-brand-700 hover:underline" data-testid="kpi-num">
          {partText(rate.num)}
        </Link>
        <span className="text-slate-500"> / </span>
        <Link href={drilldownHref(target, name, "den")} className="text-brand-700 hover:underline" data-testid="kpi-den">
          {rate.den}
        </Link>
      </p>
      <p className="text-xs text-slate-500">
        {RATE_PARTS[name].num} / {RATE_PARTS[name].den}
      </p>
      {name === "satisfactionRate" && (
        <Link href={drilldownHref({ ...target, satisfaction: "UNSATISFIED" }, name, "den")} className="text-xs text-red-700 hover:underline" data-testid="kpi-unsatisfied">
          查看不满意工单
        </Link>
      )}
    </>
  );
}

export function KpiCards({
  current,
  before,
  previousLabel,
  target,
}: {
  current: Metrics;
  before: Metrics;
  previousLabel: string;
  target: DrillTarget;
}) {
  return (
    <section aria-label="核心指标" className="space-y-2">
      <p className="text-sm text-slate-600" data-testid="dashboard-comparison">
        对比口径：{COMPARISON_BASIS}，即 {previousLabel}
      </p>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {METRICS.map((name) => (
        <article key={name} data-testid={`kpi-${name}`} className="rounded-xl border border-slate-200 bg-white p-4">
          <h3 className="text-sm text-slate-500">{METRIC_LABELS[name]}</h3>
          {name === "received" ? (
            <>
              <p className="mt-1">
                <Link href={drilldownHref(target, "received", "den")} className="text-3xl font-bold tabular-nums hover:underline" data-testid="kpi-value">
                  {current.received}
                </Link>
                <span className="ml-1 text-sm text-slate-500">件</span>
              </p>
              <p className="mt-1 text-sm text-slate-500">去年同期 {before.received} 件</p>
            </>
          ) : (
            <>
              <p className="mt-1">
                <Link href={drilldownHref(target, name, "num")} className="text-3xl font-bold tabular-nums hover:underline" data-testid="kpi-value">
                  {formatRate(name, current[name])}
                </Link>
              </p>
              <RateParts name={name} metrics={current} target={target} />
            </>
          )}
          <Change name={name} current={current} before={before} previousLabel={previousLabel} />
        </article>
      ))}
      </div>
    </section>
  );
}
