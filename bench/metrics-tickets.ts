// The tickets of bench:metrics (bench/metrics.ts), generated once for both engines: one row at a
// time in Ticket column order (COLUMNS), in SQLite's storage form — dates as epoch milliseconds,
// booleans as 0/1 — which each engine's loader (bench/metrics-load.ts) binds as it needs.
//   Data: 2024-01-01 → now over the 6 brigades (uneven shares), every channel and category; the
// older 99 % finished (mostly CLOSED with SATISFIED / BASIC / UNSATISFIED / NONE and resolved
// 0/1, REPLIED mostly just before the open ones, a few MERGED / INVALID, some returned, reopened,
// late or never contacted), the newest 1 % open (待派单 / 待签收 / 办理中) with their deadlines;
// contact crossings older than 6 h are recorded (cron-style scheduler), newer ones are not, so
// every counter — contactLate included — is non-zero.

import { prng } from "@/prisma/seed/prng";

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OFFSET = 8 * HOUR; // Asia/Shanghai
const START = Date.parse("2024-01-01T00:00:00+08:00");


/** Cumulative weights → a picker of an index. */
function weighted(weights: number[]): (r: number) => number {
  const sum = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  const cum = weights.map((w) => (acc += w / sum));
  return (r) => {
    for (let i = 0; i < cum.length; i++) if (r < cum[i]!) return i;
    return cum.length - 1;
  };
}

/** Local date "YYYY-MM-DD" of an instant (Shanghai). */
export const localDate = (instant: number) => new Date(instant + OFFSET).toISOString().slice(0, 10);

const CHANNELS = ["HOTLINE_12345", "PHONE_12123", "WECHAT", "WEB", "API", "IMPORT"];
const pickChannel = weighted([45, 25, 12, 10, 5, 3]);
const TYPES = ["COMPLAINT", "REPORT", "HELP", "INQUIRY", "SUGGESTION", "PRAISE"];
const pickType = weighted([30, 20, 15, 25, 8, 2]);
const pickUnit = weighted([25, 20, 18, 15, 12, 10]);
const pickCategory = weighted([22, 25, 18, 15, 12, 8]);
const TITLES = ["信号灯配时不合理", "路口拥堵严重", "违法停车占道", "事故处理进度咨询", "驾驶证换证预约", "道路标线不清", "渣土车抛洒", "占道施工无提示"];
const CONTENTS = [
  "早高峰左转信号太短，排队很长，希望调整配时。",
  "每天晚上有车辆长期占用非机动车道停放，影响通行。",
  "上周发生的剐蹭事故至今未出认定书，想了解进度。",
  "路口标线磨损看不清，夜间容易走错车道，请尽快重新施划。",
];
const PLACES = ["光岳路与东昌路交叉口", "柳园路口", "建设路中段", "东昌府区政府门口", "高速出口", "火车站广场", "开发区管委会西侧", "古楼东街"];
const DISTRICTS = ["东城区", "西城区", "南城区", "北城区"];

export const COLUMNS = [
  "id", "no", "channel", "type", "categoryCode", "title", "content", "district", "place", "citizenPhone", "anonymous",
  "status", "ownerUnitId", "receivedAt", "dispatchedAt", "signedAt", "firstContactAt", "repliedAt", "closedAt",
  "signDueAt", "contactDueAt", "dueAt", "escalationAt", "contactOverdueAt", "returnCount", "extendedDays", "reopenCount",
  "resolved", "satisfaction", "evaluatedAt", "createdAt", "updatedAt",
];

/** The columns the rows hold as epoch milliseconds, and as 0/1. */
export const DATE_COLUMNS = new Set(["receivedAt", "dispatchedAt", "signedAt", "firstContactAt", "repliedAt", "closedAt", "signDueAt", "contactDueAt", "dueAt", "escalationAt", "contactOverdueAt", "evaluatedAt", "createdAt", "updatedAt"]);
export const BOOLEAN_COLUMNS = new Set(["anonymous", "resolved"]);

/**
 * The generator of `size` tickets up to `now`, owned by `units` (the 6 brigades) in `categories`.
 * Call it with i = 0, 1, … size - 1 in order (the PRNG and the per-day numbers run on); it returns
 * ticket i in one array it reuses, so copy what you keep.
 */
