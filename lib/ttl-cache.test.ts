import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ttlCache } from "./ttl-cache";

describe("ttlCache", () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date("2026-11-30T08:00:00Z") }));
  afterEach(() => vi.useRealTimers());

  it("loads a key once per lifetime, and shares a load in flight", async () => {
    const cache = ttlCache<number>(300_000);
    const load = vi.fn(async () => 42);
    const [a, b] = await Promise.all([cache("2022", load), cache("2022", load)]);
    expect([a, b]).toEqual([42, 42]);
    vi.advanceTimersByTime(299_999);
    await cache("2022", load);
    expect(load).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    await cache("2022", load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("keeps keys apart", async () => {
    const cache = ttlCache<string>(1000);
    expect(await cache("a", async () => "A")).toBe("A");
    expect(await cache("b", async () => "B")).toBe("B");
    expect(await cache("a", async () => "changed")).toBe("A");
  });

  it("forgets a failed load, so the next request tries again", async () => {
    const cache = ttlCache<number>(1000);
    await expect(cache("k", async () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(await cache("k", async () => 7)).toBe(7);
  });

  it("holds at most maxEntries keys, dropping the oldest load", async () => {
    const cache = ttlCache<string>(1000, 2);
    await cache("a", async () => "A");
    await cache("b", async () => "B");
    await cache("c", async () => "C");
    expect(await cache("b", async () => "reloaded")).toBe("B");
    expect(await cache("a", async () => "reloaded")).toBe("reloaded");
  });
});
