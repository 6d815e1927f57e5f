// Issue 9 item 18: ADMIN administers and does not work tickets (DOMAIN.md §1), and a ticket
// outside one's scope answers exactly like a number that does not exist.
import { describe, expect, it } from "vitest";
import { GET as getOne } from "@/app/api/v1/tickets/[no]/route";
import { GET as list, POST as create } from "@/app/api/v1/tickets/route";
import { homePathFor } from "@/lib/auth/home";
import { getTicket } from "@/lib/dal/tickets";
import { submitTicket } from "@/lib/dal/intake";
import { actorOf, requestAs } from "../support/actors";

const complaint = {
  type: "COMPLAINT",
  category: "TRAFFIC_ORG",
  title: "路口信号灯配时不合理",
  content: "光岳路与东昌路路口早高峰左转信号太短，排队很长。",
  district: "东城区",
  place: "光岳路与东昌路路口",
  phone: "13912349001",
};

const params = (no: string) => ({ params: Promise.resolve({ no }) });

async function readAs(user: string, no: string) {
  const response = await getOne(await requestAs(user, `/api/v1/tickets/${no}`), params(no));
  return { status: response.status, body: (await response.json()) as { error?: string; no?: string } };
}

describe("ADMIN has the administration pages only", () => {
  it("may neither list, read nor create tickets, and lands on /admin", async () => {
    const t = await submitTicket(await actorOf("dispatcher"), complaint, { channel: "HOTLINE_12345" });
    expect((await list(await requestAs("admin", "/api/v1/tickets"))).status).toBe(403);
    expect((await readAs("admin", t.no)).status).toBe(404);
    await expect(getTicket(await actorOf("admin"), t.no)).rejects.toMatchObject({ status: 404 });
    const created = await create(
      await requestAs("admin", "/api/v1/tickets", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(complaint),
      }),
    );
    expect(created.status).toBe(403);
    expect(homePathFor("ADMIN")).toBe("/admin");
  });
});

describe("a ticket outside the caller's scope", () => {
  it("answers 404 with the same message as an unknown number (REST and DAL)", async () => {
    const t = await submitTicket(await actorOf("dispatcher"), { ...complaint, phone: "13912349002" }, { channel: "HOTLINE_12345" });
    expect(t.ownerUnit?.code).toBe("ZQ1");
    const unknown = "20990101999999";

    const other = await readAs("zq2.handler", t.no);
    const missing = await readAs("zq2.handler", unknown);
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(other.body.error).toBe(missing.body.error!.replace(unknown, t.no));
    expect((await readAs("zq1.handler", t.no)).status).toBe(200);

    // A citizen's other people's tickets under 我的诉求 too.
    await expect(getTicket(await actorOf("13800000000"), t.no)).rejects.toMatchObject({ status: 404, message: `工单 ${t.no} 不存在` });
  });
});
