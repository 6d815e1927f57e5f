import { describe, expect, it } from "vitest";
import { toRequestUpdate, type UpdateRow } from "./updates";

const at = new Date("2026-01-15T02:00:00Z");
const step = (type: string, payload: Record<string, unknown>, categoryCode = "TRAFFIC_ORG"): UpdateRow => ({
  id: "0194e7a0-0000-7000-8000-000000000001",
  type,
  payload: JSON.stringify(payload),
  createdAt: at,
  ticket: { no: "20260115000123", categoryCode, status: "IN_PROGRESS" },
});

describe("toRequestUpdate", () => {
  it("shows a step as a FixMyStreet update", () => {
    expect(toRequestUpdate(step("DISPATCHED", { unit: "ZQ1", unitName: "执勤一大队" }), "public")).toEqual({
      update_id: "0194e7a0-0000-7000-8000-000000000001",
      service_request_id: "20260115000123",
      status: "open",
      updated_datetime: "2026-01-15T10:00:00+08:00",
      description: "已分派至执勤一大队办理",
      media_url: null,
    });
  });

  it("maps the steps to FixMyStreet's statuses honestly", () => {
    const status = (row: UpdateRow) => toRequestUpdate(row, "staff").status;
    expect(status(step("SIGNED", {}))).toBe("investigating");
    expect(status(step("CONTACTED", { method: "CALL" }))).toBe("in_progress");
    expect(status(step("REPLIED", { text: "已调整配时。" }))).toBe("fixed");
    expect(status(step("REPLIED", { text: "请向住建部门反映。" }, "NON_POLICE"))).toBe("not_councils_responsibility");
    expect(status(step("REOPENED", { round: 2 }))).toBe("in_progress");
    expect(status(step("CLOSED", { satisfaction: "SATISFIED" }))).toBe("fixed");
    expect(status(step("CLOSED", { note: "已解释", afterReview: true }))).toBe("closed");
    expect(status(step("INVALIDATED", {}))).toBe("closed");
    const merged = toRequestUpdate(step("MERGED", { into: "20260114000001" }), "public");
    expect(merged).toMatchObject({ status: "duplicate", description: expect.stringContaining("20260114000001") });
  });

  it("tells only what the citizen's timeline tells, personal data masked in the public view", () => {
    const contacted = toRequestUpdate(step("CONTACTED", { method: "CALL", note: "群众语气激动" }), "staff");
    expect(contacted.description).not.toContain("激动");
    const reply = step("REPLIED", { text: "已联系车主鲁P12345挪车，电话13912345678。", coordinatedWith: "某单位" });
    expect(toRequestUpdate(reply, "public").description).toBe("已联系车主鲁P***45挪车，电话139****5678。");
    expect(toRequestUpdate(reply, "staff").description).toBe("已联系车主鲁P12345挪车，电话13912345678。");
    const closedWithReason = toRequestUpdate(step("INVALIDATED", { reason: "PRANK", note: "恶意来电" }), "staff");
    expect(closedWithReason.description).not.toContain("恶意");
  });
});
