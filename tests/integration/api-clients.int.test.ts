// API clients (接口客户端, issue 12 item 4) on either engine: an administrator creates one (token
// shown once, audited, validated in Chinese), it submits through REST and Open311 on its own
// channel and reads within its scopes, its use is recorded, and revoking it stops it at once.
import { describe, expect, it } from "vitest";
import { POST as postResource, GET as getResource } from "@/app/api/open311/v2/[resource]/route";
import { POST as postAction } from "@/app/api/v1/tickets/[no]/actions/route";
import { GET as getOne } from "@/app/api/v1/tickets/[no]/route";
import { GET as listRest, POST as postRest } from "@/app/api/v1/tickets/route";
import { hashToken } from "@/lib/auth/api-token";
import { createApiClient, issueApiClient, listApiClients, revokeApiClient } from "@/lib/dal/admin/api-clients";
import { apiClientFromToken } from "@/lib/dal/api-clients";
import { db } from "@/lib/db";
import { Invalid } from "@/lib/errors";
import { actorOf, requestAs } from "../support/actors";
import { SAMPLE_TICKET } from "../support/tickets";

const BASE = "http://localhost";
let seq = 0;

/** A new client of the admin's making; a unique name per call, since names are unique. */
async function client(scopes: string[], options: { unit?: string; channel?: string } = {}) {
  const admin = await actorOf("admin");
  const name = `对接系统${++seq}`;
  const issued = await createApiClient(admin, { name, unit: options.unit ?? "ZQ1", channel: options.channel ?? "API", scopes });
  return { ...issued, name };
}

