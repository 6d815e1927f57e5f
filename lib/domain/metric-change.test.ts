import { describe, expect, it } from "vitest";
import { emptyCounters, ratesOf, type Counters, type Metrics } from "./metrics";
import { metricChange } from "./metric-change";

const metrics = (c: Partial<Counters>): Metrics => ratesOf({ ...emptyCounters(), ...c }, { satisfactionBasicWeight: 1 });
const H = 3_600_000;

describe("metricChange", () => {
  it("gives 受理量 a relative change, neither good nor bad", () => {
    expect(metricChange("received", metrics({ received: 1476 }), metrics({ received: 1400 }))).toEqual({ text: "▲ 5.43%", direction: "up", tone: "neutral" });
    expect(metricChange("received", metrics({ received: 90 }), metrics({ received: 100 })).text).toBe("▼ 10.00%");
    expect(metricChange("received", metrics({ received: 5 }), metrics({ received: 0 })).text).toBe("—");
    expect(metricChange("received", metrics({ received: 7 }), metrics({ received: 7 })).text).toBe("持平");
  });

  it("gives rates the change in percentage points between the displayed figures", () => {
    // 93.03% against 90.00%
    const change = metricChange("satisfactionRate", metrics({ evaluated: 1435, satisfied: 1335 }), metrics({ evaluated: 10, satisfied: 9 }));
    expect(change).toEqual({ text: "▲ 3.03 个百分点", direction: "up", tone: "good" });
    expect(metricChange("closedRate", metrics({ received: 4, closed: 1 }), metrics({ received: 2, closed: 1 }))).toEqual({
      text: "▼ 25.00 个百分点",
      direction: "down",
      tone: "bad",
    });
  });

  it("counts a fall as better where lower is better", () => {
    const change = metricChange("reopenRate", metrics({ closed: 10, reopened: 1 }), metrics({ closed: 10, reopened: 2 }));
    expect(change).toEqual({ text: "▼ 10.00 个百分点", direction: "down", tone: "good" });
  });

  it("gives 平均办理时长 the change in hours", () => {
    const change = metricChange("avgHandlingHours", metrics({ closed: 2, handlingMs: 30 * H }), metrics({ closed: 1, handlingMs: 12.5 * H }));
    expect(change).toEqual({ text: "▲ 2.50 小时", direction: "up", tone: "bad" });
  });

  it("shows no change when either side has nothing to divide by, and 持平 for equal figures", () => {
    expect(metricChange("satisfactionRate", metrics({}), metrics({ evaluated: 1, satisfied: 1 })).text).toBe("—");
    expect(metricChange("satisfactionRate", metrics({ evaluated: 1, satisfied: 1 }), metrics({})).text).toBe("—");
    expect(metricChange("onTimeRate", metrics({ closed: 3, closedOnTime: 2 }), metrics({ closed: 6, closedOnTime: 4 }))).toEqual({
      text: "持平",
      direction: "flat",
      tone: "neutral",
    });
  });
});
