// 较上期: how a figure moved from the period before, read off the two displayed figures so the
// change always equals the difference a reader would work out from the page.
import { LOWER_IS_BETTER, roundHalfUp, type MetricName, type Metrics, type Rate, type RateName } from "./metrics";

export type MetricChange = {
  /** "▲ 1.23 个百分点", "▼ 5.43%", "▲ 2.50 小时", "持平", or "—" when either side has no figure. */
  text: string;
  direction: "up" | "down" | "flat" | null;
  /** Green for better, red for worse; 受理量 is neither (more calls are not a merit or a fault). */
  tone: "good" | "bad" | "neutral";
};

const NO_CHANGE: MetricChange = { text: "—", direction: null, tone: "neutral" };

/** The displayed value in hundredths (9303 for 93.03%, 1235 for 12.35 小时), or null for "—". */
function displayedHundredths(name: RateName, r: Rate): number | null {
  if (r.den === 0) return null;
  return Math.round(roundHalfUp(r.num, r.den, 2, name === "avgHandlingHours" ? 1 : 100) * 100);
}

function moved(diff: number, magnitude: string, better: "up" | "down" | null): MetricChange {
  if (diff === 0) return { text: "持平", direction: "flat", tone: "neutral" };
  const direction = diff > 0 ? "up" : "down";
  const tone = better === null ? "neutral" : direction === better ? "good" : "bad";
  return { text: `${direction === "up" ? "▲" : "▼"} ${magnitude}`, direction, tone };
}

/**
 * 受理量 changes relatively (%), the rates in percentage points and 平均办理时长 in hours; a
 * figure with no denominator on either side has no change to show.
 */
export function metricChange(name: MetricName, current: Metrics, before: Metrics): MetricChange {
  if (name === "received") {
    if (before.received === 0) return NO_CHANGE;
    const diff = current.received - before.received;
    return moved(diff, `${roundHalfUp(Math.abs(diff), before.received).toFixed(2)}%`, null);
  }
  const now = displayedHundredths(name, current[name]);
  const then = displayedHundredths(name, before[name]);
  if (now === null || then === null) return NO_CHANGE;
  const diff = now - then;
  const unit = name === "avgHandlingHours" ? "小时" : "个百分点";
  return moved(diff, `${(Math.abs(diff) / 100).toFixed(2)} ${unit}`, LOWER_IS_BETTER.has(name) ? "down" : "up");
}
