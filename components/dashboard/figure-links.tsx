// Figures as links to the tickets behind them (下钻): every count on the dashboard is one.
import Link from "@/components/link";
import { formatRate, type RateName, type Rate } from "@/lib/domain/metrics";
import { drilldownHref, type DrillTarget } from "@/lib/validation/dashboard";
import { partText } from "@/lib/domain/metric-labels";

const link = "text-brand-700 tabular-nums hover:underline";

export function CountLink({ target, value, testId }: { target: DrillTarget; value: number; testId?: string }) {
  return (
    <Link href={drilldownHref(target, "received", "den")} className={link} data-testid={testId}>
      {value}
    </Link>
  );
}

/** "93.03%" over "1335/1435", each part a link to its tickets. */
export function RateCell({ name, rate, target }: { name: RateName; rate: Rate; target: DrillTarget }) {
  return (
    <span className="inline-flex flex-col items-end leading-tight">
      <span className="tabular-nums">{formatRate(name, rate)}</span>
      <span className="text-xs text-slate-500">
        <Link href={drilldownHref(target, name, "num")} className={link} title="分子">
          {partText(rate.num)}
        </Link>
        /
        <Link href={drilldownHref(target, name, "den")} className={link} title="分母">
          {rate.den}
        </Link>
      </span>
    </span>
  );
}
