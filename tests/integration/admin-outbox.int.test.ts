// Issue 12 item 10: the administrator's view of the outbox, and an audited resend of a failed notice.
import { describe, expect, it } from "vitest";
import { actorOf } from "../support/actors";
import { listAuditEntries } from "@/lib/dal/admin/audit";
import { listOutbox, outboxCounts, resendNotification } from "@/lib/dal/admin/notifications";
import { submitTicket } from "@/lib/dal/intake";
import { db } from "@/lib/db";
import { Forbidden, Invalid } from "@/lib/errors";

async function failedNotice() {
  const ticket = await submitTicket(
    await actorOf("dispatcher"),
    { type: "HELP", category: "SERVICE", title: "换证预约失败", content: "12123 上驾驶证换证预约一直失败，请帮忙看看。", phone: "13755556666" },
    { channel: "PHONE_12123" },
  );
  const notice = await db.notification.findFirstOrThrow({ where: { ticketId: ticket.id } });
  await db.notification.update({ where: { id: notice.id }, data: { status: "FAILED", attempts: 5, lastError: "网关拒绝：号码停机" } });
  return { ticket, notice };
}

describe("the outbox for administrators", () => {
  it("lists notices by state with the reason of a failure, recipients masked", async () => {
    const admin = await actorOf("admin");
    const { ticket } = await failedNotice();
    const counts = await outboxCounts(admin);
    expect(counts.FAILED).toBeGreaterThan(0);
    const failed = await listOutbox(admin, { status: "FAILED" });
    const mine = failed.find((n) => n.ticketNo === ticket.no)!;
    expect(mine).toMatchObject({ status: "FAILED", attempts: 5, lastError: "网关拒绝：号码停机", recipient: "137****6666", template: "ACCEPTED" });
    expect(mine.text).toContain(ticket.no);
    expect(JSON.stringify(failed)).not.toContain("13755556666");
    expect((await listOutbox(admin, { status: "SENT" })).every((n) => n.status === "SENT")).toBe(true);
  });

  it("resends a failed notice once, audited; refuses others and non-admins", async () => {
    const admin = await actorOf("admin");
    const { notice } = await failedNotice();
    await expect(resendNotification(await actorOf("manager"), notice.id)).rejects.toBeInstanceOf(Forbidden);
    await resendNotification(admin, notice.id);
    expect(await db.notification.findUniqueOrThrow({ where: { id: notice.id } })).toMatchObject({ status: "PENDING", attempts: 0, lastError: null, nextAttemptAt: null });
    await expect(resendNotification(admin, notice.id)).rejects.toBeInstanceOf(Invalid); // now pending, not failed
    const audit = (await listAuditEntries(admin)).find((e) => e.entityId === notice.id)!;
    expect(audit).toMatchObject({ entity: "Notification", action: "RESEND", actorUsername: "admin" });
    expect(audit.changes).toEqual(expect.arrayContaining([{ field: "status", before: "FAILED", after: "PENDING" }]));
  });
});
