import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "../support/actors";
import { GET as getResource, POST as postResource } from "@/app/api/open311/v2/[resource]/route";
import { GET as unknownPathGet } from "@/app/api/open311/v2/[...path]/route";
import { DELETE as deleteRequest, GET as getRequest } from "@/app/api/open311/v2/requests/[file]/route";
import { GET as baseGet } from "@/app/api/open311/v2/route";
import { GET as getService } from "@/app/api/open311/v2/services/[file]/route";
import { issueApiToken } from "@/lib/dal/api-tokens";
import { createApiClient } from "@/lib/dal/admin/api-clients";
import { open311Reader } from "@/lib/dal/open311";
import { performAction } from "@/lib/dal/workflow/perform";
import { db } from "@/lib/db";
import { Forbidden } from "@/lib/errors";

const BASE = "http://localhost/api/open311/v2";
const xml = new XMLParser({ isArray: (name) => ["service", "request", "error", "attribute", "value"].includes(name) });

type Open311Error = { code: number; description: string };
type ServiceRequest = Record<string, unknown> & { service_request_id: string; agency_responsible: string | null; status: string };

function resource(file: string, query = "", init?: RequestInit) {
  const request = new Request(`${BASE}/${file}${query ? `?${query}` : ""}`, init);
  const context = { params: Promise.resolve({ resource: file }) };
  return init?.method === "POST" ? postResource(request, context) : getResource(request, context);
}

function unknownPath(path: string[]) {
  return unknownPathGet(new Request(`${BASE}/${path.join("/")}`), { params: Promise.resolve({ path }) });
}

const base = () => baseGet();

function serviceDefinition(file: string) {
  return getService(new Request(`${BASE}/services/${file}`), { params: Promise.resolve({ file }) });
}

function oneRequest(file: string, apiKey?: string) {
  const query = apiKey === undefined ? "" : `?api_key=${encodeURIComponent(apiKey)}`;
  return getRequest(new Request(`${BASE}/requests/${file}${query}`), { params: Promise.resolve({ file }) });
}

