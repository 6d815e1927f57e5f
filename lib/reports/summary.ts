// The paragraph that opens the printed report (工作综述), written from the figures: a sentence is
// left out when its figures have nothing to divide by, never filled with 0% or 100%.
import type { Dashboard } from "@/lib/dal/metrics/dashboard";
import { metricChange } from "@/lib/domain/metric-change";
import { formatRate, METRIC_LABELS, roundHalfUp, type Metrics, type RateName } from "@/lib/domain/metrics";
import { rankBySatisfaction } from "@/lib/domain/unit-ranking";
import { groupLabel, type UnitNames } from "@/lib/domain/metric-labels";

/** The rates the summary quotes, in the order a leadership meeting reads them. */
const QUOTED: readonly RateName[] = ["closedRate", "onTimeRate", "responseRate", "resolutionRate", "satisfactionRate", "avgHandlingHours"];
/** The rates whose change from the period before the summary mentions. */
const COMPARED: readonly RateName[] = ["closedRate", "resolutionRate", "satisfactionRate"];

function countChange(now: number, then: number): string {
  const diff = now - then;
  if (diff === 0) return "持平";
  const word = diff > 0 ? "增加" : "减少";
  return then > 0 ? `${word} ${Math.abs(diff)} 件（${roundHalfUp(Math.abs(diff), then).toFixed(2)}%）` : `${word} ${Math.abs(diff)} 件`;
}

/** 「满意率上升 0.74 个百分点」, or null when either period has no figure to compare. */
function rateChange(name: RateName, current: Metrics, before: Metrics): string | null {
  const change = metricChange(name, current, before);
  if (change.direction === null) return null;
  if (change.direction === "flat") return `${METRIC_LABELS[name]}持平`;
  const magnitude = change.text.replace(/^[▲▼]\s*/, "");
  return `${METRIC_LABELS[name]}${change.direction === "up" ? "上升" : "下降"} ${magnitude}`;
}

export function reportSummary(report: Dashboard, unitNames: UnitNames): string {
  const { current, before } = report;
  const who = report.unit?.name ?? "";
  const previous = report.previousLabel;
  if (current.received === 0) {
    return `本期${who}未受理群众诉求${before.received > 0 ? `（去年同期 ${previous} 受理 ${before.received} 件）` : ""}，各项比率暂无数据。`;
  }

  const sentences: string[] = [];
  sentences.push(`本期${who}共受理群众诉求 ${current.received} 件，较去年同期（${previous}）${countChange(current.received, before.received)}`);

  const rates = QUOTED.filter((name) => current[name].den > 0).map((name) => `${METRIC_LABELS[name]} ${formatRate(name, current[name])}`);
  if (rates.length > 0) sentences.push(rates.join("，"));

  const changes = COMPARED.map((name) => rateChange(name, current, before)).filter((text) => text !== null);
  if (changes.length > 0) sentences.push(`与去年同期相比，${changes.join("，")}`);

  const ranked = rankBySatisfaction(report.breakdowns.unit).filter((u) => u.rank !== null);
  const best = ranked[0];
  const worst = ranked[ranked.length - 1];
  if (best && worst && ranked.length > 1 && best.rank !== worst.rank) {
    const name = (key: string) => groupLabel("unit", key, unitNames);
    sentences.push(
      `各单位中满意率最高的是${name(best.row.key)}（${formatRate("satisfactionRate", best.row.satisfactionRate)}），` +
        `最低的是${name(worst.row.key)}（${formatRate("satisfactionRate", worst.row.satisfactionRate)}）`,
    );
  }

  const top = [...report.breakdowns.category].sort((a, b) => b.received - a.received)[0];
  if (top && top.received > 0) {
    const share = roundHalfUp(top.received, current.received).toFixed(2);
    sentences.push(`诉求最多的分类是${groupLabel("category", top.key, unitNames)}（${top.received} 件，占 ${share}%）`);
  }

  const reopened = current.reopenRate.num;
  if (reopened > 0) sentences.push(`重办 ${reopened} 件，重办率 ${formatRate("reopenRate", current.reopenRate)}`);
  return `${sentences.join("；")}。`;
}
