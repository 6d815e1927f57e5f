import { describe, expect, it } from "vitest";
import {
  addCounters,
  emptyCounters,
  formatHours,
  formatPercent,
  ratesOf,
  roundHalfUp,
  ticketCounters,
  type Counters,
  type MetricTicket,
} from "./metrics";

const H = 3_600_000;
const t0 = new Date("2026-03-02T01:00:00Z");
const at = (hours: number) => new Date(t0.getTime() + hours * H);
const now = at(1000);

/** A ticket closed in time, contacted and signed in time, answered 满意 and 解决. */
function ticket(overrides: Partial<MetricTicket> = {}): MetricTicket {
  return {
    status: "CLOSED",
    anonymous: false,
    receivedAt: t0,
    dispatchedAt: t0,
    signedAt: at(1),
    signDueAt: at(2),
    firstContactAt: at(3),
    contactDueAt: at(24),
    contactOverdueAt: null,
    closedAt: at(48),
    dueAt: at(120),
    resolved: true,
    satisfaction: "SATISFIED",
    returnCount: 0,
    reopenCount: 0,
    ...overrides,
  };
}

const W = { satisfactionBasicWeight: 1 };

function sum(tickets: MetricTicket[]): Counters {
  return tickets.reduce((acc, t) => addCounters(acc, ticketCounters(t, now)), emptyCounters());
}

describe("ticketCounters", () => {
  it("counts a ticket handled by the book in every numerator and denominator", () => {
    expect(ticketCounters(ticket(), now)).toEqual({
      received: 1,
      dispatched: 1,
      returned: 0,
      closed: 1,
      closedOnTime: 1,
      handlingMs: 48 * H,
      evaluated: 1,
      resolved: 1,
      satisfied: 1,
      basic: 0,
      reopened: 0,
      responded: 1,
      contactDue: 1,
      contactLate: 0,
    });
  });

  it("leaves MERGED and INVALID tickets out of everything", () => {
    expect(ticketCounters(ticket({ status: "MERGED" }), now)).toEqual(emptyCounters());
    expect(ticketCounters(ticket({ status: "INVALID" }), now)).toEqual(emptyCounters());
  });

  it("counts 未评价 as closed but not as an answered evaluation", () => {
    const c = ticketCounters(ticket({ satisfaction: "NONE", resolved: null }), now);
    expect([c.closed, c.evaluated, c.resolved, c.satisfied, c.basic]).toEqual([1, 0, 0, 0, 0]);
  });

  it("closes late: closed after the final due time is not on time; exactly at it is", () => {
    expect(ticketCounters(ticket({ closedAt: at(121) }), now).closedOnTime).toBe(0);
    expect(ticketCounters(ticket({ closedAt: at(120) }), now).closedOnTime).toBe(1);
  });

  it("responds only when both signing and first contact were in time", () => {
    expect(ticketCounters(ticket({ signedAt: at(3) }), now).responded).toBe(0);
    expect(ticketCounters(ticket({ firstContactAt: at(25) }), now).responded).toBe(0);
    expect(ticketCounters(ticket({ signedAt: null, status: "DISPATCHED", closedAt: null, satisfaction: null }), now).responded).toBe(0);
  });

  it("puts in the response denominator the contacted tickets and those whose contact deadline passed", () => {
    const open = { status: "IN_PROGRESS" as const, closedAt: null, satisfaction: null, resolved: null, firstContactAt: null };
    // deadline still running, nobody called yet: not in the denominator
    expect(ticketCounters(ticket({ ...open, contactDueAt: at(2000) }), now)).toMatchObject({ contactDue: 0, contactLate: 0 });
    // deadline passed, the scheduler has not recorded it yet: counted at read time
    expect(ticketCounters(ticket({ ...open }), now)).toMatchObject({ contactDue: 0, contactLate: 1 });
    // deadline passed and recorded (OVERDUE marker): kept in the stored counter
    expect(ticketCounters(ticket({ ...open, contactOverdueAt: at(25) }), now)).toMatchObject({ contactDue: 1, contactLate: 0 });
    // a marker from before the deadline moved does not count as recorded
    expect(ticketCounters(ticket({ ...open, contactOverdueAt: at(10) }), now)).toMatchObject({ contactDue: 0, contactLate: 1 });
  });

  it("gives anonymous tickets no contact clock: out of the response denominator unless contacted", () => {
    const anonymous = ticket({ anonymous: true, firstContactAt: null, satisfaction: null, resolved: null });
    expect(ticketCounters(anonymous, now)).toMatchObject({ contactDue: 0, contactLate: 0, responded: 0 });
  });

  it("counts returns, reopens and dispatch as flags, not as how many times", () => {
    const c = ticketCounters(ticket({ returnCount: 2, reopenCount: 1 }), now);
    expect([c.returned, c.reopened]).toEqual([1, 1]);
    expect(ticketCounters(ticket({ status: "PENDING", dispatchedAt: null, closedAt: null, satisfaction: null }), now).dispatched).toBe(0);
  });
});

