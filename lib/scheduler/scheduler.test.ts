import { afterEach, describe, expect, it, vi } from "vitest";
import type { Leadership } from "./leadership";
import { startScheduler, type Scheduler } from "./scheduler";

/** A leadership the test decides. */
function granted(initially: boolean): Leadership & { set: (leading: boolean) => void; released: boolean } {
  let leading = initially;
  return {
    released: false,
    set: (value) => (leading = value),
    leading: () => leading,
    confirm: async () => leading,
    async release() {
      this.released = true;
    },
  };
}

const schedulers: Scheduler[] = [];
afterEach(async () => {
  await Promise.all(schedulers.splice(0).map((s) => s.stop()));
  vi.useRealTimers();
});

function start(leadership: Leadership, jobs: { name: string; everyMs: number; run: () => Promise<void> }[]) {
  const scheduler = startScheduler({ jobs, leadership, intervalMs: 1_000 });
  schedulers.push(scheduler);
  return scheduler;
}

describe("scheduler", () => {
  it("runs the due jobs only while this node leads, each at most as often as it asks", async () => {
    vi.useFakeTimers();
    const leadership = granted(false);
    const runs: string[] = [];
    const scheduler = start(leadership, [
      { name: "often", everyMs: 1_000, run: async () => void runs.push("often") },
      { name: "rarely", everyMs: 60_000, run: async () => void runs.push("rarely") },
    ]);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(scheduler.role()).toBe("standby");
    expect(runs).toEqual([]);

    leadership.set(true); // the leader went: this node takes the lock at its next round
    await vi.advanceTimersByTimeAsync(1_000);
    expect(scheduler.role()).toBe("leader");
    expect(runs).toEqual(["often", "rarely"]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(runs).toEqual(["often", "rarely", "often", "often"]);
  });

  it("never overlaps a slow round, and a failing job does not stop the others", async () => {
    vi.useFakeTimers();
    let finish = () => {};
    let started = 0;
    const after: string[] = [];
    start(granted(true), [
      {
        name: "slow",
        everyMs: 0,
        run: () => {
          started++;
          return new Promise<void>((resolve) => (finish = resolve));
        },
      },
      { name: "broken", everyMs: 0, run: async () => Promise.reject(new Error("boom")) },
      { name: "next", everyMs: 0, run: async () => void after.push("next") },
    ]);
    vi.spyOn(process.stderr, "write").mockImplementation(() => true); // the failure is logged
    await vi.advanceTimersByTimeAsync(5_000);
    expect(started).toBe(1);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(after).toEqual(["next"]);
  });

  it("stops its rounds and releases the leadership", async () => {
    const leadership = granted(true);
    const scheduler = start(leadership, []);
    await scheduler.stop();
    expect(scheduler.role()).toBe("off");
    expect(leadership.released).toBe(true);
  });
});