function bearer(token: string, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${token}`);
  return new Request(`${BASE}${path}`, { ...init, headers });
}

const restPost = (token: string, body: object = SAMPLE_TICKET) =>
  postRest(bearer(token, "/api/v1/tickets", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
const restGet = (token: string, no: string) => getOne(bearer(token, `/api/v1/tickets/${no}`), { params: Promise.resolve({ no }) });
const restList = (token: string) => listRest(bearer(token, "/api/v1/tickets?pageSize=100"));

function open311Post(apiKey: string) {
  const fields = {
    api_key: apiKey,
    service_code: "TRAFFIC_ORG",
    description: "光岳路与东昌路路口早高峰左转信号太短，排队很长，希望调整配时。",
    "attribute[district]": "东城区",
    first_name: "先生",
    last_name: "王",
    phone: "13912345678",
  };
  const request = new Request(`${BASE}/api/open311/v2/requests.json`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  return postResource(request, { params: Promise.resolve({ resource: "requests.json" }) });
}

function open311List(apiKey: string) {
  const request = new Request(`${BASE}/api/open311/v2/requests.json?api_key=${encodeURIComponent(apiKey)}`);
  return getResource(request, { params: Promise.resolve({ resource: "requests.json" }) });
}

async function invalidFields(call: Promise<unknown>): Promise<Record<string, string>> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Invalid);
  return Object.fromEntries((error as Invalid).errors.map((e) => [e.field.split(".")[0], e.message]));
}

describe("administering API clients", () => {
  it("shows the token once, stores only its hash, and audits the creation", async () => {
    const admin = await actorOf("admin");
    const issued = await client(["tickets:submit", "tickets:read:own"], { channel: "HOTLINE_12345" });
    expect(issued.token).toMatch(/^jsjc_/);
    const row = await db.apiClient.findUniqueOrThrow({ where: { id: issued.id } });
    expect(row).toMatchObject({ tokenHash: hashToken(issued.token), channel: "HOTLINE_12345", scopes: "tickets:submit,tickets:read:own", lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(row)).not.toContain(issued.token);
    const listed = (await listApiClients(admin)).find((c) => c.id === issued.id);
    expect(listed).toMatchObject({ name: issued.name, unitCode: "ZQ1", scopes: ["tickets:submit", "tickets:read:own"], prefix: issued.prefix });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entity: "ApiClient", entityId: issued.id } });
    expect(audit).toMatchObject({ action: "CREATE", actorId: admin.userId });
    expect(audit.after).not.toContain(issued.token);
  });

  it("refuses bad input with Chinese messages and stores nothing; only an administrator may create or revoke", async () => {
    const admin = await actorOf("admin");
    const before = [await db.apiClient.count(), await db.auditEntry.count()];
    const bad = await invalidFields(createApiClient(admin, { name: " ", unit: "", channel: "WEB", scopes: [] }));
    expect(bad).toMatchObject({ name: "请填写客户端名称", unit: "请选择归属单位", scopes: "请至少选择一项权限" });
    expect(bad.channel).toContain("请选择提交渠道");
    expect(await invalidFields(createApiClient(admin, { name: "甲", unit: "ZQ1", channel: "API", scopes: ["admin:manage"] }))).toHaveProperty("scopes");
    expect(await invalidFields(createApiClient(admin, { name: "甲", unit: "NOPE", channel: "API", scopes: ["tickets:submit"] }))).toEqual({ unit: "单位「NOPE」不存在" });
    const taken = await client(["tickets:submit"]);
    expect(await invalidFields(createApiClient(admin, { name: taken.name, unit: "ZQ1", channel: "API", scopes: ["tickets:submit"] }))).toEqual({
      name: `已有名为「${taken.name}」的接口客户端，请换一个名称`,
    });
    await expect(createApiClient(await actorOf("dispatcher"), { name: "乙", unit: "ZQ1", channel: "API", scopes: ["tickets:submit"] })).rejects.toMatchObject({ status: 403 });
    await expect(revokeApiClient(await actorOf("manager"), taken.id)).rejects.toMatchObject({ status: 403 });
    expect([await db.apiClient.count(), await db.auditEntry.count()]).toEqual([before[0]! + 1, before[1]! + 1]);
  });

  it("the CLI's path validates the same input (scopes as a list) and audits without a person", async () => {
    const issued = await issueApiClient(null, { name: "命令行客户端", unit: "ZQ2", channel: "WECHAT", scopes: "tickets:submit, tickets:read:unit" });
    expect(await db.apiClient.findUniqueOrThrow({ where: { id: issued.id } })).toMatchObject({ channel: "WECHAT", scopes: "tickets:submit,tickets:read:unit" });
    expect(await db.auditEntry.findFirstOrThrow({ where: { entity: "ApiClient", entityId: issued.id } })).toMatchObject({ action: "CREATE", actorId: null });
    expect(await invalidFields(issueApiClient(null, { name: "命令行客户端二", unit: "ZQ2", channel: "API", scopes: "" }))).toEqual({ scopes: "请至少选择一项权限" });
  });
});

describe("an API client calling the interfaces", () => {
  it("posts through REST on its own channel, as itself, and its use is recorded", async () => {
    const c = await client(["tickets:submit", "tickets:read:own"], { channel: "WECHAT" });
    const response = await restPost(c.token);
    expect(response.status).toBe(201);
    const ticket = await response.json();
    expect(ticket).toMatchObject({ channel: "WECHAT", ownerUnit: "ZQ1", citizen: { phone: "13912345678" } });
    // Not staff: the citizen's timeline, no internal routing step, no names.
    expect(ticket.events.map((e: { type: string }) => e.type)).toEqual(["RECEIVED", "DISPATCHED"]);

    const stored = await db.ticket.findUniqueOrThrow({ where: { no: ticket.no }, include: { events: { where: { type: "RECEIVED" } } } });
    expect(stored.apiClientId).toBe(c.id);
    expect(stored.events[0]).toMatchObject({ actorId: null, actorUnitId: null });
    expect(JSON.parse(stored.events[0]!.payload)).toEqual({ channel: "WECHAT", apiClient: c.name });
    await expect.poll(async () => (await db.apiClient.findUniqueOrThrow({ where: { id: c.id } })).lastUsedAt).not.toBeNull();

    // Staff see who submitted it on the timeline.
    const staffView = await (await getOne(await requestAs("dispatcher", `/api/v1/tickets/${ticket.no}`), { params: Promise.resolve({ no: ticket.no }) })).json();
    expect(staffView.events[0]).toMatchObject({ type: "RECEIVED", actor: `接口客户端「${c.name}」` });
  });

  it("posts through Open311 with its token as api_key, on its channel", async () => {
    const c = await client(["tickets:submit"], { channel: "HOTLINE_12345", unit: "ZQ3" });
    const response = await open311Post(c.token);
    expect(response.status).toBe(200);
    const [created] = (await response.json()) as { service_request_id: string }[];
    const stored = await db.ticket.findUniqueOrThrow({ where: { no: created!.service_request_id } });
    expect(stored).toMatchObject({ channel: "HOTLINE_12345", apiClientId: c.id, citizenUserId: null });
  });

  it("reads only what its scopes allow: its own submissions, and its owner unit's tickets", async () => {
    const own = await client(["tickets:submit", "tickets:read:own"]);
    const mine = (await (await restPost(own.token)).json()).no as string;
    const others = (await (await postRest(await requestAs("dispatcher", "/api/v1/tickets", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(SAMPLE_TICKET) }))).json()).no as string;

    expect((await restGet(own.token, mine)).status).toBe(200);
    expect((await restGet(own.token, others)).status).toBe(404);
    const ownList = (await (await restList(own.token)).json()) as { items: { no: string }[] };
    expect(ownList.items.map((t) => t.no)).toEqual([mine]);
    const viaOpen311 = (await (await open311List(own.token)).json()) as { service_request_id: string; phone?: unknown }[];
    expect(viaOpen311.map((r) => r.service_request_id)).toEqual([mine]);

    // Owner unit ZQ1 handles 东城区: the other ticket too, with the phone it did not send masked.
    const unit = await client(["tickets:read:unit"], { unit: "ZQ1" });
    const read = await restGet(unit.token, others);
    expect(read.status).toBe(200);
    expect((await read.json()).citizen.phone).toBe("139****5678");
    const elsewhere = await client(["tickets:read:unit"], { unit: "ZQ2" });
    expect((await restGet(elsewhere.token, others)).status).toBe(404);
  });

  it("is refused (403) what its scopes do not grant, and every route not opened to clients", async () => {
    const readOnly = await client(["tickets:read:own"]);
    const before = await db.ticket.count();
    const rest = await restPost(readOnly.token);
    expect(rest.status).toBe(403);
    expect((await rest.json()).error).toContain("没有提交诉求的权限");
    const open311 = await open311Post(readOnly.token);
    expect(open311.status).toBe(403);
    expect(await db.ticket.count()).toBe(before);

    const submitOnly = await client(["tickets:submit"]);
    expect((await restList(submitOnly.token)).status).toBe(403);
    const no = (await (await restPost(submitOnly.token)).json()).no as string;
    // One ticket outside its scope answers as one that does not exist (lib/auth/ticket-access.ts).
    expect((await restGet(submitOnly.token, no)).status).toBe(404);

    const action = await postAction(
      bearer(submitOnly.token, `/api/v1/tickets/${no}/actions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action: "sign", version: 1 }) }),
      { params: Promise.resolve({ no }) },
    );
    expect(action.status).toBe(403);
  });

  it("stops working at once when revoked (Open311 403, REST 401), and the revocation is audited", async () => {
    const admin = await actorOf("admin");
    const c = await client(["tickets:submit", "tickets:read:own"]);
    expect(await apiClientFromToken(c.token)).toMatchObject({ kind: "apiClient", clientId: c.id, name: c.name });
    await revokeApiClient(admin, c.id);
    await revokeApiClient(admin, c.id); // twice: no second audit entry
    expect(await apiClientFromToken(c.token)).toBeNull();
    const before = await db.ticket.count();
    const open311 = await open311Post(c.token);
    expect(open311.status).toBe(403);
    expect(await open311.json()).toEqual([{ code: 403, description: "api_key 无效、已过期或已停用" }]);
    expect((await restPost(c.token)).status).toBe(401);
    expect(await db.ticket.count()).toBe(before);
    expect(await db.auditEntry.count({ where: { entity: "ApiClient", entityId: c.id, action: "REVOKE" } })).toBe(1);
  });

  it("leaves users' tokens as they were", async () => {
    const response = await postRest(await requestAs("dispatcher", "/api/v1/tickets", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(SAMPLE_TICKET) }));
    expect(response.status).toBe(201);
    const ticket = await db.ticket.findUniqueOrThrow({ where: { no: (await response.json()).no }, include: { events: { where: { type: "RECEIVED" } } } });
    expect(ticket).toMatchObject({ channel: "API", apiClientId: null });
    expect(ticket.events[0]!.actorId).not.toBeNull();
  });
});