describe("ratesOf", () => {
  it("divides each numerator by its §6 denominator", () => {
    const c = sum([
      ticket(),
      ticket({ satisfaction: "BASIC", resolved: false, closedAt: at(130) }),
      ticket({ satisfaction: "UNSATISFIED", reopenCount: 1 }),
      ticket({ satisfaction: "NONE", resolved: null }),
      ticket({ status: "IN_PROGRESS", closedAt: null, satisfaction: null, resolved: null, returnCount: 1 }),
    ]);
    const m = ratesOf(c, W);
    expect(m.received).toBe(5);
    expect(m.closedRate).toEqual({ num: 4, den: 5, rate: 0.8 });
    expect(m.onTimeRate).toEqual({ num: 3, den: 4, rate: 0.75 });
    expect(m.resolutionRate).toEqual({ num: 2, den: 3, rate: 2 / 3 });
    expect(m.satisfactionRate).toEqual({ num: 2, den: 3, rate: 2 / 3 });
    expect(m.evaluationRate).toEqual({ num: 3, den: 4, rate: 0.75 });
    expect(m.reopenRate).toEqual({ num: 1, den: 4, rate: 0.25 });
    expect(m.returnRate).toEqual({ num: 1, den: 5, rate: 0.2 });
    expect(m.responseRate).toEqual({ num: 5, den: 5, rate: 1 });
    expect(m.avgHandlingHours.num).toBe(48 + 130 + 48 + 48);
    expect(m.avgHandlingHours.rate).toBe((48 + 130 + 48 + 48) / 4);
  });

  it("weighs 基本满意 by the configured weight", () => {
    const c = sum([ticket(), ticket({ satisfaction: "BASIC" })]);
    expect(ratesOf(c, { satisfactionBasicWeight: 0.5 }).satisfactionRate).toEqual({ num: 1.5, den: 2, rate: 0.75 });
  });

  it("answers null, not 0 or 1, when there is nothing to divide by", () => {
    const m = ratesOf(emptyCounters(), W);
    expect(m.received).toBe(0);
    for (const rate of [m.closedRate, m.responseRate, m.satisfactionRate, m.avgHandlingHours]) {
      expect(rate).toEqual({ num: 0, den: 0, rate: null });
    }
  });
});

describe("display", () => {
  it("rounds half-up to two decimals: 1335/1435 → 93.03%", () => {
    expect(formatPercent({ num: 1335, den: 1435, rate: 1335 / 1435 })).toBe("93.03%");
    expect(roundHalfUp(1335, 1435)).toBe(93.03);
  });

  it("rounds an exact half up where float arithmetic would round it down", () => {
    // 1/8 = 12.5% → 12.50; 10.005% = 2001/20000 → 10.01 (0.10005 * 10000 = 1000.4999… in floats)
    expect(roundHalfUp(2001, 20000)).toBe(10.01);
    expect(roundHalfUp(1, 8)).toBe(12.5);
    expect(roundHalfUp(2, 3)).toBe(66.67);
    expect(roundHalfUp(1, 3)).toBe(33.33);
  });

  it("shows — for a zero denominator, never 0% or 100%", () => {
    expect(formatPercent({ num: 0, den: 0, rate: null })).toBe("—");
    expect(formatHours({ num: 0, den: 0, rate: null })).toBe("—");
  });

  it("shows hours with two decimals", () => {
    expect(formatHours({ num: 49, den: 4, rate: 12.25 })).toBe("12.25 小时");
  });
});