function postForm(fields: Record<string, string>, file = "requests.json") {
  return resource(file, "", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

function postJson(body: unknown) {
  return resource("requests.json", "", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

function without(fields: Record<string, string>, name: string) {
  return Object.fromEntries(Object.entries(fields).filter(([key]) => key !== name));
}

const tokens: Record<string, string> = {};
beforeAll(async () => {
  for (const user of ["dispatcher", "zq1.handler", "zq2.handler"]) tokens[user] = await issueApiToken(user);
});

const report = () => ({
  api_key: tokens.dispatcher!,
  service_code: "TRAFFIC_ORG",
  description: "光岳路与东昌路路口早高峰左转信号太短，排队很长，希望调整配时。",
  address_string: "光岳路与东昌路路口",
  "attribute[district]": "东城区",
  lat: "39.91",
  long: "116.40",
  first_name: "王",
  last_name: "先生",
  phone: "13912345678",
  email: "wang@example.com",
});

async function created(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  const body = (await response.json()) as { service_request_id: string; service_notice: string; account_id: null }[];
  expect(body).toHaveLength(1);
  expect(body[0]!.service_request_id).toMatch(/^\d{14}$/);
  expect(body[0]!.account_id).toBeNull();
  return body[0]!.service_request_id;
}

describe("Open311 services", () => {
  it("lists one realtime service per active category in JSON", async () => {
    const response = await resource("services.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const services = await response.json();
    const active = await db.category.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" } });
    expect(services.map((s: { service_code: string }) => s.service_code)).toEqual(active.map((c) => c.code));
    expect(services[0]).toMatchObject({
      service_code: "TRAFFIC_ORG",
      service_name: "交通组织",
      metadata: true,
      type: "realtime",
      group: "交通管理",
    });
    expect(services[0].keywords).toContain("信号灯");
  });

  it("lists the same services in XML", async () => {
    const response = await resource("services.xml");
    expect(response.headers.get("content-type")).toBe("text/xml; charset=utf-8");
    const text = await response.text();
    expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const codes = xml.parse(text).services.service.map((s: { service_code: string }) => s.service_code);
    expect(codes).toEqual(["TRAFFIC_ORG", "CONGESTION", "ENFORCEMENT", "ACCIDENT", "SERVICE", "NON_POLICE"]);
  });

  it("defines a service's district, type and name attributes; an unknown code is 404", async () => {
    const definition = await (await serviceDefinition("TRAFFIC_ORG.json")).json();
    expect(definition.service_code).toBe("TRAFFIC_ORG");
    const [district, type, name] = definition.attributes;
    expect(district).toMatchObject({ code: "district", datatype: "singlevaluelist", required: false });
    expect(district.values.map((v: { key: string }) => v.key)).toEqual(["东城区", "西城区", "南城区", "北城区"]);
    expect(type.values.map((v: { key: string }) => v.key)).toEqual(["COMPLAINT", "REPORT", "HELP", "INQUIRY", "SUGGESTION", "PRAISE"]);
    expect(type.description).toContain("COMPLAINT");
    expect(name).toMatchObject({ code: "name", datatype: "string", required: false });

    const inXml = xml.parse(await (await serviceDefinition("ENFORCEMENT.xml")).text()).service_definition;
    expect(inXml.attributes.attribute[1].values.value[0]).toEqual({ key: "COMPLAINT", name: "投诉" });

    const missing = await serviceDefinition("NOPE.json");
    expect(missing.status).toBe(404);
    const errors = (await missing.json()) as Open311Error[];
    expect(errors).toEqual([{ code: 404, description: expect.stringMatching(/[\u4e00-\u9fa5]/) }]);
  });

  it("answers 404 for other suffixes and resources", async () => {
    expect((await resource("services.csv")).status).toBe(404);
    expect((await resource("services")).status).toBe(404);
    expect((await resource("things.json")).status).toBe(404);
    expect((await serviceDefinition("TRAFFIC_ORG")).status).toBe(404);
    expect((await resource("services.json", "", { method: "POST", body: "" })).status).toBe(405);
  });

  it("answers an Open311 error list, never an HTML page, for any other path or method", async () => {
    const deeper = await unknownPath(["requests", "20260101000001", "notes.xml"]);
    expect(deeper.status).toBe(404);
    expect(deeper.headers.get("content-type")).toBe("text/xml; charset=utf-8");
    expect(xml.parse(await deeper.text()).errors.error[0]).toMatchObject({ code: 404, description: expect.stringContaining("requests/20260101000001/notes.xml") });
    const plain = await unknownPath(["foo", "bar"]);
    expect(plain.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(((await plain.json()) as Open311Error[])[0]!.code).toBe(404);
    expect(((await (await base()).json()) as Open311Error[])[0]!.description).toContain("services");

    const deleted = await deleteRequest(new Request(`${BASE}/requests/1.json`, { method: "DELETE" }), { params: Promise.resolve({ file: "1.json" }) });
    expect(deleted.status).toBe(405);
    expect(((await deleted.json()) as Open311Error[])[0]).toMatchObject({ code: 405, description: expect.stringContaining("DELETE") });
  });
});

describe("Open311 POST requests", () => {
  it("creates a ticket from a form-encoded report, routed by attribute[district]", async () => {
    const response = await postForm(report());
    const no = await created(response.clone());
    expect((await response.json())[0].service_notice).toContain("已受理并分派至执勤一大队");
    const ticket = await db.ticket.findUniqueOrThrow({ where: { no }, include: { ownerUnit: true } });
    expect(ticket).toMatchObject({
      channel: "API",
      type: "COMPLAINT",
      categoryCode: "TRAFFIC_ORG",
      status: "DISPATCHED",
      title: "光岳路与东昌路路口早高峰左转信号太短，排…",
      district: "东城区",
      place: "光岳路与东昌路路口",
      lat: 39.91,
      lng: 116.4,
      citizenName: "王先生",
      citizenPhone: "13912345678",
    });
    expect(ticket.ownerUnit?.code).toBe("ZQ1");
  });

  it("finds the district in address_string (JSON body) and routes to its brigade", async () => {
    const fields = without(report(), "attribute[district]");
    const no = await created(
      await postJson({ ...fields, address_string: "西城区复兴路12号", lat: 39.9, long: 116.3, attribute: { type: "SUGGESTION" } }),
    );
    const ticket = await db.ticket.findUniqueOrThrow({ where: { no }, include: { ownerUnit: true } });
    expect(ticket).toMatchObject({ district: "西城区", place: "西城区复兴路12号", type: "SUGGESTION" });
    expect(ticket.ownerUnit?.code).toBe("ZQ2");
  });

  it("answers 403 without a valid api_key, and for a role that may not create tickets", async () => {
    const before = await db.ticket.count();
    const withoutKey = without(report(), "api_key");
    const missing = await postForm(withoutKey);
    expect(missing.status).toBe(403);
    expect(await missing.json()).toEqual([{ code: 403, description: expect.stringContaining("api_key") }]);
    expect((await postForm({ ...report(), api_key: "jsjb_not-a-token" })).status).toBe(403);
    const handler = await postForm({ ...report(), api_key: tokens["zq1.handler"]! });
    expect(handler.status).toBe(403);
    expect((await handler.json())[0].code).toBe(403);

    const inXml = await postForm(withoutKey, "requests.xml");
    expect(inXml.status).toBe(403);
    expect(xml.parse(await inXml.text()).errors.error[0].code).toBe(403);
    expect(await db.ticket.count()).toBe(before);
  });

  it("answers 400 with one Chinese entry per field error under Open311 names, storing nothing", async () => {
    const before = await db.ticket.count();
    const response = await postForm({ ...report(), phone: "12345", description: "太短", service_code: "NOPE", "attribute[district]": "火星区" });
    expect(response.status).toBe(400);
    const errors = (await response.json()) as Open311Error[];
    expect(errors.every((e) => e.code === 400 && /[\u4e00-\u9fa5]/.test(e.description))).toBe(true);
    const fields = errors.map((e) => e.description.split(":")[0]);
    expect(fields.sort()).toEqual(["description", "phone", "service_code"]);

    // Fields the schema accepts but the reference data refuses are reported the same way.
    const district = await postForm({ ...report(), "attribute[district]": "火星区" });
    expect(district.status).toBe(400);
    expect((await district.json())[0].description).toMatch(/^attribute\[district\]: 辖区「火星区」不存在/);
    const json = await resource("requests.json", "", { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(json.status).toBe(400);
    expect(await db.ticket.count()).toBe(before);
  });
});

describe("Open311 GET requests", () => {
  let dongcheng: string;
  let xicheng: string;
  beforeAll(async () => {
    dongcheng = await created(await postForm(report()));
    xicheng = await created(await postForm({ ...report(), "attribute[district]": "", address_string: "西城区复兴路12号" }));
  });

  it("reads one request back, without contact details", async () => {
    const response = await oneRequest(`${dongcheng}.json`, tokens.dispatcher);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain("13912345678");
    expect(text).not.toContain("王先生");
    const [request] = JSON.parse(text) as ServiceRequest[];
    expect(request).toMatchObject({
      service_request_id: dongcheng,
      status: "open",
      status_notes: "待签收",
      service_name: "交通组织",
      service_code: "TRAFFIC_ORG",
      agency_responsible: "执勤一大队",
      address: "东城区光岳路与东昌路路口",
      lat: 39.91,
      long: 116.4,
      media_url: null,
    });
    expect(request!.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(request!.expected_datetime).toMatch(/\+08:00$/);
  });

  it("reads several requests by service_request_id, in JSON and XML", async () => {
    const response = await resource("requests.json", `api_key=${tokens.dispatcher}&service_request_id=${dongcheng},${xicheng}`);
    const requests = (await response.json()) as ServiceRequest[];
    expect(requests.map((r) => r.service_request_id).sort()).toEqual([dongcheng, xicheng].sort());
    expect(requests.find((r) => r.service_request_id === xicheng)!.agency_responsible).toBe("执勤二大队");

    const inXml = await resource("requests.xml", `api_key=${tokens.dispatcher}&service_request_id=${xicheng}`);
    expect(inXml.headers.get("content-type")).toBe("text/xml; charset=utf-8");
    const parsed = xml.parse(await inXml.text()).service_requests.request;
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).toMatchObject({ service_request_id: Number(xicheng), address: "西城区复兴路12号", agency_responsible: "执勤二大队" });
    const one = xml.parse(await (await oneRequest(`${dongcheng}.xml`, tokens.dispatcher)).text());
    expect(String(one.service_requests.request[0].service_request_id)).toBe(dongcheng);
  });

  it("filters the list by service_code and status", async () => {
    // The last four days: few enough to stay under the list's cap beside the seeded history.
    const key = `api_key=${tokens.dispatcher}`;
    const recent = `${key}&start_date=${new Date(Date.now() - 4 * 86_400_000).toISOString()}`;
    const all = (await (await resource("requests.json", recent)).json()) as ServiceRequest[];
    expect(all.map((r) => r.service_request_id)).toEqual(expect.arrayContaining([dongcheng, xicheng]));
    const traffic = (await (await resource("requests.json", `${recent}&service_code=TRAFFIC_ORG`)).json()) as ServiceRequest[];
    expect(traffic.length).toBeGreaterThan(1);
    expect(traffic.every((r) => r.service_code === "TRAFFIC_ORG")).toBe(true);
    const closed = (await (await resource("requests.json", `${recent}&status=closed`)).json()) as ServiceRequest[];
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((r) => r.status === "closed")).toBe(true);
    const open = (await (await resource("requests.json", `${recent}&status=open`)).json()) as ServiceRequest[];
    expect(open.length + closed.length).toBe(all.length);
    const old = (await (await resource("requests.json", `${key}&start_date=2000-01-01&end_date=2000-02-01`)).json()) as ServiceRequest[];
    expect(old).toEqual([]);
    const bad = await resource("requests.json", `${key}&status=pending&start_date=yesterday`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Open311Error[]).map((e) => e.description.split(":")[0])).toEqual(["status", "start_date"]);
  });

  it("pages with page and page_size instead of cutting the list off", async () => {
    const window = `start_date=${new Date(Date.now() - 4 * 86_400_000).toISOString()}`;
    const all = (await (await resource("requests.json", window)).json()) as ServiceRequest[];
    expect(all.length).toBeGreaterThan(3);
    const pages: string[] = [];
    for (let page = 1; page <= Math.ceil(all.length / 2); page++) {
      const got = (await (await resource("requests.json", `${window}&page_size=2&page=${page}`)).json()) as ServiceRequest[];
      expect(got.length).toBeLessThanOrEqual(2);
      pages.push(...got.map((r) => r.service_request_id));
    }
    expect(pages).toEqual(all.map((r) => r.service_request_id));
    const bad = await resource("requests.json", "page=0&page_size=5000");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Open311Error[]).map((e) => e.description.split(":")[0])).toEqual(["page", "page_size"]);
  });

  it("reads without a key in the public view: every ticket, personal data in the citizen's words masked", async () => {
    const spoken = await created(
      await postForm({ ...report(), description: "鲁P12345每天早上停在路口，联系我13900001111或身份证371502199001011234核实" }),
    );
    for (const response of [await oneRequest(`${spoken}.json`), await resource("requests.json", `service_request_id=${spoken},${xicheng}`)]) {
      expect(response.status).toBe(200);
      const text = await response.text();
      for (const secret of ["鲁P12345", "13900001111", "371502199001011234", "13912345678", "王先生", "wang@example.com"]) expect(text).not.toContain(secret);
      const mine = (JSON.parse(text) as ServiceRequest[]).find((r) => r.service_request_id === spoken)!;
      expect(mine).toMatchObject({ agency_responsible: "执勤一大队", description: "鲁P***45每天早上停在路口，联系我139****1111或身份证3715**********1234核实" });
    }
    // Across units (no scope), in XML too; the staff view of the same ticket is the citizen's text.
    const listed = xml.parse(await (await resource("requests.xml", `service_request_id=${spoken},${xicheng}`)).text()).service_requests.request;
    expect(listed).toHaveLength(2);
    const staff = (await (await oneRequest(`${spoken}.json`, tokens.dispatcher)).json()) as ServiceRequest[];
    expect(staff[0]!.description).toContain("13900001111");
    expect((await oneRequest("20000101000001.json")).status).toBe(404);
  });

  it("answers 403 for a bad key, and for no key where the site requires one (OPEN311_READS_REQUIRE_KEY=1)", async () => {
    expect((await resource("requests.json", "api_key=jsjb_bogus")).status).toBe(403);
    expect((await oneRequest(`${dongcheng}.json`, "jsjb_bogus")).status).toBe(403);
    await expect(open311Reader(undefined, true)).rejects.toBeInstanceOf(Forbidden);
    await expect(open311Reader("  ", true)).rejects.toBeInstanceOf(Forbidden);
    expect(await open311Reader(undefined, false)).toBeNull();
    expect(await open311Reader(tokens.dispatcher, true)).toMatchObject({ role: "DISPATCHER" });
  });

  it("scopes reads to the token user's tickets and hides the others as 404", async () => {
    expect((await oneRequest(`${dongcheng}.json`, tokens["zq1.handler"])).status).toBe(200);
    const foreign = await oneRequest(`${dongcheng}.json`, tokens["zq2.handler"]);
    expect(foreign.status).toBe(404);
    const missing = await oneRequest("20000101000001.json", tokens["zq2.handler"]);
    expect(missing.status).toBe(404);
    // Same answer whether the ticket exists or not, apart from the number itself.
    const foreignText = (await foreign.json())[0].description.replace(dongcheng, "#");
    expect(foreignText).toBe((await missing.json())[0].description.replace("20000101000001", "#"));

    const mine = await resource("requests.json", `api_key=${tokens["zq2.handler"]}&service_request_id=${dongcheng},${xicheng}`);
    expect(((await mine.json()) as ServiceRequest[]).map((r) => r.service_request_id)).toEqual([xicheng]);
    const list = (await (await resource("requests.json", `api_key=${tokens["zq2.handler"]}`)).json()) as ServiceRequest[];
    expect(list.length).toBeGreaterThan(0);
    const zq2 = await db.ticket.findMany({ where: { no: { in: list.map((r) => r.service_request_id) } }, include: { ownerUnit: true } });
    expect(zq2.every((t) => t.ownerUnit?.code === "ZQ2")).toBe(true);
  });
});

describe("Open311 servicerequestupdates (FixMyStreet's extension)", () => {
  it("lists every ticket's public steps in the window, oldest first, as FixMyStreet reads them — without a key", async () => {
    const startDate = new Date(Date.now() - 1_000).toISOString();
    const no = await created(await postForm(report()));
    const handler = await actorOf("zq1.handler");
    await performAction(handler, no, { action: "sign", version: 1 });
    await performAction(handler, no, { action: "contact", version: 2, note: "群众情绪激动，内部记录", method: "CALL" });
    await performAction(handler, no, { action: "reply", version: 3, text: "已调整配时，如仍有问题请拨打13700001111。" });
    const repeat = await created(await postForm({ ...report(), description: "光岳路东昌路口左转绿灯太短，又排了很久的队。" }));
    await performAction(await actorOf("dispatcher"), repeat, { action: "merge", version: 1, into: no });
    const endDate = new Date(Date.now() + 1_000).toISOString();

    const response = await resource("servicerequestupdates.xml", `start_date=${encodeURIComponent(startDate)}&end_date=${encodeURIComponent(endDate)}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const secret of ["13700001111", "13912345678", "激动"]) expect(text).not.toContain(secret);
    const updates = (
      new XMLParser({ isArray: (name) => name === "request_update", parseTagValue: false }).parse(text).service_requests_updates.request_update as Record<string, string>[]
    ).filter((u) => [no, repeat].includes(u.service_request_id!));
    expect(updates.filter((u) => u.service_request_id === no).map((u) => u.status)).toEqual(["open", "open", "investigating", "in_progress", "fixed"]);
    expect(updates.find((u) => u.status === "fixed")!.description).toBe("已调整配时，如仍有问题请拨打137****1111。");
    expect(updates.find((u) => u.service_request_id === repeat && u.status === "duplicate")!.description).toContain(no);
    for (const u of updates) expect(u.updated_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(new Set(updates.map((u) => u.update_id)).size).toBe(updates.length);

    // With a key: the key user's tickets only, in the staff view.
    const foreign = (await (await resource("servicerequestupdates.json", `api_key=${tokens["zq2.handler"]}&start_date=${encodeURIComponent(startDate)}`)).json()) as { service_request_id: string }[];
    expect(foreign.map((u) => u.service_request_id)).not.toContain(no);
    const own = (await (await resource("servicerequestupdates.json", `api_key=${tokens["zq1.handler"]}&start_date=${encodeURIComponent(startDate)}`)).json()) as { service_request_id: string; description: string }[];
    expect(own.filter((u) => u.service_request_id === no).map((u) => u.description)).toContain("已调整配时，如仍有问题请拨打13700001111。");

    const bad = await resource("servicerequestupdates.json", "start_date=2025-01-01&end_date=2026-01-01");
    expect(bad.status).toBe(400);
  });
});

describe("Open311 reports from FixMyStreet: e-mail is a contact", () => {
  it("accepts a named e-mail-only report as contactable, keeps the e-mail and notices the citizen by e-mail", async () => {
    const fields = { ...without(report(), "phone"), first_name: "张", last_name: "三", email: "zhang.san@example.com" };
    const no = await created(await postForm(fields));
    const ticket = await db.ticket.findUniqueOrThrow({ where: { no } });
    expect(ticket).toMatchObject({ anonymous: false, citizenName: "张三", citizenEmail: "zhang.san@example.com", citizenPhone: null });
    const accepted = await db.notification.findFirstOrThrow({ where: { ticketId: ticket.id, template: "ACCEPTED" } });
    expect(accepted).toMatchObject({ channel: "EMAIL", recipient: "zhang.san@example.com" });
    expect(JSON.parse(accepted.payload)).toMatchObject({ byEmail: true });

    const handler = await actorOf("zq1.handler");
    await performAction(handler, no, { action: "sign", version: 1 });
    await performAction(handler, no, { action: "contact", version: 2, note: "已邮件联系", method: "EMAIL" });
    await performAction(handler, no, { action: "reply", version: 3, text: "已调整光岳路口左转信号配时，请您留意。" });
    const replied = await db.notification.findFirstOrThrow({ where: { ticketId: ticket.id, template: "REPLIED" } });
    expect(replied).toMatchObject({ channel: "EMAIL", recipient: "zhang.san@example.com" });
  });

  it("normalises a phone written the international way, and refuses a bad e-mail under its Open311 name", async () => {
    const no = await created(await postForm({ ...report(), phone: "+86 139-1234-5678" }));
    expect((await db.ticket.findUniqueOrThrow({ where: { no } })).citizenPhone).toBe("13912345678");
    const before = await db.ticket.count();
    const bad = await postForm({ ...without(report(), "phone"), email: "zhang@" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Open311Error[]).map((e) => e.description.split(":")[0])).toEqual(["email"]);
    expect(await db.ticket.count()).toBe(before);
  });
});

describe("Open311 POST servicerequestupdates: the citizen's follow-up", () => {
  it("adds the follow-up as a public step, tells the owner unit's leads by SMS and answers its update_id", async () => {
    await db.user.update({ where: { username: "zq1.lead" }, data: { phone: "13600001234" } });
    const no = await created(await postForm(report()));
    const version = (await db.ticket.findUniqueOrThrow({ where: { no } })).version;
    // As FixMyStreet sends it: the citizen's name and e-mail, its own status and time.
    const response = await postForm(
      { api_key: tokens.dispatcher!, service_request_id: no, description: "补充：今天早上\r\n又排了二十分钟的队。", first_name: "王", last_name: "先生", email: "wang@example.com", status: "OPEN", updated_datetime: "2026-11-30T08:00:00+08:00" },
      "servicerequestupdates.xml",
    );
    expect(response.status).toBe(200);
    const [update] = new XMLParser({ isArray: (name) => name === "request_update" }).parse(await response.text()).service_requests_updates.request_update as { update_id: string }[];
    const event = await db.ticketEvent.findUniqueOrThrow({ where: { id: update!.update_id } });
    expect(event).toMatchObject({ type: "CITIZEN_UPDATE", visibility: "PUBLIC" });
    expect(JSON.parse(event.payload)).toMatchObject({ text: "补充：今天早上\n又排了二十分钟的队。" });
    const ticket = await db.ticket.findUniqueOrThrow({ where: { no } });
    expect(ticket.version).toBe(version); // a follow-up never conflicts with the unit's work
    const notice = await db.notification.findFirstOrThrow({ where: { ticketId: ticket.id, template: "FOLLOW_UP" } });
    expect(notice).toMatchObject({ channel: "SMS", recipient: "13600001234", status: "PENDING" });

    const polled = (await (await resource("servicerequestupdates.json", `start_date=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}`)).json()) as Record<string, string>[];
    expect(polled.find((u) => u.update_id === update!.update_id)).toMatchObject({ service_request_id: no, status: "open", description: "补充：今天早上\n又排了二十分钟的队。" });
  });

  it("refuses without a description, an unknown request, and a caller who may not relay follow-ups, storing nothing", async () => {
    const no = await created(await postForm(report()));
    const events = await db.ticketEvent.count();
    const post = (fields: Record<string, string>) => postForm(fields, "servicerequestupdates.json");
    const missing = await post({ api_key: tokens.dispatcher!, service_request_id: no });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as Open311Error[]).map((e) => e.description.split(":")[0])).toEqual(["description"]);
    expect((await post({ api_key: tokens.dispatcher!, service_request_id: "20000101000001", description: "补充" })).status).toBe(404);
    expect((await post({ api_key: tokens["zq1.handler"]!, service_request_id: no, description: "补充" })).status).toBe(403);
    expect((await post({ service_request_id: no, description: "补充" })).status).toBe(403);
    expect(await db.ticketEvent.count()).toBe(events);
  });

  it("lets an API client with updates:post relay follow-ups to the reports it submitted, and only those", async () => {
    const admin = await actorOf("admin");
    const relay = await createApiClient(admin, { name: "FixMyStreet 转交", unit: "ZQ1", channel: "API", scopes: ["tickets:submit", "updates:post"] });
    const plain = await createApiClient(admin, { name: "FixMyStreet 只提交", unit: "ZQ1", channel: "API", scopes: ["tickets:submit"] });
    const own = await created(await postForm({ ...report(), api_key: relay.token }));
    const other = await created(await postForm(report()));
    const post = (key: string, no: string) => postForm({ api_key: key, service_request_id: no, description: "补充说明" }, "servicerequestupdates.json");
    expect((await post(relay.token, own)).status).toBe(200);
    expect((await post(relay.token, other)).status).toBe(404);
    expect((await post(plain.token, own)).status).toBe(403);
  });
});
