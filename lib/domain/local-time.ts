/**
 * Local time for the hotline: Asia/Shanghai is UTC+8 all year (China has had no daylight
 * saving since 1991), so plain arithmetic is exact and we need no time-zone library.
 * A "local date" is a "YYYY-MM-DD" string naming a Shanghai calendar day.
 */

const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Shift an instant so that its UTC fields read as Shanghai wall-clock fields. */
function toWallClock(instant: Date): Date {
  return new Date(instant.getTime() + OFFSET_MS);
}

/** Wall-clock fields (Shanghai) → instant; NaN if the fields do not name a real moment. */
function fromWallClock(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date {
  const wall = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  wall.setUTCFullYear(y, mo - 1, d);
  wall.setUTCHours(h, mi, s, 0);
  return new Date(wall.getTime() - OFFSET_MS);
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/;

/** True for a well-formed, real calendar date ("2025-02-29" is false). */
export function isLocalDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const instant = fromWallClock(Number(m[1]), Number(m[2]), Number(m[3]));
  // Date rolls 02-30 over to 03-02, so a round trip exposes impossible dates.
  return localDateOf(instant) === text;
}

function assertLocalDate(date: string): void {
  if (!isLocalDate(date)) throw new RangeError(`Not a valid local date (YYYY-MM-DD): "${date}"`);
}

/** The Shanghai calendar date of an instant. */
export function localDateOf(instant: Date): string {
  return toWallClock(instant).toISOString().slice(0, 10);
}

/** The instant at which the given Shanghai date begins (00:00 local). */
export function localMidnight(date: string): Date {
  assertLocalDate(date);
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  return fromWallClock(y, mo, d);
}

export function addLocalDays(date: string, n: number): string {
  return localDateOf(new Date(localMidnight(date).getTime() + n * DAY_MS));
}

/**
 * A range of Shanghai dates as people pick it — both days included, either end open — as the
 * instants a query compares with: `start` ≤ t < `end`.
 */
export function localDayRange({ from, to }: { from?: string; to?: string }): { start?: Date; end?: Date } {
  return { start: from ? localMidnight(from) : undefined, end: to ? localMidnight(addLocalDays(to, 1)) : undefined };
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return toWallClock(localMidnight(date)).getUTCDay();
}

/**
 * Parses "YYYY-MM-DD HH:mm" or "YYYY-MM-DD HH:mm:ss" as Shanghai local time.
 * Returns null for anything malformed or impossible (2025-02-30, 25:00, 12:60).
 */
export function parseLocalDateTime(text: string): Date | null {
  const m = DATE_TIME_RE.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  const s = m[6] === undefined ? 0 : Number(m[6]);
  if (h > 23 || mi > 59 || s > 59) return null;
  const instant = fromWallClock(y, mo, d, h, mi, s);
  if (localDateOf(instant) !== `${m[1]}-${m[2]}-${m[3]}`) return null;
  return instant;
}

/** "YYYY-MM-DD HH:mm" in Shanghai local time. */
export function formatLocalDateTime(instant: Date): string {
  const iso = toWallClock(instant).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
