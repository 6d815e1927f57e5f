// Figures as links to the tickets behind them (下钻): every count on the dashboard is one. Inside
// a figure table, styled by .figures a (app/globals.css) rather than a class on each of ~250 links.
import Link from "@/components/link";
import { formatRate, type RateName, type Rate } from "@/lib/domain/metrics";
import { drilldownHref, type DrillTarget } from "@/lib/validation/dashboard";
import { partText } from "@/lib/domain/metric-labels";


export function CountLink({ target, value, testId }: { target: DrillTarget; value: number; testId?: string }) {
  return (
    <Link href={drilldownHref(target, "received", "den")} data-testid={testId}>
      {value}
    </Link>
  );
}

/** "93.03%" over "1335/1435", each part a link to its tickets. */
export function RateCell({ name, rate, target }: { name: RateName; rate: Rate; target: DrillTarget }) {
  return (
    <span className="rate">
      <span>{formatRate(name, rate)}</span>
      <span>
        <Link href={drilldownHref(target, name, "num")} title="分子">
          {partText(rate.num)}
        </Link>
        /
        <Link href={drilldownHref(target, name, "den")} title="分母">
          {rate.den}
        </Link>
      </span>
    </span>
  );
}
