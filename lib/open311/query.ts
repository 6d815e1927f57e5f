// GET requests (GeoReport v2): service_request_id, service_code, start_date, end_date, status,
// and page / page_size (an extension several Open311 servers share) so that no result is cut off
// silently. Dates are W3C ISO 8601, with any fraction of a second (clients send microseconds); a
// date without a time names a local (Asia/Shanghai) day, and a time without a zone is local time,
// as a caller of a Chinese hotline means it.
import { addLocalDays, isLocalDate, localMidnight } from "@/lib/domain/local-time";
import { Invalid, type FieldError } from "@/lib/errors";
import type { Open311Status } from "@/lib/open311/requests";

const DAY_MS = 24 * 60 * 60 * 1000;
/** The spec's default window and the widest one a caller may ask for. */
export const WINDOW_DAYS = 90;
/** The most results one answer holds: the default and largest page_size, and the most ids one look-up takes. */
export const MAX_RESULTS = 1000;

/** GET servicerequestupdates: the steps taken in [from, to], oldest first, a page of them. */
export type UpdatesFilter = { from: Date; to: Date | null; limit: number; offset: number };

export type RequestsFilter =
  | { kind: "ids"; ids: string[]; limit: number }
  | {
      kind: "search";
      serviceCodes: string[];
      statuses: Open311Status[];
      /** requested_datetime ≥ from */
      from: Date;
      /** requested_datetime ≤ to, when bounded */
      to: Date | null;
      limit: number;
      /** Results skipped: (page − 1) × page_size. */
      offset: number;
    };

const W3C = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses a W3C date-time. A bare date is the start of that local day, or its last millisecond
 * when `endOfDay` (end_date=2026-01-15 includes all of the 15th). Null when malformed.
 */
export function parseW3cDateTime(text: string, options: { endOfDay?: boolean } = {}): Date | null {
  // An unencoded "+08:00" in a query string arrives as " 08:00".
  const m = W3C.exec(text.trim().replace(/(T[\d:.]+) (\d{2}:?\d{2})$/, "$1+$2"));
  if (!m || !isLocalDate(m[1]!)) return null;
  const date = m[1]!;
  if (m[2] === undefined) {
    return options.endOfDay ? new Date(localMidnight(addLocalDays(date, 1)).getTime() - 1) : localMidnight(date);
  }
  const [h, mi, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return null;
  const ms = m[5] ? Math.floor(Number(m[5]) * 1000) : 0; // microseconds and beyond are cut, not rounded into the next second
  const zone = m[6] ?? "+08:00";
  let offsetMinutes = 0;
  if (zone !== "Z") {
    const digits = zone.replace(":", "");
    const sign = digits.startsWith("-") ? -1 : 1;
    const zh = Number(digits.slice(1, 3));
    const zm = Number(digits.slice(3, 5));
    if (zh > 14 || zm > 59) return null;
    offsetMinutes = sign * (zh * 60 + zm);
  }
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const wall = new Date(0);
  wall.setUTCFullYear(y, mo - 1, d);
  wall.setUTCHours(h, mi, s, ms);
  return new Date(wall.getTime() - offsetMinutes * 60_000);
}

function list(value: string | null): string[] {
  if (!value) return [];
  return [...new Set(value.split(",").map((v) => v.trim()).filter(Boolean))];
}

const DATE_HINT = "应为 ISO 8601 日期时间，例如 2026-01-15T08:00:00+08:00 或 2026-01-15";

/** The filter for GET requests, or Invalid with Open311 field names. `now` anchors the default window. */
export function parseRequestsQuery(params: URLSearchParams, now: Date): RequestsFilter {
  // The spec: service_request_id "overrides all other arguments".
  const ids = list(params.get("service_request_id"));
  if (ids.length) return { kind: "ids", ids: ids.slice(0, MAX_RESULTS), limit: MAX_RESULTS };

  const errors: FieldError[] = [];
  const statuses = list(params.get("status")).map((s) => s.toLowerCase());
  if (statuses.some((s) => s !== "open" && s !== "closed")) errors.push({ field: "status", message: "只能是 open 或 closed" });
  const window = parseWindow(params, now, errors);
  if (errors.length) throw new Invalid(errors);
  return { kind: "search", serviceCodes: list(params.get("service_code")), statuses: statuses as Open311Status[], ...window! };
}

/** The filter for GET servicerequestupdates (FixMyStreet sends start_date and end_date): the same window and paging rules. */
export function parseUpdatesQuery(params: URLSearchParams, now: Date): UpdatesFilter {
  const errors: FieldError[] = [];
  const window = parseWindow(params, now, errors);
  if (errors.length) throw new Invalid(errors);
  return window!;
}

/** start_date, end_date, page and page_size; problems go to `errors` (null then). */
function parseWindow(params: URLSearchParams, now: Date, errors: FieldError[]): UpdatesFilter | null {
  const before = errors.length;
  const startText = params.get("start_date")?.trim();
  const endText = params.get("end_date")?.trim();
  const start = startText ? parseW3cDateTime(startText) : null;
  const end = endText ? parseW3cDateTime(endText, { endOfDay: true }) : null;
  if (startText && !start) errors.push({ field: "start_date", message: DATE_HINT });
  if (endText && !end) errors.push({ field: "end_date", message: DATE_HINT });
  if (start && end) {
    if (end < start) errors.push({ field: "end_date", message: "不能早于 start_date" });
    else if (end.getTime() - start.getTime() > WINDOW_DAYS * DAY_MS) {
      errors.push({ field: "end_date", message: `与 start_date 的跨度不能超过 ${WINDOW_DAYS} 天` });
    }
  }
  const page = wholeNumber(params.get("page"), { min: 1, max: Number.MAX_SAFE_INTEGER, absent: 1 });
  const pageSize = wholeNumber(params.get("page_size"), { min: 1, max: MAX_RESULTS, absent: MAX_RESULTS });
  if (page === null) errors.push({ field: "page", message: "应为从 1 开始的页码" });
  if (pageSize === null) errors.push({ field: "page_size", message: `应为 1 到 ${MAX_RESULTS} 之间的整数` });
  if (errors.length > before) return null;

  const window = WINDOW_DAYS * DAY_MS;
  let from: Date;
  let to: Date | null;
  if (start) {
    from = start;
    to = end ?? new Date(start.getTime() + window);
  } else if (end) {
    from = new Date(end.getTime() - window);
    to = end;
  } else {
    from = new Date(now.getTime() - window);
    to = null;
  }
  return { from, to, limit: pageSize!, offset: (page! - 1) * pageSize! };
}

/** A whole number in [min, max]; `absent` when not given; null when malformed or out of range. */
function wholeNumber(text: string | null, range: { min: number; max: number; absent: number }): number | null {
  if (text === null) return range.absent;
  const digits = text.trim();
  const value = Number(digits);
  return /^\d+$/.test(digits) && value >= range.min && value <= range.max ? value : null;
}
