// What a step's payload says, in one line for staff reading a ticket's timeline. Most steps carry
// their words in one field (a reason, a note, the reply); a merged repeat call says which ticket
// it was, when and how it came, and what the caller said this time; an OVERDUE event names the
// deadline that ran out.
import { CATEGORY_LABELS, CHANNEL_LABELS, DEADLINE_LABELS, type Channel } from "./labels";
import { formatLocalDateTime } from "./local-time";

const str = (value: unknown) => (typeof value === "string" && value ? value : null);

/**
 * Routing notes written before they were put in words (the demo history's, and any stored so)
 * quote category codes, 「TRAFFIC_ORG」; staff read the category's name instead.
 */
function withCategoryNames(text: string): string {
  return text.replace(/「([A-Z_]+)」/g, (quoted, code: string) => {
    const label = (CATEGORY_LABELS as Record<string, string>)[code];
    return label ? `「${label}」` : quoted;
  });
}

const categoryLabel = (code: string) => (CATEGORY_LABELS as Record<string, string>)[code] ?? code;

/** A ROUTING_FAILED payload's `suggestion` (#14 item 4) as written by intake. */
export function isSuggestion(value: unknown): value is { unit?: string; unitName: string; reason: string } {
  return typeof value === "object" && value !== null && !!str((value as { unitName?: unknown }).unitName) && !!str((value as { reason?: unknown }).reason);
}

function isCorrection(value: unknown): value is { from: string; to: string } {
  return typeof value === "object" && value !== null && !!str((value as { from?: unknown }).from) && !!str((value as { to?: unknown }).to);
}

export function describeEvent(type: string, payload: Record<string, unknown>): string | null {
  if (type === "DUPLICATE_MERGED" && str(payload.from)) {
    const channel = CHANNEL_LABELS[payload.channel as Channel];
    const at = str(payload.receivedAt) ? formatLocalDateTime(new Date(payload.receivedAt as string)) : null;
    const how = [channel, at].filter(Boolean).join("，");
    const words = str(payload.content);
    return `重复来电 工单 ${payload.from}${how ? `（${how}）` : ""}${words ? `：「${words}」` : ""}`;
  }
  if (type === "OVERDUE" && Object.hasOwn(DEADLINE_LABELS, String(payload.deadline))) {
    const label = DEADLINE_LABELS[payload.deadline as keyof typeof DEADLINE_LABELS];
    const dueAt = str(payload.dueAt) ? formatLocalDateTime(new Date(payload.dueAt as string)) : null;
    return `${label}超期${dueAt ? `（${label}时限 ${dueAt}）` : ""}`;
  }
  if (type === "ROUTED" && payload.decidedBy === "model" && str(payload.reason)) return `智能分派：${withCategoryNames(payload.reason as string)}`;
  if (type === "ROUTING_FAILED" && str(payload.reason) && isSuggestion(payload.suggestion)) {
    return `${withCategoryNames(payload.reason as string)}；智能建议派往${payload.suggestion.unitName}（${payload.suggestion.reason}）`;
  }
  if (type === "DISPATCHED" && isCorrection(payload.category)) {
    return `派往${str(payload.unitName) ?? str(payload.unit) ?? ""}，诉求分类由「${categoryLabel(payload.category.from)}」更正为「${categoryLabel(payload.category.to)}」`;
  }
  if (type === "CITIZEN_REMINDER") return "反映人催办，请承办单位尽快办理";
  if (type === "CITIZEN_UPDATE" && typeof payload.photos === "number" && payload.photos > 0) {
    return [str(payload.text), `补充照片 ${payload.photos} 张`].filter(Boolean).join("；");
  }
  for (const key of ["reason", "note", "text", "comment"]) {
    const value = str(payload[key]);
    if (value) return type === "ROUTED" || type === "ROUTING_FAILED" ? withCategoryNames(value) : value;
  }
  return null;
}
