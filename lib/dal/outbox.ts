import "server-only";
import { db } from "@/lib/db";
import { renderNotification } from "@/lib/domain/notifications";
import type { NotificationSender } from "@/lib/notify/sender";

const MAX_ATTEMPTS = 5;

/**
 * Sends what the outbox holds. Notifications are written in the same transaction as the step
 * that causes them, so none is lost if the sender is down; failures are retried up to five times.
 */
export async function deliverPendingNotifications(sender: NotificationSender, batch = 200): Promise<{ sent: number; failed: number }> {
  const pending = await db.notification.findMany({
    where: { status: "PENDING" },
    orderBy: { createdAt: "asc" },
    take: batch,
    include: { ticket: { select: { no: true } } },
  });
  const sentIds: string[] = [];
  let failed = 0;
  for (const n of pending) {
    try {
      await sender.send({ recipient: n.recipient, text: renderNotification(n.template, JSON.parse(n.payload)), ticketNo: n.ticket?.no ?? null });
      sentIds.push(n.id);
    } catch (error) {
      const attempts = n.attempts + 1;
      await db.notification.update({
        where: { id: n.id },
        data: { attempts, lastError: String(error).slice(0, 500), status: attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING" },
      });
      failed++;
    }
  }
  // One write for the whole batch: intake keeps the outbox busy (STACK.md: every statement shows).
  if (sentIds.length) {
    await db.notification.updateMany({
      where: { id: { in: sentIds } },
      data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 } },
    });
  }
  return { sent: sentIds.length, failed };
}
