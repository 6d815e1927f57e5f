import { describe, expect, it } from "vitest";
import { Invalid } from "@/lib/errors";
import { parseRequestsQuery, parseW3cDateTime } from "./query";

const now = new Date("2026-03-01T04:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

function fieldsOf(query: string): string[] {
  try {
    parseRequestsQuery(new URLSearchParams(query), now);
  } catch (error) {
    if (error instanceof Invalid) return error.errors.map((e) => e.field);
    throw error;
  }
  return [];
}

describe("parseW3cDateTime", () => {
  it("reads W3C date-times with Z, an offset, or local time by default", () => {
    expect(parseW3cDateTime("2026-01-15T08:00:00Z")?.toISOString()).toBe("2026-01-15T08:00:00.000Z");
    expect(parseW3cDateTime("2026-01-15T08:00:00-05:00")?.toISOString()).toBe("2026-01-15T13:00:00.000Z");
    expect(parseW3cDateTime("2026-01-15T08:00")?.toISOString()).toBe("2026-01-15T00:00:00.000Z");
    expect(parseW3cDateTime("2026-01-15T08:00:00.250+0800")?.toISOString()).toBe("2026-01-15T00:00:00.250Z");
    // Microseconds (Python's isoformat(), FixMyStreet's DateTime) are cut to milliseconds.
    expect(parseW3cDateTime("2026-01-15T08:00:00.123456+08:00")?.toISOString()).toBe("2026-01-15T00:00:00.123Z");
    expect(parseW3cDateTime("2026-01-15T08:00:59.999999Z")?.toISOString()).toBe("2026-01-15T08:00:59.999Z");
    // "+" left unencoded in a query string decodes to a space.
    expect(parseW3cDateTime("2026-01-15T08:00:00 08:00")?.toISOString()).toBe("2026-01-15T00:00:00.000Z");
  });

  it("reads a bare date as a local day, inclusive at the end", () => {
    expect(parseW3cDateTime("2026-01-15")?.toISOString()).toBe("2026-01-14T16:00:00.000Z");
    expect(parseW3cDateTime("2026-01-15", { endOfDay: true })?.toISOString()).toBe("2026-01-15T15:59:59.999Z");
  });

  it("refuses malformed and impossible values", () => {
    for (const bad of ["2026-02-30", "2026-01-15T25:00:00Z", "15/01/2026", "2026-01-15T08:00:00+99:00", "yesterday"]) {
      expect(parseW3cDateTime(bad)).toBeNull();
    }
  });
});

describe("parseRequestsQuery", () => {
  it("defaults to the last 90 days, the first page of 1000 results", () => {
    expect(parseRequestsQuery(new URLSearchParams(""), now)).toEqual({
      kind: "search",
      serviceCodes: [],
      statuses: [],
      from: new Date(now.getTime() - 90 * DAY),
      to: null,
      limit: 1000,
      offset: 0,
    });
  });

  it("pages with page and page_size", () => {
    expect(parseRequestsQuery(new URLSearchParams("page=3&page_size=50"), now)).toMatchObject({ limit: 50, offset: 100 });
    expect(parseRequestsQuery(new URLSearchParams("page=2"), now)).toMatchObject({ limit: 1000, offset: 1000 });
    expect(fieldsOf("page=0&page_size=1001")).toEqual(["page", "page_size"]);
    expect(fieldsOf("page=two&page_size=")).toEqual(["page", "page_size"]);
  });

  it("lets service_request_id override every other argument", () => {
    expect(parseRequestsQuery(new URLSearchParams("service_request_id=1, 2,1&status=bogus"), now)).toEqual({
      kind: "ids",
      ids: ["1", "2"],
      limit: 1000,
    });
  });

  it("reads service codes, statuses and a date range", () => {
    const filter = parseRequestsQuery(
      new URLSearchParams("service_code=TRAFFIC_ORG,ENFORCEMENT&status=Open&start_date=2026-01-01&end_date=2026-01-31T23:59:59%2B08:00"),
      now,
    );
    expect(filter).toMatchObject({
      kind: "search",
      serviceCodes: ["TRAFFIC_ORG", "ENFORCEMENT"],
      statuses: ["open"],
      from: new Date("2025-12-31T16:00:00Z"),
      to: new Date("2026-01-31T15:59:59Z"),
    });
  });

  it("bounds a one-sided range to 90 days", () => {
    const fromOnly = parseRequestsQuery(new URLSearchParams("start_date=2026-01-01T00:00:00Z"), now);
    expect(fromOnly).toMatchObject({ to: new Date(Date.parse("2026-01-01T00:00:00Z") + 90 * DAY) });
    const toOnly = parseRequestsQuery(new URLSearchParams("end_date=2026-01-01T00:00:00Z"), now);
    expect(toOnly).toMatchObject({ from: new Date(Date.parse("2026-01-01T00:00:00Z") - 90 * DAY) });
  });

  it("answers field errors under the Open311 names", () => {
    expect(fieldsOf("status=pending&start_date=nope")).toEqual(["status", "start_date"]);
    expect(fieldsOf("start_date=2026-02-01&end_date=2026-01-01")).toEqual(["end_date"]);
    expect(fieldsOf("start_date=2025-01-01&end_date=2026-01-01")).toEqual(["end_date"]);
    expect(fieldsOf("end_date=2026-01-15 08:00")).toEqual(["end_date"]);
    // A window wider than 90 days is refused with the limit in the message, not trimmed silently.
    expect(() => parseRequestsQuery(new URLSearchParams("start_date=2025-01-01&end_date=2026-01-01"), now)).toThrow(Invalid);
  });
});
