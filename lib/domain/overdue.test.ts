import { describe, expect, it } from "vitest";
import { crossedDeadlines, deadlineFlags, nearSince, nextScanAt, type ClockedTicket } from "./overdue";
import { deadlineState, earliestOpenDeadline } from "./time-limits";

const HOUR = 60 * 60 * 1000;
const received = new Date("2026-11-02T01:00:00Z");
const at = (hours: number) => new Date(received.getTime() + hours * HOUR);

/** Dispatched on receipt: sign due after 1 h, contact after 24 h, close after 120 h. */
function ticket(overrides: Partial<ClockedTicket> = {}): ClockedTicket {
  return {
    status: "DISPATCHED",
    anonymous: false,
    receivedAt: received,
    dispatchedAt: received,
    signDueAt: at(1),
    signedAt: null,
    signOverdueAt: null,
    contactDueAt: at(24),
    firstContactAt: null,
    contactOverdueAt: null,
    dueAt: at(120),
    repliedAt: null,
    dueOverdueAt: null,
    ...overrides,
  };
}

const kinds = (t: ClockedTicket, now: Date) => crossedDeadlines(t, now).map((c) => c.deadline);

describe("crossedDeadlines", () => {
  it("does not cross exactly at the deadline, only after it", () => {
    expect(kinds(ticket(), at(1))).toEqual([]);
    expect(crossedDeadlines(ticket(), new Date(at(1).getTime() + 1))).toEqual([{ deadline: "SIGN", dueAt: at(1) }]);
  });

  it("reports every deadline that is past, unmet and unrecorded", () => {
    expect(kinds(ticket(), at(200))).toEqual(["SIGN", "CONTACT", "CLOSE"]);
  });

  it("never crosses a deadline that was met, even late", () => {
    const t = ticket({ status: "IN_PROGRESS", signedAt: at(5), firstContactAt: at(30) });
    expect(kinds(t, at(200))).toEqual(["CLOSE"]);
  });

  it("stops the close clock once the ticket is replied, and every clock once it is finished", () => {
    expect(kinds(ticket({ status: "REPLIED", signedAt: at(0.5), firstContactAt: at(2), repliedAt: at(10) }), at(200))).toEqual([]);
    // A REPLIED status alone stops the clocks, whatever the columns say.
    expect(kinds(ticket({ status: "REPLIED" }), at(200))).toEqual([]);
    for (const status of ["CLOSED", "MERGED", "INVALID"] as const) expect(kinds(ticket({ status }), at(200))).toEqual([]);
  });

  it("skips what is already recorded", () => {
    const t = ticket({ signOverdueAt: at(1.01), contactOverdueAt: at(25) });
    expect(kinds(t, at(200))).toEqual(["CLOSE"]);
    expect(kinds({ ...t, dueOverdueAt: at(121) }, at(200))).toEqual([]);
  });

  it("watches a deadline again once it moves past its marker (延期, 疑难)", () => {
    const extended = ticket({ status: "IN_PROGRESS", signedAt: at(0.5), firstContactAt: at(2), dueAt: at(300), dueOverdueAt: at(121) });
    expect(kinds(extended, at(250))).toEqual([]);
    expect(crossedDeadlines(extended, at(301))).toEqual([{ deadline: "CLOSE", dueAt: at(300) }]);
  });

  it("has no sign clock before dispatch, and no contact clock for an anonymous caller", () => {
    expect(kinds(ticket({ status: "PENDING", dispatchedAt: null, signDueAt: null }), at(200))).toEqual(["CONTACT", "CLOSE"]);
    expect(kinds(ticket({ anonymous: true }), at(200))).toEqual(["SIGN", "CLOSE"]);
  });
});

