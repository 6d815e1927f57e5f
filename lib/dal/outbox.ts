import "server-only";
import { renderNotification, settledPayload } from "@/lib/domain/notifications";
import { afterFailedAttempt, leaseExpiredBefore, mayAttempt } from "@/lib/domain/outbox";
import { maskRecipient, type NoticeChannel } from "@/lib/domain/contact";
import { addLocalDays, formatLocalDateTime, localDateOf, localMidnight } from "@/lib/domain/local-time";
import type { SmsReceipt } from "@/lib/domain/sms-receipt";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { siteRenderContext, type NotificationSender } from "@/lib/notify/sender";
import { sql } from "@/lib/sql";
import { write, writeStatement, type WriteTx } from "@/lib/sql/write";

// The outbox: notices are written in the same transaction as the step that causes them, so none
// is lost while the gateway is down. Delivery claims ONE notice (committed before the send),
// sends it, then records the result — so a failed write after a send, a crash or a restart
// repeats at most the one message in flight, once its claim's lease has run out
// (lib/domain/outbox.ts). The small writes go through write() (lib/sql/write.ts), which waits
// for a busy lock asynchronously instead of blocking the event loop.

type Row = { id: string; channel: string; recipient: string; template: string; payload: string; attempts: number; ticketNo: string | null };
type Claimed = Row;

/**
 * The next notice due under one condition. On PostgreSQL several nodes deliver at once: the row
 * is locked until the claim commits and rows another node is claiming are skipped (only the
 * notice, not its ticket, so workflow steps never wait on a delivery). SQLite has one writer.
 */
function due(tx: WriteTx) {
  return tx
    .selectFrom("Notification as n")
    .leftJoin("Ticket as t", "t.id", "n.ticketId")
    .select(["n.id", "n.channel", "n.recipient", "n.template", "n.payload", "n.attempts", "t.no as ticketNo"])
    .$if(env().databaseEngine === "postgresql", (query) => query.forUpdate("n").skipLocked());
}

/**
 * The kinds of due notice, oldest obligation first: a claim whose round died, a retry whose
 * back-off is over, then a fresh notice (insertion order). Each a look-up on (status, nextAttemptAt).
 */
const DUE_KINDS = [
  (tx: WriteTx, now: Date) => due(tx).where("n.status", "=", "SENDING").where("n.claimedAt", "<=", leaseExpiredBefore(now)),
  (tx: WriteTx, now: Date) => due(tx).where("n.status", "=", "PENDING").where("n.nextAttemptAt", "<=", now).orderBy("n.nextAttemptAt"),
  (tx: WriteTx) => due(tx).where("n.status", "=", "PENDING").where("n.nextAttemptAt", "is", null),
];

/**
 * Where a round has got to in DUE_KINDS: a kind found empty is not looked at again in the same
 * round, so a round of fresh notices costs one look-up per notice, not three (on PostgreSQL each
 * is a round trip). A lease or back-off that ends during the round waits for the next round.
 */
type Round = { kind: number };

async function nextDue(tx: WriteTx, now: Date, round: Round): Promise<Row | undefined> {
  for (; round.kind < DUE_KINDS.length; round.kind++) {
    const row = await DUE_KINDS[round.kind]!(tx, now).limit(1).executeTakeFirst();
    if (row) return row;
  }
  return undefined;
}

function settle(payload: string): string {
  try {
    return JSON.stringify(settledPayload(JSON.parse(payload) as Record<string, unknown>));
  } catch {
    return payload; // not JSON: nothing structured to drop, and recording the outcome matters more
  }
}

/** Claims the next due notice, or null when nothing is due. */
async function claimNext(tx: WriteTx, now: Date, round: Round): Promise<Claimed | null> {
  for (;;) {
    const row = await nextDue(tx, now, round);
    if (!row) return null;
    if (!mayAttempt(row.attempts)) {
      // Its last try was in flight when its round died: give up rather than try a sixth time.
      await tx
        .updateTable("Notification")
        .set({ status: "FAILED", claimedAt: null, payload: settle(row.payload), lastError: "发送中断，且已达到重试次数上限" })
        .where("id", "=", row.id)
        .execute();
      continue;
    }
    await tx
      .updateTable("Notification")
      .set((eb) => ({ status: "SENDING", claimedAt: now, attempts: eb("attempts", "+", 1), nextAttemptAt: null }))
      .where("id", "=", row.id)
      .execute();
    return { ...row, attempts: row.attempts + 1 };
  }
}

async function recordSent(tx: WriteTx, notice: Claimed, gatewayId: string | null, now: Date): Promise<void> {
  await tx
    .updateTable("Notification")
    .set({ status: "SENT", sentAt: now, claimedAt: null, lastError: null, payload: settle(notice.payload), gatewayId })
    .where("id", "=", notice.id)
    .where("status", "=", "SENDING")
    .execute();
}

