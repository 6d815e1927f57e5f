// Demo history, hot-issue guard: ordinary tickets must not form 集中反映 by accident.
import { normalisePlace } from "@/lib/domain/duplicates";
import { DAY } from "./common";

/** 集中反映 window (DOMAIN §5); the spread of ordinary tickets keeps clear of it. */
const HOT_WINDOW = 30 * DAY;

const placeKeys = new Map<string, string>();

/** normalisePlace, memoised: the same few thousand place texts come up again and again. */
export function placeKeyOf(place: string | null): string {
  if (place === null) return "";
  let key = placeKeys.get(place);
  if (key === undefined) placeKeys.set(place, (key = normalisePlace(place)));
  return key;
}

/**
 * Remembers (category, placeKey) → receipt times, so ordinary tickets never make three within
 * 30 days: if a new ticket had two others within 30 days either side, some 30-day window would
 * hold three. Only the planted clusters (and whatever the demo seed made) form hot issues.
 */
export class HotIssueGuard {
  private readonly seen = new Map<string, number[]>();

  add(category: string, place: string | null, at: number): void {
    const key = this.key(category, place);
    if (!key) return;
    const times = this.seen.get(key);
    if (times) times.push(at);
    else this.seen.set(key, [at]);
  }

  crowded(category: string, place: string | null, at: number): boolean {
    const key = this.key(category, place);
    if (!key) return false;
    let near = 0;
    for (const t of this.seen.get(key) ?? []) if (Math.abs(t - at) < HOT_WINDOW && ++near >= 2) return true;
    return false;
  }

  private key(category: string, place: string | null): string | null {
    const placeKey = placeKeyOf(place);
    return placeKey ? `${category}\u0000${placeKey}` : null;
  }
}
