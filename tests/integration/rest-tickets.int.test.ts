import { describe, expect, it } from "vitest";
import { GET as getOne } from "@/app/api/v1/tickets/[no]/route";
import { GET, POST } from "@/app/api/v1/tickets/route";
import { db } from "@/lib/db";
import { requestAs } from "../support/actors";

const valid = {
  type: "COMPLAINT",
  category: "TRAFFIC_ORG",
  title: "信号灯配时不合理",
  content: "光岳路与东昌路路口早高峰左转信号太短，排队很长。",
  district: "东城区",
  place: "光岳路与东昌路路口",
  name: "王先生",
  phone: "13912345678",
};

function post(body: unknown, user = "dispatcher") {
  return requestAs(user, "/api/v1/tickets", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("REST POST /api/v1/tickets", () => {
  it("creates a routed ticket and answers 201 with its number, owner, deadlines and events", async () => {
    const response = await POST(await post(valid));
    expect(response.status).toBe(201);
    const ticket = await response.json();
    expect(ticket.no).toMatch(/^\d{14}$/);
    expect(ticket).toMatchObject({ status: "DISPATCHED", ownerUnit: "ZQ1", category: "TRAFFIC_ORG", channel: "API", version: 1 });
    expect(ticket.deadlines.dueAt).toBeTruthy();
    expect(ticket.events.map((e: { type: string }) => e.type)).toEqual(["RECEIVED", "ROUTED", "DISPATCHED"]);
    expect(ticket.events[1].payload.reason).toContain("东城区");

    const read = await getOne(await requestAs("zq1.handler", `/api/v1/tickets/${ticket.no}`), {
      params: Promise.resolve({ no: ticket.no }),
    });
    expect(read.status).toBe(200);
    expect((await read.json()).citizen.phone).toBe("13912345678");
    const outbox = await db.notification.findMany({ where: { ticket: { no: ticket.no } } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ recipient: "13912345678", template: "ACCEPTED", status: "PENDING" });
  });

  it("leaves a ticket without district for the dispatcher (PENDING) when no rule matches", async () => {
    // A place the gazetteer does not know (a road it knows would place the ticket: smart-routing.int.test.ts).
    const response = await POST(await post({ ...valid, category: "ENFORCEMENT", district: undefined, place: "幸福小区门口", content: "幸福小区门口长期有车辆违法停车，堵住消防通道。" }));
    const ticket = await response.json();
    expect(ticket.status).toBe("PENDING");
    expect(ticket.ownerUnit).toBeNull();
    expect(ticket.events.map((e: { type: string }) => e.type)).toEqual(["RECEIVED", "ROUTING_FAILED"]);
  });

  it("answers 400 with Chinese field errors and stores nothing", async () => {
    const before = await db.ticket.count();
    const response = await POST(await post({ ...valid, phone: "12345", content: "太短", district: "火星区" }));
    expect(response.status).toBe(400);
    const body = await response.json();
    const fields = body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["phone", "content"]));
    expect(body.errors.every((e: { message: string }) => /[\u4e00-\u9fa5]/.test(e.message))).toBe(true);
    const unknownDistrict = await POST(await post({ ...valid, district: "火星区" }));
    expect(unknownDistrict.status).toBe(400);
    expect((await unknownDistrict.json()).errors[0].field).toBe("district");
    expect((await POST(await post("{not json"))).status).toBe(400);
    expect(await db.ticket.count()).toBe(before);
  });

  it("refuses roles that may not create tickets", async () => {
    const response = await POST(await post(valid, "zq1.handler"));
    expect(response.status).toBe(403);
  });

  it("filters the list by status, unit, category, dates and text", async () => {
    const created = await (await POST(await post({ ...valid, title: "独特标题关键字", content: "独特内容：测试筛选功能是否可用的一段文字" }))).json();
    const search = async (qs: string) =>
      (await (await GET(await requestAs("dispatcher", `/api/v1/tickets?${qs}`))).json()) as { total: number; items: { no: string }[] };
    expect((await search("q=独特标题关键字")).items.map((i) => i.no)).toEqual([created.no]);
    expect((await search(`q=${created.no}`)).total).toBe(1);
    const today = created.no.slice(0, 4) + "-" + created.no.slice(4, 6) + "-" + created.no.slice(6, 8);
    expect((await search(`from=${today}&to=${today}&unit=ZQ1&category=TRAFFIC_ORG&status=DISPATCHED`)).items.map((i) => i.no)).toContain(created.no);
    expect((await search(`to=2000-01-01`)).total).toBe(0);
    const bad = await GET(await requestAs("dispatcher", "/api/v1/tickets?status=NOPE&from=2026-13-45x"));
    expect(bad.status).toBe(400);
  });
});
