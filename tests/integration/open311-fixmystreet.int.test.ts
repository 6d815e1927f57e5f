// Issue 12: the requests FixMyStreet's Open311 client (perllib/Open311.pm) makes, replayed as it
// sends them — form-encoded POSTs with jurisdiction_id and api_key, a multi-line description,
// first_name/last_name/email and no phone, attribute[…] extras; keyless GETs — and its answers
// parsed the way it parses them (XML::Simple: values as text, lists forced, attributes ignored).
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "../support/actors";
import { GET as getResource, POST as postResource } from "@/app/api/open311/v2/[resource]/route";
import { GET as getRequest } from "@/app/api/open311/v2/requests/[file]/route";
import { issueApiToken } from "@/lib/dal/api-tokens";
import { performAction } from "@/lib/dal/workflow/perform";
import { db } from "@/lib/db";

const ENDPOINT = "http://localhost/api/open311/v2";
const JURISDICTION = "jsjb.example.gov.cn";
// As XML::Simple with FixMyStreet's ForceArray: every element text, the lists always lists.
const xml = new XMLParser({ parseTagValue: false, ignoreAttributes: true, isArray: (name) => ["request", "request_update", "error", "service"].includes(name) });

let apiKey: string;
beforeAll(async () => {
  apiKey = await issueApiToken("dispatcher");
});

/** Open311.pm's _post: jurisdiction_id and api_key first, then the params, form-encoded. */
function post(path: string, params: Record<string, string>) {
  const body = new URLSearchParams({ jurisdiction_id: JURISDICTION, api_key: apiKey, ...params });
  const request = new Request(`${ENDPOINT}/${path}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: body.toString() });
  return postResource(request, { params: Promise.resolve({ resource: path }) });
}

/** Open311.pm's _get: jurisdiction_id added to the query, no api_key. */
function get(path: string, params: Record<string, string> = {}) {
  const url = `${ENDPOINT}/${path}?${new URLSearchParams({ ...params, jurisdiction_id: JURISDICTION })}`;
  const [dir, file] = path.split("/");
  return file ? getRequest(new Request(url), { params: Promise.resolve({ file }) }) : getResource(new Request(url), { params: Promise.resolve({ resource: dir! }) });
}

/** FixMyStreet's send_service_request description. */
const description = [
  "title:  光岳路口左转信号太短",
  "",
  "detail: 光岳路与东昌路路口早高峰左转绿灯只有十几秒，每天排队很长，希望调整配时。",
  "",
  "url: https://fixmystreet.example.cn/report/4242",
  "",
  "Submitted via FixMyStreet",
].join("\n");

describe("FixMyStreet's Open311 client, replayed", () => {
  it("sends a named e-mail-only report, reads it back by id without a key, and polls the brigade's updates", async () => {
    const sent = await post("requests.xml", {
      lat: "39.91",
      long: "116.40",
      email: "zhang.san@example.com",
      description,
      service_code: "TRAFFIC_ORG",
      first_name: "张",
      last_name: "三",
      "attribute[district]": "东城区",
      media_url: "https://fixmystreet.example.cn/photo/4242.jpeg",
    });
    expect(sent.status).toBe(200);
    const created = xml.parse(await sent.text()).service_requests.request[0];
    const id = String(created.service_request_id);
    expect(id).toMatch(/^\d{14}$/);
    const ticket = await db.ticket.findUniqueOrThrow({ where: { no: id }, include: { ownerUnit: true } });
    expect(ticket).toMatchObject({ anonymous: false, citizenName: "张三", citizenEmail: "zhang.san@example.com", status: "DISPATCHED", title: "光岳路口左转信号太短" });
    expect(ticket.ownerUnit?.code).toBe("ZQ1");

    // get_service_requests by id: no key, the public view.
    const read = await get(`requests/${id}.xml`);
    expect(read.status).toBe(200);
    const text = await read.text();
    expect(text).not.toContain("zhang.san@example.com");
    const request = xml.parse(text).service_requests.request[0];
    expect(request).toMatchObject({ service_request_id: id, status: "open", service_code: "TRAFFIC_ORG", agency_responsible: "执勤一大队" });

    // The brigade works the ticket; FixMyStreet polls the window it last saw.
    const start = new Date(Date.now() - 60_000);
    const handler = await actorOf("zq1.handler");
    await performAction(handler, id, { action: "sign", version: 1 });
    await performAction(handler, id, { action: "contact", version: 2, note: "已邮件联系张三", method: "EMAIL" });
    await performAction(handler, id, { action: "reply", version: 3, text: "经现场核查，已将早高峰左转绿灯延长至 35 秒。" });
    const polled = await get("servicerequestupdates.xml", { start_date: start.toISOString(), end_date: new Date(Date.now() + 60_000).toISOString() });
    expect(polled.status).toBe(200);
    const updates = (xml.parse(await polled.text()).service_requests_updates.request_update as Record<string, string>[]).filter((u) => u.service_request_id === id);
    expect(updates.map((u) => u.status)).toEqual(["open", "open", "investigating", "in_progress", "fixed"]);
    const fixed = updates.at(-1)!;
    expect(fixed.description).toBe("经现场核查，已将早高峰左转绿灯延长至 35 秒。");
    expect(fixed.updated_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    for (const u of updates) expect(u.update_id).toBeTruthy();

    // post_service_request_update: the citizen's comment back to the brigade.
    const comment = await post("servicerequestupdates.xml", {
      update_id_ext: "9001",
      updated_datetime: new Date().toISOString(),
      service_request_id: id,
      service_request_id_ext: "4242",
      status: "OPEN",
      email: "zhang.san@example.com",
      description: "谢谢，今天早上已经顺畅多了。",
      public_anonymity_required: "FALSE",
    });
    expect(comment.status).toBe(200);
    const updateId = xml.parse(await comment.text()).service_requests_updates.request_update[0].update_id;
    expect(typeof updateId).toBe("string");
    expect(await db.ticketEvent.findUniqueOrThrow({ where: { id: updateId } })).toMatchObject({ type: "CITIZEN_UPDATE", visibility: "PUBLIC" });
  });

  it("answers its errors as an XML list it can read", async () => {
    const bad = await post("requests.xml", { email: "zhang.san@example.com", description: "短", service_code: "NOPE", first_name: "张", last_name: "三" });
    expect(bad.status).toBe(400);
    const errors = xml.parse(await bad.text()).errors.error as { code: string; description: string }[];
    expect(errors.map((e) => e.code)).toEqual(expect.arrayContaining(["400"]));
    expect(errors.map((e) => e.description.split(":")[0])).toEqual(expect.arrayContaining(["service_code", "description"]));
  });
});
