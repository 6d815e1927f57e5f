"use client";
// 月 / 季 / 年 / 自定义, the arrows to the period before and after, and (for a manager) the unit:
// all plain links and GET forms, so the URL always says what the page shows.
import Link from "@/components/link";
import { useRouter } from "next/navigation";
import { DateInput } from "@/components/date-input";
import { addLocalDays } from "@/lib/domain/local-time";
import { nextPeriod, periodContaining, periodLabel, previousPeriod, type Period, type PeriodKind } from "@/lib/domain/periods";
import { dashboardHref, type DashboardParams } from "@/lib/validation/dashboard";

const KIND_LABELS: Record<PeriodKind, string> = { month: "月", quarter: "季", year: "年", custom: "自定义" };

export type PeriodPickerProps = {
  kind: PeriodKind;
  period: Period;
  unit?: string;
  /** The units a manager may choose from; null for a lead, who sees their own unit only. */
  units: { code: string; name: string }[] | null;
  /** Today's local date: switching kind keeps to today when it lies in the period shown. */
  today: string;
};

const input = "rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** The hidden fields that keep the period while a form changes something else. */
function PeriodFields({ kind, period }: { kind: PeriodKind; period: Period }) {
  if (kind !== "custom") {
    return (
      <>
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="at" value={period.from} />
      </>
    );
  }
  return (
    <>
      <input type="hidden" name="kind" value="custom" />
      <input type="hidden" name="from" value={period.from} />
      <input type="hidden" name="to" value={addLocalDays(period.to, -1)} />
    </>
  );
}

export function PeriodPicker({ kind, period, unit, units, today }: PeriodPickerProps) {
  const router = useRouter();
  const here: DashboardParams = { kind, period, unit };
  const anchor = today >= period.from && today < period.to ? today : period.from;
  const hrefOf = (k: PeriodKind) =>
    dashboardHref({ kind: k, period: k === "custom" ? period : periodContaining(k, anchor), unit });
  const previous = previousPeriod(kind, period);
  const next = nextPeriod(kind, period);
  const tab = "rounded-md px-3 py-1 text-sm";

  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="period-picker">
      <nav aria-label="统计周期" className="flex rounded-lg border border-slate-200 bg-white p-0.5">
        {(Object.keys(KIND_LABELS) as PeriodKind[]).map((k) => (
          <Link
            key={k}
            href={hrefOf(k)}
            aria-current={k === kind ? "page" : undefined}
            className={k === kind ? `${tab} bg-brand-600 text-white` : `${tab} text-slate-600 hover:bg-slate-100`}
          >
            {KIND_LABELS[k]}
          </Link>
        ))}
      </nav>

      <div className="flex items-center gap-1">
        <Link href={dashboardHref({ ...here, period: previous })} aria-label="上一期" className="rounded-md px-2 py-1 hover:bg-slate-100">
          ◀
        </Link>
        <span className="min-w-32 text-center text-lg font-semibold" data-testid="period-label">
          {periodLabel(kind, period)}
        </span>
        {next.from <= today ? (
          <Link href={dashboardHref({ ...here, period: next })} aria-label="下一期" className="rounded-md px-2 py-1 hover:bg-slate-100">
            ▶
          </Link>
        ) : (
          <span aria-hidden className="px-2 py-1 text-slate-300">
            ▶
          </span>
        )}
      </div>

      {kind === "custom" && (
        <form
          key={`${period.from}/${period.to}`}
          method="get"
          action="/dashboard"
          className="flex flex-wrap items-center gap-2"
          aria-label="自定义统计区间"
        >
          <input type="hidden" name="kind" value="custom" />
          {unit && <input type="hidden" name="unit" value={unit} />}
          <label className="text-sm text-slate-500">
            从 <DateInput name="from" defaultValue={period.from} className={input} required />
          </label>
          <label className="text-sm text-slate-500">
            至 <DateInput name="to" defaultValue={addLocalDays(period.to, -1)} className={input} required />
          </label>
          <button type="submit" className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm text-white hover:bg-brand-700">
            查询
          </button>
        </form>
      )}

      {units && (
        <form method="get" action="/dashboard" className="ml-auto flex items-center gap-2">
          <PeriodFields kind={kind} period={period} />
          <label className="text-sm text-slate-500">
            单位{" "}
            <select
              key={unit ?? ""}
              name="unit"
              defaultValue={unit ?? ""}
              className={input}
              data-testid="unit-select"
              onChange={(e) => router.push(dashboardHref({ ...here, unit: e.currentTarget.value || undefined }))}
            >
              <option value="">全部单位</option>
              {units.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <noscript>
            <button type="submit" className="rounded-lg border border-slate-300 px-2 py-1.5 text-sm">
              查看
            </button>
          </noscript>
        </form>
      )}
    </div>
  );
}