export function ticketRows(size: number, now: number, units: string[], categories: string[]): (i: number) => unknown[] {
  const random = prng(20261124);
  const span = now - MIN - START;
  const openFrom = Math.floor(size * 0.99);
  const openFromAt = START + Math.floor((openFrom / size) * span);
  const lastTick = now - 6 * HOUR; // contact crossings up to here are recorded
  const dayNames = new Map<number, string>();
  const perDay = new Map<number, number>();
  const row: unknown[] = new Array(COLUMNS.length);
  const between = (a: number, b: number) => a + Math.floor(random() * (b - a));

  return (i) => {
    const receivedAt = START + Math.floor((i / size) * span);
    const day = Math.floor((receivedAt + OFFSET) / DAY);
    let dayName = dayNames.get(day);
    if (dayName === undefined) dayNames.set(day, (dayName = localDate(receivedAt).replaceAll("-", "")));
    const seq = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, seq);

    const anonymous = random() < 0.04;
    const open = i >= openFrom;
    const age = now - receivedAt;
    const signDueAt = receivedAt + 2 * HOUR;
    const contactDueAt = anonymous ? null : receivedAt + DAY;
    let dueAt = receivedAt + (3 + Math.floor(random() * 13)) * DAY;
    let extendedDays = 0;
    let ownerUnitId: string | null = units[pickUnit(random())]!;
    let dispatchedAt: number | null = null;
    let signedAt: number | null = null;
    let firstContactAt: number | null = null;
    let repliedAt: number | null = null;
    let closedAt: number | null = null;
    let escalationAt: number | null = null;
    let contactOverdueAt: number | null = null;
    let returnCount = 0;
    let reopenCount = 0;
    let resolved: number | null = null;
    let satisfaction: string | null = null;
    let evaluatedAt: number | null = null;
    let status: string;
    const r = random();

    if (open) {
      status = age < HOUR ? (r < 0.4 ? "PENDING" : "DISPATCHED") : age < 6 * HOUR ? (r < 0.03 ? "PENDING" : r < 0.33 ? "DISPATCHED" : "IN_PROGRESS") : r < 0.01 ? "DISPATCHED" : "IN_PROGRESS";
      if (dueAt < now && random() < 0.85) {
        // most open tickets past their first limit had an extension approved (延期)
        extendedDays = Math.ceil((now - dueAt) / DAY) + 1 + Math.floor(random() * 5);
        dueAt += extendedDays * DAY;
      }
      if (status === "PENDING") ownerUnitId = null;
      else {
        dispatchedAt = receivedAt + Math.min(Math.floor(age * 0.3), between(5 * MIN, 60 * MIN));
        if (status === "IN_PROGRESS") {
          signedAt = dispatchedAt + Math.min(Math.floor((now - dispatchedAt) * 0.5), between(5 * MIN, 90 * MIN));
          const contactAt = signedAt + between(30 * MIN, 30 * HOUR);
          if (!anonymous && random() < 0.97 && contactAt <= now) firstContactAt = contactAt;
        }
      }
      // escalationAt: the earliest deadline still running (lib/domain/overdue.ts)
      const running = [dueAt];
      if (signedAt === null) running.push(signDueAt);
      if (contactDueAt !== null && firstContactAt === null) {
        running.push(contactDueAt);
        if (contactDueAt <= lastTick) contactOverdueAt = contactDueAt + between(MIN, 5 * MIN);
      }
      escalationAt = Math.min(...running);
    } else {
      const repliedShare = receivedAt > openFromAt - 7 * DAY ? 0.3 : 0.015;
      status = r < 0.03 ? "INVALID" : r < 0.07 ? "MERGED" : r < 0.07 + repliedShare ? "REPLIED" : "CLOSED";
      if (status === "INVALID") ownerUnitId = null;
      else {
        dispatchedAt = receivedAt + between(5 * MIN, 60 * MIN);
        if (status !== "MERGED") {
          if (random() < 0.03) {
            returnCount = 1; // returned once (退单) and dispatched again
            dispatchedAt += between(HOUR, 4 * HOUR);
          }
          signedAt = dispatchedAt + (random() < 0.9 ? between(5 * MIN, 50 * MIN) : between(HOUR, 6 * HOUR));
          if (contactDueAt !== null) {
            if (random() < 0.97) {
              firstContactAt = signedAt + (random() < 0.88 ? between(30 * MIN, 20 * HOUR) : between(20 * HOUR, 48 * HOUR));
              if (firstContactAt > contactDueAt) contactOverdueAt = contactDueAt + between(MIN, 5 * MIN);
            } else {
              contactOverdueAt = contactDueAt + between(MIN, 5 * MIN); // never contacted, crossing recorded
            }
          }
          const started = firstContactAt ?? signedAt;
          const late = random() < 0.06;
          repliedAt = Math.max(started + HOUR, late ? dueAt + between(HOUR, 5 * DAY) : receivedAt + Math.floor((dueAt - receivedAt) * (0.2 + 0.7 * random())));
          if (status === "CLOSED") {
            closedAt = Math.min(repliedAt + between(2 * HOUR, 48 * HOUR), Math.max(repliedAt + HOUR, late ? Infinity : dueAt));
            const s = random();
            satisfaction = s < 0.68 ? "SATISFIED" : s < 0.8 ? "BASIC" : s < 0.86 ? "UNSATISFIED" : "NONE";
            if (satisfaction !== "NONE") {
              const p = satisfaction === "SATISFIED" ? 0.96 : satisfaction === "BASIC" ? 0.8 : 0.3;
              resolved = random() < p ? 1 : 0;
              evaluatedAt = closedAt;
            }
            if (random() < 0.02) reopenCount = 1;
          }
        }
      }
    }

    row[0] = `bench${String(i).padStart(9, "0")}`;
    row[1] = `${dayName}${String(seq).padStart(6, "0")}`;
    row[2] = CHANNELS[pickChannel(random())];
    row[3] = TYPES[pickType(random())];
    row[4] = categories[pickCategory(random())];
    row[5] = TITLES[i % TITLES.length];
    row[6] = CONTENTS[i % CONTENTS.length];
    row[7] = DISTRICTS[i % DISTRICTS.length];
    row[8] = PLACES[Math.floor(random() * PLACES.length)];
    row[9] = `139${String(i).padStart(8, "0")}`;
    row[10] = anonymous ? 1 : 0;
    row[11] = status;
    row[12] = ownerUnitId;
    row[13] = receivedAt;
    row[14] = dispatchedAt;
    row[15] = signedAt;
    row[16] = firstContactAt;
    row[17] = repliedAt;
    row[18] = closedAt;
    row[19] = signDueAt;
    row[20] = contactDueAt;
    row[21] = dueAt;
    row[22] = escalationAt;
    row[23] = contactOverdueAt;
    row[24] = returnCount;
    row[25] = extendedDays;
    row[26] = reopenCount;
    row[27] = resolved;
    row[28] = satisfaction;
    row[29] = evaluatedAt;
    row[30] = receivedAt;
    row[31] = closedAt ?? repliedAt ?? firstContactAt ?? signedAt ?? dispatchedAt ?? receivedAt;
    return row;
  };
}
