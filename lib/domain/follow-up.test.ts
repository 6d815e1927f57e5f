import { describe, expect, it } from "vitest";
import { followUpRefusal, reminderRefusal } from "./follow-up";

describe("followUpRefusal", () => {
  it("accepts both kinds on a ticket still being worked", () => {
    for (const status of ["PENDING", "DISPATCHED", "IN_PROGRESS"] as const) {
      expect(followUpRefusal("REMIND", status)).toBeNull();
      expect(followUpRefusal("SUPPLEMENT", status)).toBeNull();
    }
  });

  it("takes more material but no reminder once answered", () => {
    expect(followUpRefusal("SUPPLEMENT", "REPLIED")).toBeNull();
    expect(followUpRefusal("REMIND", "REPLIED")).toContain("已答复");
  });

  it("refuses closed, merged and invalid tickets in Chinese", () => {
    expect(followUpRefusal("REMIND", "CLOSED")).toBe("该诉求已办结，不能再催办；如有新的问题，请重新反映");
    expect(followUpRefusal("SUPPLEMENT", "INVALID")).toBe("该诉求已办结，不能再补充；如有新的问题，请重新反映");
    expect(followUpRefusal("SUPPLEMENT", "MERGED")).toContain("已并入");
  });
});

describe("reminderRefusal", () => {
  const at = (iso: string) => new Date(iso);

  it("allows the first reminder", () => {
    expect(reminderRefusal(null, at("2026-11-30T02:00:00Z"))).toBeNull();
  });

  it("refuses a second reminder on the same local day", () => {
    // 09:00 and 23:59 in Shanghai on 30 November.
    expect(reminderRefusal(at("2026-11-30T01:00:00Z"), at("2026-11-30T15:59:00Z"))).toContain("今天已催办");
  });

  it("allows one again after local midnight, even within 24 hours", () => {
    // 23:30 on the 30th, then 00:10 on 1 December, Shanghai time.
    expect(reminderRefusal(at("2026-11-30T15:30:00Z"), at("2026-11-30T16:10:00Z"))).toBeNull();
  });
});
