import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, transaction } from "@/lib/db";
import { hideLinkTokens, renderNotification } from "@/lib/domain/notifications";
import { maskRecipient } from "@/lib/domain/contact";
import { Invalid, NotFound } from "@/lib/errors";
import type { NotificationStatus } from "@/lib/generated/prisma/client";
import { requireAdmin, writeAudit } from "@/lib/dal/admin/audit";
import { siteRenderContext } from "@/lib/notify/sender";

// The outbox seen by an administrator (issue 12 item 10): what is waiting, what went out, what
// failed and why — and a resend for a failed notice, audited. Recipients are masked and evaluation
// links hidden here as in the logs: the admin needs to see that a notice went out, not to be able
// to evaluate in the citizen's place.

export const NOTIFICATION_STATUSES = ["PENDING", "SENDING", "SENT", "FAILED"] as const satisfies readonly NotificationStatus[];
export const OUTBOX_PAGE_SIZE = 50;

export type OutboxRow = {
  id: string;
  ticketNo: string | null;
  channel: string;
  recipient: string;
  template: string;
  text: string;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date | null;
  /** The SMS gateway's delivery receipt (DELIVRD, UNDELIV…), when one came. */
  deliveryState: string | null;
};

/** How many notices are in each state. */
export async function outboxCounts(actor: Actor): Promise<Record<NotificationStatus, number>> {
  requireAdmin(actor);
  const groups = await db.notification.groupBy({ by: ["status"], _count: { _all: true } });
  const counts = Object.fromEntries(NOTIFICATION_STATUSES.map((s) => [s, 0])) as Record<NotificationStatus, number>;
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}

function textOf(template: string, payload: string): string {
  try {
    return hideLinkTokens(renderNotification(template, JSON.parse(payload) as Record<string, unknown>, siteRenderContext()));
  } catch {
    return "（内容无法解析）";
  }
}

/** One page of notices in a state (all states when none), newest first. */
export async function listOutbox(actor: Actor, filter: { status?: NotificationStatus; page?: number }): Promise<OutboxRow[]> {
  requireAdmin(actor);
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const rows = await db.notification.findMany({
    where: filter.status ? { status: filter.status } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * OUTBOX_PAGE_SIZE,
    take: OUTBOX_PAGE_SIZE,
    select: {
      id: true,
      channel: true,
      recipient: true,
      template: true,
      payload: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
      nextAttemptAt: true,
      deliveryState: true,
      ticket: { select: { no: true } },
    },
  });
  return rows.map(({ ticket, payload, recipient, ...row }) => ({
    ...row,
    ticketNo: ticket?.no ?? null,
    recipient: maskRecipient(recipient),
    text: textOf(row.template, payload),
  }));
}

/**
 * Puts a FAILED notice back in the queue with a fresh count of attempts: the next delivery round
 * sends it. Only failed ones — a pending notice is on its way, a sent one went out. A REPLIED
 * notice given up has lost its evaluation link's token (settledPayload): it is resent without it.
 */
export async function resendNotification(actor: Actor, id: string): Promise<{ id: string }> {
  requireAdmin(actor);
  return transaction(async (tx) => {
    const notice = await tx.notification.findUnique({ where: { id }, select: { status: true, attempts: true, lastError: true, template: true, ticket: { select: { no: true } } } });
    if (!notice) throw new NotFound("通知不存在");
    const requeued = await tx.notification.updateMany({
      where: { id, status: "FAILED" },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: null, claimedAt: null, lastError: null },
    });
    if (requeued.count === 0) throw new Invalid([{ field: "_", message: "只有发送失败的通知可以重发" }]);
    const subject = { name: `${notice.ticket?.no ?? "—"} ${notice.template}` };
    await writeAudit(tx, actor, {
      entity: "Notification",
      entityId: id,
      action: "RESEND",
      before: { ...subject, status: notice.status, attempts: notice.attempts, lastError: notice.lastError },
      after: { ...subject, status: "PENDING", attempts: 0, lastError: null },
    });
    return { id };
  });
}
