import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { parseResourceFile, renderDocument, toXml, w3cDateTime } from "./format";

describe("parseResourceFile", () => {
  it("splits the name from a .json or .xml suffix and refuses anything else", () => {
    expect(parseResourceFile("services.json")).toEqual({ name: "services", format: "json" });
    expect(parseResourceFile("20260115000123.xml")).toEqual({ name: "20260115000123", format: "xml" });
    expect(parseResourceFile("services")).toBeNull();
    expect(parseResourceFile("services.csv")).toBeNull();
    expect(parseResourceFile(".json")).toBeNull();
  });
});

describe("XML", () => {
  const parser = new XMLParser({ isArray: (name) => ["service", "request", "error", "attribute", "value"].includes(name) });

  it("wraps lists in the GeoReport v2 root and item elements with the declaration", () => {
    const xml = toXml({ root: "errors", items: [{ code: 404, description: "不存在 <&>" }] });
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<errors>')).toBe(true);
    expect(parser.parse(xml).errors.error).toEqual([{ code: 404, description: "不存在 <&>" }]);
  });

  it("nests attributes and values, and writes null as an empty element", () => {
    const xml = toXml({
      root: "service_definition",
      value: { service_code: "TRAFFIC_ORG", attributes: [{ code: "type", datatype_description: null, values: [{ key: "HELP", name: "求助" }] }] },
    });
    expect(xml).toContain("<datatype_description/>");
    const parsed = parser.parse(xml).service_definition;
    expect(parsed.attributes.attribute[0].values.value).toEqual([{ key: "HELP", name: "求助" }]);
  });

  it("answers JSON as a bare array and sets the content types", () => {
    expect(renderDocument("json", { root: "services", items: [{ a: 1 }] })).toEqual({
      body: '[{"a":1}]',
      contentType: "application/json; charset=utf-8",
    });
    expect(renderDocument("xml", { root: "services", items: [] }).contentType).toBe("text/xml; charset=utf-8");
  });
});

describe("w3cDateTime", () => {
  it("writes local (UTC+8) time with its offset", () => {
    expect(w3cDateTime(new Date("2026-01-15T00:30:00Z"))).toBe("2026-01-15T08:30:00+08:00");
    expect(w3cDateTime(new Date("2026-01-15T17:00:00Z"))).toBe("2026-01-16T01:00:00+08:00");
    expect(w3cDateTime(null)).toBeNull();
  });
});