describe("deadlineFlags", () => {
  it("is OK, then 临期 in the last 20% of each span, then 超期 after the deadline", () => {
    // Sign spans 1 h from dispatch; contact 24 h and close 120 h from receipt.
    expect(deadlineFlags(ticket(), at(0.5))).toEqual({ sign: "OK", contact: "OK", close: "OK" });
    expect(deadlineFlags(ticket(), at(0.9))).toEqual({ sign: "NEAR", contact: "OK", close: "OK" });
    expect(deadlineFlags(ticket(), at(1))).toMatchObject({ sign: "NEAR" });
    expect(deadlineFlags(ticket(), at(20))).toEqual({ sign: "OVERDUE", contact: "NEAR", close: "OK" });
    expect(deadlineFlags(ticket(), at(100))).toEqual({ sign: "OVERDUE", contact: "OVERDUE", close: "NEAR" });
  });

  it("stays 超期 after the crossing is recorded: markers are for the scheduler, not the flags", () => {
    expect(deadlineFlags(ticket({ signOverdueAt: at(2) }), at(3)).sign).toBe("OVERDUE");
  });

  it("is null where no clock runs", () => {
    const signed = ticket({ status: "IN_PROGRESS", signedAt: at(0.5) });
    expect(deadlineFlags(signed, at(200))).toEqual({ sign: null, contact: "OVERDUE", close: "OVERDUE" });
    expect(deadlineFlags(ticket({ status: "REPLIED", repliedAt: at(10) }), at(200))).toEqual({ sign: null, contact: null, close: null });
    expect(deadlineFlags(ticket({ status: "PENDING", dispatchedAt: null, signDueAt: null, anonymous: true }), at(1)).sign).toBeNull();
    expect(deadlineFlags(ticket({ anonymous: true }), at(1)).contact).toBeNull();
  });

  it("starts the sign span at dispatch, not receipt", () => {
    const late = ticket({ status: "DISPATCHED", dispatchedAt: at(10), signDueAt: at(11) });
    expect(deadlineFlags(late, at(10.5)).sign).toBe("OK");
  });

  it("agrees with deadlineState at 20% and scales the 临期 share with the setting", () => {
    for (let minutes = 0; minutes <= 70; minutes++) {
      const now = new Date(received.getTime() + minutes * 60_000);
      expect(deadlineFlags(ticket(), now).sign).toBe(deadlineState(now, received, at(1)));
    }
    // 50%: 临期 from half-time on, at 30 minutes for the 1 h sign limit.
    expect(deadlineFlags(ticket(), at(0.49), 0.5).sign).toBe("OK");
    expect(deadlineFlags(ticket(), at(0.51), 0.5).sign).toBe("NEAR");
    expect(deadlineFlags(ticket(), at(0.99), 0).sign).toBe("OK");
  });
});

describe("nextScanAt", () => {
  it("is the earliest deadline neither met nor recorded", () => {
    expect(nextScanAt(ticket())).toEqual(at(1));
    expect(nextScanAt(ticket({ signOverdueAt: at(1.5) }))).toEqual(at(24));
    expect(nextScanAt(ticket({ signedAt: at(0.5), contactOverdueAt: at(25) }))).toEqual(at(120));
    expect(nextScanAt(ticket({ signOverdueAt: at(2), contactOverdueAt: at(25), dueOverdueAt: at(121) }))).toBeNull();
    expect(nextScanAt(ticket({ status: "CLOSED" }))).toBeNull();
  });

  it("is never before escalationAt, which keeps recorded deadlines for the workbench's sort", () => {
    const recorded = ticket({ signOverdueAt: at(1.5) });
    expect(earliestOpenDeadline(recorded)).toEqual(at(1));
    expect(nextScanAt(recorded)!.getTime()).toBeGreaterThan(earliestOpenDeadline(recorded)!.getTime());
  });
});

describe("nearSince", () => {
  it("dates 临期 from the moment the clock entered the last 20% of its span, the latest clock's if several", () => {
    expect(nearSince(ticket(), at(0.5))).toBeNull();
    expect(nearSince(ticket(), at(0.9))).toEqual(at(0.8));
    // Sign is 超期 (not 临期), contact entered its last 20% at 19.2 h.
    expect(nearSince(ticket(), at(20))).toEqual(at(19.2));
    const signed = ticket({ status: "IN_PROGRESS", signedAt: at(0.5) });
    expect(nearSince(signed, at(200))).toBeNull();
    // The admin's fraction, as the badge uses it.
    expect(nearSince(ticket(), at(0.6), 0.5)).toEqual(at(0.5));
  });
});
