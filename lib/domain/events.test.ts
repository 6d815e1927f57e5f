import { describe, expect, it } from "vitest";
import { citizenPayload, citizenTimeline, EVENT_TYPES } from "./events";

const event = (type: string, payload: Record<string, unknown>, visibility = "PUBLIC") => ({
  type,
  visibility,
  payload: JSON.stringify(payload),
});

describe("what of an event reaches the citizen", () => {
  it("keeps only the allow-listed fields: the reply text, never the contact note or the invalidation reason", () => {
    expect(citizenPayload("CONTACTED", { note: "群众情绪激动，疑似骚扰", method: "CALL" })).toEqual({ method: "CALL" });
    expect(citizenPayload("INVALIDATED", { reason: "PRANK", note: "多次恶意来电" })).toEqual({});
    expect(
      citizenPayload("REPLIED", { text: "已调整信号配时。", coordinatedWith: "城管局", coordinationAnswer: "内部意见" }),
    ).toEqual({ text: "已调整信号配时。" });
    expect(citizenPayload("EVALUATED", { resolved: true, satisfaction: "BASIC", comment: "x", round: 1, source: "CALLBACK" })).toEqual({
      resolved: true,
      satisfaction: "BASIC",
      round: 1,
    });
  });

  it("gives nothing for internal and unknown types, and ignores inherited keys", () => {
    expect(citizenPayload("NOTE", { text: "内部记录" })).toEqual({});
    expect(citizenPayload("SUPERVISED", { note: "督办" })).toEqual({});
    expect(citizenPayload("toString", { text: "x" })).toEqual({});
    expect(citizenPayload("NO_SUCH_TYPE", { text: "x" })).toEqual({});
    expect(citizenPayload("REPLIED", Object.create({ text: "inherited" }) as Record<string, unknown>)).toEqual({});
  });

  it("every internal type has no citizen fields; every public one lists them", () => {
    for (const [type, definition] of Object.entries(EVENT_TYPES)) {
      if (definition.visibility === "INTERNAL") expect("citizenFields" in definition, type).toBe(false);
      else expect(Array.isArray((definition as { citizenFields?: unknown }).citizenFields), type).toBe(true);
    }
  });

  it("the timeline drops INTERNAL rows (also a public type stored as internal) and cuts payloads", () => {
    const timeline = citizenTimeline([
      event("RECEIVED", { channel: "WEB" }),
      event("NOTE", { text: "内部" }, "INTERNAL"),
      event("CONTACTED", { note: "联系记录", method: "VISIT" }),
      event("REPLIED", { text: "答复内容" }, "INTERNAL"),
      event("INVALIDATED", { reason: "SPAM" }),
    ]);
    expect(timeline.map((e) => [e.type, e.payload])).toEqual([
      ["RECEIVED", { channel: "WEB" }],
      ["CONTACTED", { method: "VISIT" }],
      ["INVALIDATED", {}],
    ]);
  });
});
