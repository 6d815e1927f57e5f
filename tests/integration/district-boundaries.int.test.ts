// Issue 12 item 5: a map point inside a district's boundary routes a report like a chosen
// district, on every channel that sends one; admins edit the boundaries, validated and audited.
import { describe, expect, it } from "vitest";
import { actorOf, requestAs } from "../support/actors";
import { POST as postResource } from "@/app/api/open311/v2/[resource]/route";
import { POST as postTicket } from "@/app/api/v1/tickets/route";
import { issueApiToken } from "@/lib/dal/api-tokens";
import { listDistricts, updateDistrictBoundary } from "@/lib/dal/admin/districts";
import { db } from "@/lib/db";
import type { Invalid } from "@/lib/errors";

async function postOpen311(fields: Record<string, string>): Promise<string> {
  const request = new Request("http://localhost/api/open311/v2/requests.json", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ api_key: await issueApiToken("dispatcher"), ...fields }).toString(),
  });
  const response = await postResource(request, { params: Promise.resolve({ resource: "requests.json" }) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { service_request_id: string }[])[0]!.service_request_id;
}

/** What FixMyStreet sends for a report placed with a map pin: a point and no district or address. */
const pinnedReport = (lat: string, long: string) => ({
  service_code: "TRAFFIC_ORG",
  description: "路口信号灯早高峰左转时间太短，排队很长，希望调整配时。",
  lat,
  long,
  first_name: "三",
  last_name: "张",
  phone: "13912345678",
});

