// Words and figures of the 统计报表 (Excel export and print version), pure so both read the same
// and tests can check them. Figures follow DOMAIN.md §6: half-up to 2 decimals, "—" for a zero
// denominator.
import type { Dashboard } from "@/lib/dal/metrics/dashboard";
import { addLocalDays } from "@/lib/domain/local-time";
import { metricChange } from "@/lib/domain/metric-change";
import { formatRate, roundHalfUp, type MetricName, type Metrics } from "@/lib/domain/metrics";
import { periodLabel, type Period, type PeriodKind } from "@/lib/domain/periods";

/** What the report is called, by period kind. */
export const REPORT_KIND_LABELS: Record<PeriodKind, string> = { month: "月报", quarter: "季报", year: "年报", custom: "报表" };

/** 「示例市公安局交通警察支队 接诉即办工作月报 · 2022年1月」 */
export function reportTitle(organisation: string, kind: PeriodKind, period: Period): string {
  const name = `接诉即办工作${REPORT_KIND_LABELS[kind]} · ${periodLabel(kind, period)}`;
  return organisation ? `${organisation} ${name}` : name;
}

/** Whose figures: the unit's name, or 全部单位. */
export function scopeLabel(report: Pick<Dashboard, "unit">): string {
  return report.unit?.name ?? "全部单位";
}

/** A figure as the overall table shows it: "1476", "93.03%", "12.35 小时" or "—". */
export function figureText(name: MetricName, m: Metrics): string {
  return name === "received" ? String(m.received) : formatRate(name, m[name]);
}

/**
 * 同比, as the dashboard words it (lib/domain/metric-change.ts): "▲ 0.74 个百分点", "▼ 1.20 小时",
 * "持平" or "—". 受理量 also says how many tickets: "▲ 86 件（6.14%）".
 */
export function changeText(name: MetricName, current: Metrics, before: Metrics): string {
  if (name !== "received") return metricChange(name, current, before).text;
  const diff = current.received - before.received;
  if (diff === 0) return "持平";
  const relative = before.received > 0 ? `（${roundHalfUp(Math.abs(diff), before.received).toFixed(2)}%）` : "";
  return `${diff > 0 ? "▲" : "▼"} ${Math.abs(diff)} 件${relative}`;
}

/** The period as a reader sees it: 「2022年1月（2022-01-01 至 2022-01-31）」. */
export function periodText(kind: PeriodKind, period: Period): string {
  if (kind === "custom") return periodLabel(kind, period);
  return `${periodLabel(kind, period)}（${period.from} 至 ${addLocalDays(period.to, -1)}）`;
}
