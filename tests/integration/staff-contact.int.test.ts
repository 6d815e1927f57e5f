// Issue 12 item 9: staff who choose e-mail get the notices about their unit's tickets by e-mail.
import { describe, expect, it } from "vitest";
import { actorOf } from "../support/actors";
import { POST as postResource } from "@/app/api/open311/v2/[resource]/route";
import { listAuditEntries } from "@/lib/dal/admin/audit";
import { createStaffUser, listUsers, updateUserContact } from "@/lib/dal/admin/users";
import { issueApiToken } from "@/lib/dal/api-tokens";
import { submitTicket } from "@/lib/dal/intake";
import { db } from "@/lib/db";
import { Invalid } from "@/lib/errors";

async function followUp(no: string) {
  const body = new URLSearchParams({ api_key: await issueApiToken("dispatcher"), service_request_id: no, description: "补充：路口今天又堵了。" });
  const request = new Request("http://localhost/api/open311/v2/servicerequestupdates.json", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: body.toString() });
  const response = await postResource(request, { params: Promise.resolve({ resource: "servicerequestupdates.json" }) });
  expect(response.status).toBe(200);
}

describe("staff contacts", () => {
  it("sends a lead's notices by e-mail once they choose it, by SMS otherwise", async () => {
    const admin = await actorOf("admin");
    const lead = await db.user.findUniqueOrThrow({ where: { username: "zq1.lead" } });
    await updateUserContact(admin, lead.id, { phone: "+86 136-0000-1234", email: "zhang.wei@zq1.example.gov.cn", noticeBy: "EMAIL" });
    expect(await db.user.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ phone: "13600001234", email: "zhang.wei@zq1.example.gov.cn", noticeBy: "EMAIL" });

    const ticket = await submitTicket(
      await actorOf("dispatcher"),
      { type: "COMPLAINT", category: "TRAFFIC_ORG", title: "信号灯配时不合理", content: "光岳路与东昌路路口早高峰左转信号太短，排队很长。", district: "东城区", phone: "13912340000" },
      { channel: "PHONE_12123" },
    );
    await followUp(ticket.no);
    expect(await db.notification.findFirstOrThrow({ where: { ticketId: ticket.id, template: "FOLLOW_UP" } })).toMatchObject({ channel: "EMAIL", recipient: "zhang.wei@zq1.example.gov.cn" });

    // Only the choice changes: the addresses stay.
    await updateUserContact(admin, lead.id, { noticeBy: "SMS" });
    await followUp(ticket.no);
    const latest = await db.notification.findFirstOrThrow({ where: { ticketId: ticket.id, template: "FOLLOW_UP" }, orderBy: { createdAt: "desc" } });
    expect(latest).toMatchObject({ channel: "SMS", recipient: "13600001234" });

    const audit = (await listAuditEntries(admin)).find((e) => e.entityId === lead.id && e.changes.some((c) => c.field === "noticeBy"));
    expect(audit?.changes).toEqual(expect.arrayContaining([{ field: "noticeBy", before: "EMAIL", after: "SMS" }]));
    expect(JSON.stringify(audit)).not.toContain("zhang.wei@");
  });

  it("refuses e-mail as the choice without an address, and bad addresses, changing nothing", async () => {
    const admin = await actorOf("admin");
    const handler = await db.user.findUniqueOrThrow({ where: { username: "zq2.handler" } });
    const fields = async (p: Promise<unknown>) => ((await p.then(() => null, (e: unknown) => e)) as Invalid).errors.map((e) => e.field);
    expect(await fields(updateUserContact(admin, handler.id, { noticeBy: "EMAIL" }))).toEqual(["email"]);
    expect(await fields(updateUserContact(admin, handler.id, { email: "zhang@", noticeBy: "SMS" }))).toEqual(["email"]);
    expect(await fields(createStaffUser(admin, { username: "zq2.li", displayName: "二大队 李四", role: "HANDLER", unitCode: "ZQ2", noticeBy: "EMAIL", password: "lvyou2026road" }))).toEqual(["email"]);
    expect(await db.user.findUniqueOrThrow({ where: { id: handler.id } })).toMatchObject({ noticeBy: "SMS", email: null });
    await expect(updateUserContact(await actorOf("manager"), handler.id, { noticeBy: "SMS" })).rejects.toMatchObject({ status: 403 });

    await createStaffUser(admin, { username: "zq2.wang", displayName: "二大队 王五", role: "HANDLER", unitCode: "ZQ2", email: "wang.wu@zq2.example.gov.cn", noticeBy: "EMAIL", password: "lvyou2026road" });
    const listed = (await listUsers(admin, {})).items.find((u) => u.username === "zq2.wang")!;
    expect(listed).toMatchObject({ email: "w***@zq2.example.gov.cn", noticeBy: "EMAIL" });
  });
});
