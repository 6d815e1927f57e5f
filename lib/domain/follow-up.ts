// A citizen's follow-up on their own ticket (DOMAIN.md §5's 催办 and 补充): what a ticket in
// each state accepts, and how often a reminder may be sent. Pure, so the DAL and the tests share
// one definition.
import type { TicketStatus } from "./labels";
import { localDateOf } from "./local-time";

export type FollowUpKind = "REMIND" | "SUPPLEMENT";

/** Still being worked: a reminder or more material can reach the unit in time to matter. */
const OPEN_STATUSES: readonly TicketStatus[] = ["PENDING", "DISPATCHED", "IN_PROGRESS"];

/**
 * Why the ticket takes no follow-up of this kind now, in Chinese, or null when it does. Closed
 * tickets take nothing; an answered one (已答复待回访) is waiting for the citizen's evaluation, so
 * more material may still be added there, but a reminder is pointless.
 */
export function followUpRefusal(kind: FollowUpKind, status: TicketStatus): string | null {
  if (OPEN_STATUSES.includes(status)) return null;
  if (status === "REPLIED") return kind === "SUPPLEMENT" ? null : "该诉求已答复，无需催办；请对办理结果进行评价";
  const verb = kind === "REMIND" ? "催办" : "补充";
  if (status === "MERGED") return `该诉求已并入其他工单一并办理，不能再${verb}`;
  return `该诉求已办结，不能再${verb}；如有新的问题，请重新反映`;
}

/**
 * 催办 at most once a day per ticket: a reminder is refused while one was sent on the same local
 * (Asia/Shanghai) calendar day, so a citizen who reminded last night may remind again this morning.
 */
export function reminderRefusal(lastReminderAt: Date | null, now: Date): string | null {
  if (!lastReminderAt || localDateOf(lastReminderAt) !== localDateOf(now)) return null;
  return "今天已催办过该诉求，承办单位已收到提醒，请明天再催办";
}