async function recordFailure(tx: WriteTx, notice: Claimed, error: unknown, now: Date): Promise<"PENDING" | "FAILED"> {
  const outcome = afterFailedAttempt(notice.attempts, now);
  const payload = outcome.status === "FAILED" ? settle(notice.payload) : notice.payload;
  await tx
    .updateTable("Notification")
    .set({ status: outcome.status, nextAttemptAt: outcome.nextAttemptAt, claimedAt: null, lastError: String(error).slice(0, 500), payload })
    .where("id", "=", notice.id)
    .where("status", "=", "SENDING")
    .execute();
  return outcome.status;
}

/** A notice held back by the daily cap: back in the queue until `until`, the claim's try not counted. */
async function recordCapped(tx: WriteTx, notice: Claimed, until: Date): Promise<void> {
  const cap = env().SMS_DAILY_CAP_PER_PHONE;
  await tx
    .updateTable("Notification")
    .set({ status: "PENDING", attempts: notice.attempts - 1, nextAttemptAt: until, claimedAt: null, lastError: `该号码今日已收到 ${cap} 条短信（每日上限），${formatLocalDateTime(until)} 起发送` })
    .where("id", "=", notice.id)
    .where("status", "=", "SENDING")
    .execute();
}

type Outcome = { kind: "sent"; gatewayId: string | null } | { kind: "failed"; error: unknown } | { kind: "capped"; until: Date };

/**
 * The daily cap per phone (SMS_DAILY_CAP_PER_PHONE): a recipient who has had that many SMS since
 * local midnight gets the next one after the next midnight — a loop or a flood of steps on one
 * ticket must not bombard a citizen (and carriers block senders who do). Null when under it.
 */
async function capReachedUntil(recipient: string, now: Date): Promise<Date | null> {
  const today = localDateOf(now);
  const { count } = await sql()
    .selectFrom("Notification")
    .select((eb) => eb.fn.countAll<number | bigint | string>().as("count"))
    .where("recipient", "=", recipient)
    .where("sentAt", ">=", localMidnight(today))
    .executeTakeFirstOrThrow();
  return Number(count) >= env().SMS_DAILY_CAP_PER_PHONE ? localMidnight(addLocalDays(today, 1)) : null;
}

/** Renders and sends one claimed notice, unless the recipient's daily cap is reached. */
async function deliver(sender: NotificationSender, notice: Claimed, now: Date): Promise<Outcome> {
  if (notice.channel === "SMS") {
    const until = await capReachedUntil(notice.recipient, now);
    if (until) return { kind: "capped", until };
  }
  try {
    // Rendering inside the try: a broken payload is one failed notice, not a stuck round.
    const text = renderNotification(notice.template, JSON.parse(notice.payload), siteRenderContext());
    const result = await sender.send({ channel: notice.channel as NoticeChannel, recipient: notice.recipient, text, template: notice.template, ticketNo: notice.ticketNo });
    return { kind: "sent", gatewayId: result?.gatewayId ?? null };
  } catch (error) {
    return { kind: "failed", error: error ?? new Error("发送失败") };
  }
}

/** An SMS gateway's delivery receipt, recorded on the notice it answers (matched by the gateway's id). */
export async function recordDeliveryReceipt(receipt: SmsReceipt, at: Date = new Date()): Promise<boolean> {
  const matched = await writeStatement((db) =>
    db.updateTable("Notification").set({ deliveryState: receipt.state, deliveredAt: at }).where("gatewayId", "=", receipt.gatewayId).returning("id"),
  );
  return matched.length > 0;
}

/**
 * Sends up to `batch` due notices, one at a time. Each notice's outcome is recorded in the same
 * write as the next claim (one commit per notice, not two: under full-speed intake each commit
 * waits its turn behind the intake's). A failed database write stops the round (the error
 * propagates to the caller's log); the notice then in flight is retried after its lease.
 */
export async function deliverPendingNotifications(
  sender: NotificationSender,
  options: { batch?: number; now?: () => Date } = {},
): Promise<{ sent: number; failed: number }> {
  const { batch = 200, now = () => new Date() } = options;
  let sent = 0;
  let failed = 0;
  const round: Round = { kind: 0 };
  let notice = await write((tx) => claimNext(tx, now(), round));
  while (notice) {
    const claimed: Claimed = notice;
    const outcome = await deliver(sender, claimed, now());
    const more = sent + failed + 1 < batch;
    const { next, status } = await write(async (tx) => {
      const at = now();
      let status: "SENT" | "PENDING" | "FAILED" = "SENT";
      if (outcome.kind === "sent") await recordSent(tx, claimed, outcome.gatewayId, at);
      else if (outcome.kind === "capped") await recordCapped(tx, claimed, outcome.until);
      else status = await recordFailure(tx, claimed, outcome.error, at);
      return { next: more ? await claimNext(tx, at, round) : null, status };
    });
    if (outcome.kind === "sent") sent++;
    else if (outcome.kind === "failed") {
      failed++;
      logger.warn(
        { err: outcome.error, template: claimed.template, ticket: claimed.ticketNo, recipient: maskRecipient(claimed.recipient), attempts: claimed.attempts, status },
        "notification not delivered",
      );
    } else logger.info({ ticket: claimed.ticketNo, recipient: maskRecipient(claimed.recipient), until: outcome.until }, "notification held back by the daily cap per phone");
    notice = next;
  }
  return { sent, failed };
}
