// Property-based: malformed submissions to REST POST /api/v1/tickets and Open311 POST
// requests.json never cause a 5xx, are each answered 400 with field errors, and store nothing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { POST as open311Post } from "@/app/api/open311/v2/[resource]/route";
import { POST as restPost } from "@/app/api/v1/tickets/route";
import { issueApiToken } from "@/lib/dal/api-tokens";
import { db } from "@/lib/db";

const valid = {
  type: "COMPLAINT",
  category: "TRAFFIC_ORG",
  title: "信号灯配时不合理",
  content: "光岳路与东昌路路口早高峰左转信号太短，排队很长。",
  district: "东城区",
  phone: "13912345678",
};

/** A value that breaks one field's rule (wrong type, out of range, unknown code, too long…). */
const badValue = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.constant(""),
  fc.string({ maxLength: 3 }),
  fc.string({ minLength: 2001, maxLength: 2100 }),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), { maxKeys: 2 }),
  fc.constantFrom("UNKNOWN", "火星区", "12345", "<script>", "' OR 1=1 --", "1e309", "NaN"),
);

const TYPES = ["COMPLAINT", "REPORT", "HELP", "INQUIRY", "SUGGESTION", "PRAISE"];
const CATEGORIES = ["TRAFFIC_ORG", "CONGESTION", "ENFORCEMENT", "ACCIDENT", "SERVICE", "NON_POLICE"];
const text = (v: unknown, min: number, max: number) => {
  const shown = typeof v === "string" ? v.replace(/\r\n?/g, "\n").trim() : null;
  return shown !== null && shown.length >= min && shown.length <= max;
};

/** The intake rules, written out as an oracle for the generator (not derived from the schema). */
function validByConstruction(b: Record<string, unknown>): boolean {
  const phoneGiven = typeof b.phone === "string" && b.phone.trim() !== "";
  const phoneOk = b.phone === undefined || b.phone === "" || (typeof b.phone === "string" && /^1[3-9]\d{9}$/.test(b.phone.trim()));
  const anonymous = b.anonymous === undefined ? false : b.anonymous;
  return (
    TYPES.includes(b.type as string) &&
    CATEGORIES.includes(b.category as string) &&
    text(b.title, 2, 50) &&
    text(b.content, 10, 4000) &&
    (b.district === undefined || (typeof b.district === "string" && b.district.trim() === "") || b.district === "东城区") &&
    (b.urgency === undefined || b.urgency === "NORMAL" || b.urgency === "URGENT") &&
    b.lat === undefined &&
    typeof anonymous === "boolean" &&
    phoneOk &&
    (anonymous ? !phoneGiven : phoneGiven)
  );
}

/** A valid ticket with 1–3 fields broken, or a body that is not a ticket at all. */
const malformedRest = fc.oneof(
  fc
    .record({
      fields: fc.uniqueArray(fc.constantFrom("type", "category", "title", "content", "district", "phone", "urgency", "lat", "anonymous"), { minLength: 1, maxLength: 3 }),
      values: fc.array(badValue, { minLength: 3, maxLength: 3 }),
    })
    .map(({ fields, values }) => JSON.stringify({ ...valid, ...Object.fromEntries(fields.map((f, i) => [f, values[i]])) }))
    // Some broken values are still valid (e.g. "" for an optional district): keep only bodies
    // that the rules of DOMAIN.md §3/§7, restated here independently of the schema, refuse.
    .filter((body) => !validByConstruction(JSON.parse(body))),
  fc.oneof(fc.string(), fc.constant("null"), fc.constant("[]"), fc.constant("{\"type\":"), fc.json()).filter((s) => {
    try {
      const v = JSON.parse(s);
      return typeof v !== "object" || v === null || Array.isArray(v) || !("category" in v);
    } catch {
      return true;
    }
  }),
);

const malformedOpen311 = fc
  .record({
    service_code: fc.oneof(fc.constant("TRAFFIC_ORG"), fc.constantFrom("", "NOPE", "traffic_org", "<x>")),
    description: fc.oneof(fc.constant("路口左转信号太短，排队很长，请调整。"), fc.string({ maxLength: 9 })),
    phone: fc.oneof(fc.constant("13912345678"), fc.constantFrom("", "123", "abcdefghijk", "+8613912345678x")),
    lat: fc.oneof(fc.constant(undefined), fc.constantFrom("91", "abc", "-200")),
    "attribute[district]": fc.oneof(fc.constant("东城区"), fc.constantFrom("火星区", "不存在区")),
  })
  // Open311 files a post without phone or name as anonymous, so "" is a valid phone there.
  .filter((r) => !(r.service_code === "TRAFFIC_ORG" && r.description.length >= 10 && ["13912345678", ""].includes(r.phone) && r.lat === undefined && r["attribute[district]"] === "东城区"));

describe("malformed intake payloads", () => {
  it("REST: 600 malformed bodies → 400 with field errors each, no ticket stored", async () => {
    const token = await issueApiToken("dispatcher");
    const before = await db.ticket.count();
    await fc.assert(
      fc.asyncProperty(malformedRest, async (body) => {
        const response = await restPost(
          new Request("http://localhost/api/v1/tickets", {
            method: "POST",
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body,
          }),
        );
        expect(response.status, body).toBe(400);
        const json = await response.json();
        expect(json.errors.length).toBeGreaterThan(0);
        for (const e of json.errors) {
          expect(typeof e.field).toBe("string");
          expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
        }
      }),
      { numRuns: 600 },
    );
    expect(await db.ticket.count()).toBe(before);
  }, 120_000);

  it("Open311: 500 malformed form posts → 400 with an error per field, no ticket stored", async () => {
    const token = await issueApiToken("dispatcher");
    const before = await db.ticket.count();
    await fc.assert(
      fc.asyncProperty(malformedOpen311, async (fields) => {
        const form = new URLSearchParams({ api_key: token });
        for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.set(k, v);
        const response = await open311Post(
          new Request("http://localhost/api/open311/v2/requests.json", { method: "POST", body: form }),
          { params: Promise.resolve({ resource: "requests.json" }) },
        );
        expect(response.status, form.toString()).toBe(400);
        const json = await response.json();
        expect(Array.isArray(json) && json.length > 0).toBe(true);
        for (const e of json) expect(e).toMatchObject({ code: 400, description: expect.stringMatching(/[\u4e00-\u9fa5]/) });
      }),
      { numRuns: 500 },
    );
    expect(await db.ticket.count()).toBe(before);
  }, 120_000);
});
