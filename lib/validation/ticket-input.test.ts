import { describe, expect, it } from "vitest";
import { ticketInputSchema } from "./ticket-input";

const valid = {
  type: "COMPLAINT",
  category: "TRAFFIC_ORG",
  title: "信号灯配时",
  content: "路口左转信号太短，排队很长，请调整。",
  phone: "13800000000",
};

function fieldsOf(input: unknown) {
  const r = ticketInputSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
}

describe("ticket input schema", () => {
  it("accepts a complete complaint and defaults urgency and anonymity", () => {
    const r = ticketInputSchema.parse({ ...valid, name: "  王先生 ", place: "" });
    expect(r).toMatchObject({ urgency: "NORMAL", anonymous: false, name: "王先生", place: undefined });
  });

  it("needs a phone unless anonymous, and an anonymous one carries no contact", () => {
    expect(fieldsOf({ ...valid, phone: undefined })).toEqual(["phone"]);
    expect(fieldsOf({ ...valid, phone: "" })).toEqual(["phone"]);
    expect(fieldsOf({ ...valid, phone: undefined, anonymous: true })).toEqual([]);
    expect(fieldsOf({ ...valid, anonymous: true })).toEqual(["anonymous"]);
  });

  it("explains each broken field in Chinese", () => {
    const r = ticketInputSchema.safeParse({ type: "X", category: "Y", title: "a", content: "短", phone: "123", lat: 100 });
    expect(r.success).toBe(false);
    const issues = r.success ? [] : r.error.issues;
    expect(issues.map((i) => i.path[0]).sort()).toEqual(["category", "content", "lat", "phone", "title", "type"].sort());
    for (const issue of issues) expect(issue.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it("bounds content to 10–4000 characters (GeoReport v2's limit) after trimming", () => {
    expect(fieldsOf({ ...valid, content: "  一二三四五六七八九  " })).toEqual(["content"]);
    expect(fieldsOf({ ...valid, content: "一二三四五六七八九十" })).toEqual([]);
    expect(fieldsOf({ ...valid, content: "字".repeat(4000) })).toEqual([]);
    expect(fieldsOf({ ...valid, content: "字".repeat(4001) })).toEqual(["content"]);
  });

  it("stores content with LF line ends whatever the client sent, counted after that", () => {
    expect(ticketInputSchema.parse({ ...valid, content: "第一行内容写在这里\r\n第二行\r第三行" }).content).toBe("第一行内容写在这里\n第二行\n第三行");
    expect(fieldsOf({ ...valid, content: `${"字".repeat(2000)}\r\n${"字".repeat(1999)}` })).toEqual([]); // 4001 sent, 4000 kept
  });

  it("wants both coordinates or neither", () => {
    expect(fieldsOf({ ...valid, lat: 31.2 })).toEqual(["lng"]);
    expect(fieldsOf({ ...valid, lat: 31.2, lng: 121.5 })).toEqual([]);
  });
});
