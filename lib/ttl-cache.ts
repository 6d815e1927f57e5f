// A small in-memory cache of loads that expire after a fixed lifetime: for pages anyone may
// request (the public 数据公开 page), so that a flood of requests costs one database read per key
// and lifetime instead of one per request. Concurrent requests share the load in flight; a failed
// load is forgotten at once so the next request tries again. Per process: each node of a cluster
// keeps its own copy, which only means one more read per node.

export type TtlCache<V> = (key: string, load: () => Promise<V>) => Promise<V>;

export function ttlCache<V>(ttlMs: number, maxEntries = 500): TtlCache<V> {
  const entries = new Map<string, { value: Promise<V>; loadedAt: number }>();
  return (key, load) => {
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && now - hit.loadedAt < ttlMs) return hit.value;
    entries.delete(key); // re-inserted last: the Map's order is the order of loading
    const value = load();
    const entry = { value, loadedAt: now };
    entries.set(key, entry);
    value.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    // The keys callers pass are validated, so this bound is a safety net, not an eviction policy.
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    return value;
  };
}
