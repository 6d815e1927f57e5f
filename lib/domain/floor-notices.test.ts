import { describe, expect, it } from "vitest";
import {
  changeMark,
  collectNotices,
  isLivePath,
  isNewFor,
  markWindow,
  MARK_BUCKET_MS,
  MARK_OVERLAP_MS,
  nextPollDelay,
  readCursorFor,
  noticeAudience,
  noticeEventTypes,
  noticeKindOfEvent,
  PULSE_INTERVAL_MS,
  PULSE_MAX_DELAY_MS,
  type NoticeCandidate,
} from "@/lib/domain/floor-notices";

const at = (iso: string) => new Date(iso);

describe("who is told what", () => {
  it("tells handling units about their own tickets: 临期, 督办, 协办, 催办", () => {
    for (const role of ["HANDLER", "LEAD"] as const) {
      const audience = noticeAudience(role)!;
      expect(audience.scope).toBe("unit");
      expect(audience.kinds).toEqual(["NEAR", "SUPERVISED", "ASSIST", "REMINDER"]);
      expect(noticeEventTypes(audience).sort()).toEqual(["CITIZEN_REMINDER", "SUPERVISED"]);
    }
  });

  it("tells dispatchers about calls left for manual dispatch and 催办, with an optional sound", () => {
    const audience = noticeAudience("DISPATCHER")!;
    expect(audience).toMatchObject({ scope: "floor", sound: true });
    expect(noticeEventTypes(audience).sort()).toEqual(["CITIZEN_REMINDER", "ROUTING_FAILED"]);
  });

  it("tells managers about 催办 only, and administrators and citizens nothing", () => {
    expect(noticeEventTypes(noticeAudience("MANAGER")!)).toEqual(["CITIZEN_REMINDER"]);
    expect(noticeAudience("ADMIN")).toBeNull();
    expect(noticeAudience("CITIZEN")).toBeNull();
  });

  it("maps event types to notice kinds, and nothing else", () => {
    expect(noticeKindOfEvent("SUPERVISED")).toBe("SUPERVISED");
    expect(noticeKindOfEvent("CITIZEN_REMINDER")).toBe("REMINDER");
    expect(noticeKindOfEvent("NOTE")).toBeNull();
    expect(noticeKindOfEvent("toString")).toBeNull();
  });
});

describe("unread notices", () => {
  const candidates: NoticeCandidate[] = [
    { kind: "SUPERVISED", no: "1", title: "督办件", at: at("2026-11-30T10:00:00Z") },
    { kind: "NEAR", no: "2", title: "临期件", at: at("2026-11-30T09:00:00Z") },
    { kind: "ASSIST", no: "3", title: "协办件", at: at("2026-11-29T08:00:00Z") },
  ];

  it("lists newest first, with labels", () => {
    const { notices } = collectNotices(candidates, null);
    expect(notices.map((n) => [n.no, n.label])).toEqual([
      ["1", "督办"],
      ["2", "临期"],
      ["3", "协办"],
    ]);
  });

  it("counts as unread what was raised after the read cursor", () => {
    expect(collectNotices(candidates, null).unread).toBe(3);
    const { notices, unread } = collectNotices(candidates, at("2026-11-30T09:00:00Z"));
    expect(unread).toBe(1);
    expect(notices.map((n) => n.read)).toEqual([false, true, true]);
  });

  it("keeps the newest `limit` only", () => {
    const { notices, unread } = collectNotices(candidates, null, 2);
    expect(notices.map((n) => n.no)).toEqual(["1", "2"]);
    expect(unread).toBe(2);
  });

  it("marks read up to the newest notice shown, never beyond now", () => {
    const now = at("2026-11-30T12:00:00Z");
    expect(readCursorFor(at("2026-11-30T10:00:00Z"), now)).toEqual(at("2026-11-30T10:00:00Z"));
    expect(readCursorFor(at("2027-01-01T00:00:00Z"), now)).toEqual(now);
  });
});

describe("新 until opened", () => {
  it("marks a ticket waiting for the user until they open it", () => {
    expect(isNewFor("HANDLER", "DISPATCHED", false)).toBe(true);
    expect(isNewFor("LEAD", "DISPATCHED", false)).toBe(true);
    expect(isNewFor("HANDLER", "DISPATCHED", true)).toBe(false);
    expect(isNewFor("HANDLER", "IN_PROGRESS", false)).toBe(false);
    expect(isNewFor("DISPATCHER", "PENDING", false)).toBe(true);
    expect(isNewFor("DISPATCHER", "DISPATCHED", false)).toBe(false);
    expect(isNewFor("MANAGER", "PENDING", false)).toBe(false);
  });
});

describe("live updates", () => {
  it("counts steps from a few minutes before the hour, and starts afresh each hour", () => {
    const now = at("2026-11-30T10:42:00Z");
    const { bucket, since } = markWindow(now);
    expect(since.getTime()).toBe(at("2026-11-30T10:00:00Z").getTime() - MARK_OVERLAP_MS);
    expect(markWindow(at("2026-11-30T10:59:59Z")).bucket).toBe(bucket);
    expect(markWindow(new Date(now.getTime() + MARK_BUCKET_MS)).bucket).toBe(bucket + 1);
    expect(changeMark(bucket, 3)).not.toBe(changeMark(bucket, 4));
    expect(changeMark(bucket, 3)).not.toBe(changeMark(bucket + 1, 3));
  });

  it("polls every 15 s and backs off on failures up to 5 minutes", () => {
    expect(nextPollDelay(0)).toBe(PULSE_INTERVAL_MS);
    expect(nextPollDelay(1)).toBe(2 * PULSE_INTERVAL_MS);
    expect(nextPollDelay(3)).toBe(8 * PULSE_INTERVAL_MS);
    expect(nextPollDelay(50)).toBe(PULSE_MAX_DELAY_MS);
  });

  it("refreshes the queues by themselves, not forms or reports", () => {
    expect(isLivePath("/workbench")).toBe(true);
    expect(isLivePath("/supervised")).toBe(true);
    expect(isLivePath("/console")).toBe(false);
    expect(isLivePath("/workbenches")).toBe(false);
    expect(isLivePath("/tickets/2026113000001")).toBe(false);
  });
});
