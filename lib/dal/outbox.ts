import "server-only";
import type Database from "better-sqlite3";
import { renderNotification, settledPayload } from "@/lib/domain/notifications";
import { afterFailedAttempt, leaseExpiredBefore, mayAttempt } from "@/lib/domain/outbox";
import { maskPhone } from "@/lib/domain/phone";
import { logger } from "@/lib/logger";
import type { NotificationSender } from "@/lib/notify/sender";
import { prepared, writeTransaction } from "@/lib/sqlite";

// The outbox: notices are written in the same transaction as the step that causes them, so none
// is lost while the gateway is down. Delivery claims ONE notice (committed before the send),
// sends it, then records the result — so a failed write after a send, a crash or a restart
// repeats at most the one message in flight, once its claim's lease has run out
// (lib/domain/outbox.ts). The small writes go through the raw connection's writeTransaction,
// which waits for a busy lock asynchronously instead of blocking the event loop.
// Storage conventions of that connection: dates as epoch milliseconds.

type Raw = Database.Database;
type Row = { id: string; recipient: string; template: string; payload: string; attempts: number; status: string; ticketNo: string | null };
type Claimed = Omit<Row, "status">;

const COLUMNS = `n."id", n."recipient", n."template", n."payload", n."attempts", n."status", t."no" AS "ticketNo"
  FROM "Notification" n LEFT JOIN "Ticket" t ON t."id" = n."ticketId"`;

/**
 * Next notice due, oldest obligation first: a claim whose round died, a retry whose back-off is
 * over, then a fresh notice (insertion order). Three look-ups on (status, nextAttemptAt).
 */
function nextDue(sqlite: Raw, now: number): Row | undefined {
  return (prepared(sqlite, `SELECT ${COLUMNS} WHERE n."status" = 'SENDING' AND n."claimedAt" <= ? LIMIT 1`).get(
    leaseExpiredBefore(new Date(now)).getTime(),
  ) ??
    prepared(sqlite, `SELECT ${COLUMNS} WHERE n."status" = 'PENDING' AND n."nextAttemptAt" <= ? ORDER BY n."nextAttemptAt" LIMIT 1`).get(now) ??
    prepared(sqlite, `SELECT ${COLUMNS} WHERE n."status" = 'PENDING' AND n."nextAttemptAt" IS NULL LIMIT 1`).get()) as Row | undefined;
}

function settle(payload: string): string {
  try {
    return JSON.stringify(settledPayload(JSON.parse(payload) as Record<string, unknown>));
  } catch {
    return payload; // not JSON: nothing structured to drop, and recording the outcome matters more
  }
}

/** Claims the next due notice, or null when nothing is due. */
function claimNext(sqlite: Raw, now: Date): Claimed | null {
  for (;;) {
    const row = nextDue(sqlite, now.getTime());
    if (!row) return null;
    if (!mayAttempt(row.attempts)) {
      // Its last try was in flight when its round died: give up rather than try a sixth time.
      prepared(
        sqlite,
        `UPDATE "Notification" SET "status" = 'FAILED', "claimedAt" = NULL, "payload" = ?, "lastError" = ? WHERE "id" = ?`,
      ).run(settle(row.payload), "发送中断，且已达到重试次数上限", row.id);
      continue;
    }
    prepared(
      sqlite,
      `UPDATE "Notification" SET "status" = 'SENDING', "claimedAt" = ?, "attempts" = "attempts" + 1, "nextAttemptAt" = NULL WHERE "id" = ?`,
    ).run(now.getTime(), row.id);
    return { id: row.id, recipient: row.recipient, template: row.template, payload: row.payload, ticketNo: row.ticketNo, attempts: row.attempts + 1 };
  }
}

function recordSent(sqlite: Raw, notice: Claimed, now: Date): void {
  prepared(
    sqlite,
    `UPDATE "Notification" SET "status" = 'SENT', "sentAt" = ?, "claimedAt" = NULL, "lastError" = NULL, "payload" = ? WHERE "id" = ? AND "status" = 'SENDING'`,
  ).run(now.getTime(), settle(notice.payload), notice.id);
}

function recordFailure(sqlite: Raw, notice: Claimed, error: unknown, now: Date): "PENDING" | "FAILED" {
  const outcome = afterFailedAttempt(notice.attempts, now);
  const payload = outcome.status === "FAILED" ? settle(notice.payload) : notice.payload;
  prepared(
    sqlite,
    `UPDATE "Notification" SET "status" = ?, "nextAttemptAt" = ?, "claimedAt" = NULL, "lastError" = ?, "payload" = ? WHERE "id" = ? AND "status" = 'SENDING'`,
  ).run(outcome.status, outcome.nextAttemptAt?.getTime() ?? null, String(error).slice(0, 500), payload, notice.id);
  return outcome.status;
}

/** Renders and sends one claimed notice; the error, or null when it went out. */
async function send(sender: NotificationSender, notice: Claimed): Promise<unknown> {
  try {
    // Rendering inside the try: a broken payload is one failed notice, not a stuck round.
    const text = renderNotification(notice.template, JSON.parse(notice.payload));
    await sender.send({ recipient: notice.recipient, text, template: notice.template, ticketNo: notice.ticketNo });
    return null;
  } catch (error) {
    return error ?? new Error("发送失败");
  }
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
  let notice = await writeTransaction((sqlite) => claimNext(sqlite, now()));
  while (notice) {
    const claimed: Claimed = notice;
    const error = await send(sender, claimed);
    const more = sent + failed + 1 < batch;
    const { next, status } = await writeTransaction((sqlite) => {
      const at = now();
      const status = error === null ? "SENT" : recordFailure(sqlite, claimed, error, at);
      if (error === null) recordSent(sqlite, claimed, at);
      return { next: more ? claimNext(sqlite, at) : null, status };
    });
    if (error === null) sent++;
    else {
      failed++;
      logger.warn(
        { err: error, template: claimed.template, ticket: claimed.ticketNo, recipient: maskPhone(claimed.recipient), attempts: claimed.attempts, status },
        "notification not delivered",
      );
    }
    notice = next;
  }
  return { sent, failed };
}