async function ticketWithEvents(no: string) {
  return db.ticket.findUniqueOrThrow({
    where: { no },
    include: { ownerUnit: { select: { code: true } }, events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
}

function reasonOf(events: { type: string; payload: string | null }[], type: string): string {
  const event = events.find((e) => e.type === type);
  expect(event, type).toBeDefined();
  return (JSON.parse(event!.payload ?? "{}") as { reason: string }).reason;
}

describe("routing by a point inside a district's boundary", () => {
  it("routes an Open311 report with only lat/long to the district's brigade and says why", async () => {
    const ticket = await ticketWithEvents(await postOpen311(pinnedReport("39.91", "116.40")));
    expect(ticket).toMatchObject({ status: "DISPATCHED", district: "东城区", lat: 39.91, lng: 116.4 });
    expect(ticket.ownerUnit?.code).toBe("ZQ1");
    expect(reasonOf(ticket.events, "ROUTED")).toMatch(/^按定位（39\.91, 116\.40）落在东城区辖区；规则「.+」：分类「交通组织」、辖区「东城区」匹配/);
  });

  it("leaves a point outside every district PENDING, as without one, and says so", async () => {
    const ticket = await ticketWithEvents(await postOpen311(pinnedReport("31.23", "121.47")));
    expect(ticket).toMatchObject({ status: "PENDING", district: null, ownerUnitId: null });
    expect(reasonOf(ticket.events, "ROUTING_FAILED")).toBe(
      "定位（31.23, 121.47）不在任何辖区边界内；没有匹配的分派规则（分类「交通组织」、辖区「未填写」），转指挥中心人工派单",
    );
  });

  it("lets a district given explicitly win over the point", async () => {
    const ticket = await ticketWithEvents(await postOpen311({ ...pinnedReport("39.91", "116.40"), "attribute[district]": "西城区" }));
    expect(ticket).toMatchObject({ district: "西城区" });
    expect(ticket.ownerUnit?.code).toBe("ZQ2");
    expect(reasonOf(ticket.events, "ROUTED")).not.toContain("定位");
  });

  it("routes a REST ticket by lat/lng too", async () => {
    const body = {
      type: "COMPLAINT",
      category: "CONGESTION",
      title: "早高峰拥堵",
      content: "每天早高峰这个路口堵得很厉害，希望增派警力疏导。",
      lat: 39.99,
      lng: 116.38,
      phone: "13912345678",
    };
    const request = await requestAs("dispatcher", "/api/v1/tickets", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const response = await postTicket(request);
    expect(response.status).toBe(201);
    const ticket = await response.json();
    expect(ticket).toMatchObject({ status: "DISPATCHED", ownerUnit: "ZQ4" });
    expect(ticket.events[1].payload.reason).toContain("按定位（39.99, 116.38）落在北城区辖区");
  });
});

describe("admin editing of district boundaries", () => {
  const triangle = { type: "Polygon", coordinates: [[[116.5, 40.1], [116.6, 40.1], [116.55, 40.2], [116.5, 40.1]]] };

  async function refused(raw: unknown): Promise<string[]> {
    const error = (await updateDistrictBoundary(await actorOf("admin"), "南城区", raw).then(
      () => {
        throw new Error("expected the boundary to be refused");
      },
      (e: unknown) => e,
    )) as Invalid;
    expect(error).toMatchObject({ status: 400 });
    return error.errors.map((e) => e.message);
  }

  it("refuses invalid GeoJSON with clear Chinese messages and stores nothing", async () => {
    const before = await db.district.findUniqueOrThrow({ where: { name: "南城区" } });
    const audits = await db.auditEntry.count({ where: { entity: "District" } });
    expect(await refused({ boundary: "{不是 JSON" })).toEqual([expect.stringContaining("不是有效的 JSON")]);
    expect(await refused({ boundary: JSON.stringify({ type: "LineString", coordinates: [[116.5, 40.1], [116.6, 40.1]] }) })).toEqual([
      "边界的类型「LineString」不受支持：辖区边界应为 Polygon 或 MultiPolygon",
    ]);
    const open = { type: "Polygon", coordinates: [triangle.coordinates[0]!.slice(0, 3).concat([[116.51, 40.1]])] };
    expect(await refused({ boundary: JSON.stringify(open) })).toEqual([expect.stringContaining("未闭合")]);
    const swapped = { type: "Polygon", coordinates: [triangle.coordinates[0]!.map(([lng, lat]) => [lat, lng])] };
    expect(await refused({ boundary: JSON.stringify(swapped) })).toEqual([expect.stringContaining("是否写反了")]);
    expect(await db.district.findUniqueOrThrow({ where: { name: "南城区" } })).toEqual(before);
    expect(await db.auditEntry.count({ where: { entity: "District" } })).toBe(audits);
  });

  it("lets only an admin change a boundary", async () => {
    await expect(updateDistrictBoundary(await actorOf("dispatcher"), "南城区", { boundary: JSON.stringify(triangle) })).rejects.toMatchObject({ status: 403 });
    await expect(listDistricts(await actorOf("manager"))).rejects.toMatchObject({ status: 403 });
  });

  it("stores a valid boundary normalised, audits it, and routes by it at once", async () => {
    const admin = await actorOf("admin");
    const original = (await db.district.findUniqueOrThrow({ where: { name: "南城区" } })).boundary;
    const feature = { type: "Feature", properties: { name: "南城区" }, geometry: triangle };
    expect(await updateDistrictBoundary(admin, "南城区", { boundary: JSON.stringify(feature, null, 2) })).toEqual({ name: "南城区", summary: "1 个多边形，3 个顶点" });
    expect((await db.district.findUniqueOrThrow({ where: { name: "南城区" } })).boundary).toBe(JSON.stringify(triangle));
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entity: "District", entityId: "南城区" }, orderBy: { createdAt: "desc" } });
    expect(audit).toMatchObject({ actorId: admin.userId, action: "UPDATE" });
    expect(JSON.parse(audit.after!)).toEqual({ name: "南城区", boundary: "1 个多边形，3 个顶点", geojson: JSON.stringify(triangle) });
    expect(JSON.parse(audit.before!)).toMatchObject({ geojson: original });

    const moved = await ticketWithEvents(await postOpen311(pinnedReport("40.12", "116.55")));
    expect(moved.ownerUnit?.code).toBe("ZQ3");

    // Blank removes the boundary: the district then routes only when named.
    expect(await updateDistrictBoundary(admin, "南城区", { boundary: "  " })).toEqual({ name: "南城区", summary: null });
    expect((await listDistricts(admin)).find((d) => d.name === "南城区")).toEqual({ name: "南城区", boundary: null, summary: null });
    const unplaced = await ticketWithEvents(await postOpen311(pinnedReport("40.12", "116.55")));
    expect(unplaced.status).toBe("PENDING");
  });
});
