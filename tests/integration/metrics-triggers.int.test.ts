// The metric triggers on either engine (this file runs on both, vitest.config.ts): through
// inserts, updates and deletes that reach every counter, MetricDaily and MetricMonthly stay equal
// to the rebuild's recount of the tickets and to the pure ticketCounters, bucket by bucket.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { STORED_COUNTERS } from "@/lib/dal/metrics/counter-sql";
import { rebuildMetrics } from "@/lib/dal/metrics/rebuild";
import { ticketCounters } from "@/lib/domain/metrics";
import { localDateOf } from "@/lib/domain/local-time";
import { localDayNumber, monthNumber, monthOf } from "@/lib/domain/periods";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sql } from "@/lib/sql";
import { metricTickets } from "../support/metrics";

const HOUR = 3_600_000;
/** 2026-03-10 10:00 in Shanghai. */
const MARCH = Date.UTC(2026, 2, 10, 2);
const at = (ms: number) => new Date(ms);

/** Counter values of one aggregate row, keyed "bucket|unit|category|channel"; rows of zeros left out. */
type Table = Record<string, Record<string, number>>;

function put(table: Table, key: string, values: Record<string, number>): void {
  const row = (table[key] ??= Object.fromEntries(STORED_COUNTERS.map((name) => [name, 0])));
  for (const name of STORED_COUNTERS) row[name]! += values[name]!;
}

const withoutZeros = (table: Table): Table =>
  Object.fromEntries(Object.entries(table).filter(([, row]) => Object.values(row).some((value) => value !== 0)));

/** What the triggers (or the rebuild) left in both tables. BIGINT comes back from pg as a string. */
async function stored(): Promise<{ daily: Table; monthly: Table }> {
  const read = async (rows: Promise<Record<string, unknown>[]>, bucket: "day" | "month") => {
    const table: Table = {};
    for (const row of await rows) {
      put(table, `${row[bucket]}|${row.unitId}|${row.categoryCode}|${row.channel}`, Object.fromEntries(STORED_COUNTERS.map((n) => [n, Number(row[n])])));
    }
    return withoutZeros(table);
  };
  return {
    daily: await read(sql().selectFrom("MetricDaily").selectAll().execute(), "day"),
    monthly: await read(sql().selectFrom("MetricMonthly").selectAll().execute(), "month"),
  };
}

/** The pure definition, summed into the same buckets. */
async function recounted(): Promise<{ daily: Table; monthly: Table }> {
  const daily: Table = {};
  const monthly: Table = {};
  for (const ticket of await metricTickets()) {
    const counters = ticketCounters(ticket, new Date());
    const rest = `${ticket.ownerUnitId ?? ""}|${ticket.categoryCode}|${ticket.channel}`;
    put(daily, `${localDayNumber(ticket.receivedAt)}|${rest}`, counters);
    put(monthly, `${monthNumber(monthOf(localDateOf(ticket.receivedAt)))}|${rest}`, counters);
  }
  return { daily: withoutZeros(daily), monthly: withoutZeros(monthly) };
}

let zq1 = "";
let zq2 = "";
let sequence = 0;

/** A dispatched complaint received at MARCH with its deadlines, changed by `fields`. */
function ticket(fields: Partial<Prisma.TicketUncheckedCreateInput>) {
  sequence += 1;
  const receivedAt = fields.receivedAt ? new Date(fields.receivedAt) : at(MARCH);
  const received = receivedAt.getTime();
  return db.ticket.create({
    data: {
      no: `TRG${String(sequence).padStart(6, "0")}`,
      channel: "WEB",
      type: "COMPLAINT",
      categoryCode: "TRAFFIC_ORG",
      title: "路口信号灯配时不合理",
      content: "早高峰左转信号太短。",
      status: "DISPATCHED",
      ownerUnitId: zq1,
      dispatchedAt: at(received + HOUR / 4),
      signDueAt: at(received + 2 * HOUR),
      contactDueAt: at(received + 4 * HOUR),
      dueAt: at(received + 48 * HOUR),
      ...fields,
      receivedAt,
    },
  });
}

beforeAll(async () => {
  zq1 = (await db.unit.findUniqueOrThrow({ where: { code: "ZQ1" } })).id;
  zq2 = (await db.unit.findUniqueOrThrow({ where: { code: "ZQ2" } })).id;
});

describe("the metric triggers", () => {
  it("keep the aggregates equal to a recount through inserts, updates and deletes", async () => {
    const evaluated = { evaluatedAt: at(MARCH + 80 * HOUR) };
    const onTime = await ticket({
      status: "CLOSED",
      signedAt: at(MARCH + HOUR),
      firstContactAt: at(MARCH + 3 * HOUR),
      closedAt: at(MARCH + 24 * HOUR),
      satisfaction: "SATISFIED",
      resolved: true,
      ...evaluated,
    });
    const late = await ticket({
      ownerUnitId: zq2,
      categoryCode: "ENFORCEMENT",
      channel: "PHONE_12123",
      status: "CLOSED",
      signedAt: at(MARCH + 5 * HOUR),
      firstContactAt: at(MARCH + 6 * HOUR),
      closedAt: at(MARCH + 72 * HOUR),
      satisfaction: "BASIC",
      resolved: false,
      reopenCount: 1,
      ...evaluated,
    });
    const unsatisfied = await ticket({
      channel: "HOTLINE_12345",
      status: "CLOSED",
      signedAt: at(MARCH + HOUR),
      firstContactAt: at(MARCH + 2 * HOUR),
      closedAt: at(MARCH + 30 * HOUR),
      satisfaction: "UNSATISFIED",
      resolved: false,
      returnCount: 1,
      ...evaluated,
    });
    await ticket({ status: "CLOSED", firstContactAt: at(MARCH + HOUR), closedAt: at(MARCH + 40 * HOUR), satisfaction: "NONE" });
    const contactedLate = await ticket({ status: "IN_PROGRESS", signedAt: at(MARCH + HOUR), firstContactAt: at(MARCH + 9 * HOUR) });
    // Never contacted: the crossing recorded by the scheduler counts, an unrecorded one not yet.
    await ticket({ status: "IN_PROGRESS", signedAt: at(MARCH + HOUR), contactOverdueAt: at(MARCH + 4 * HOUR) });
    const unrecorded = await ticket({ status: "IN_PROGRESS", signedAt: at(MARCH + HOUR) });
    // An anonymous caller has no contact clock, recorded crossing or not.
    await ticket({ anonymous: true, status: "IN_PROGRESS", contactOverdueAt: at(MARCH + 4 * HOUR) });
    await ticket({ status: "INVALID", invalidReason: "SPAM" });
    await ticket({ status: "MERGED", mergedIntoId: onTime.id });
    const duplicate = await ticket({ categoryCode: "SERVICE" });
    await ticket({ status: "PENDING", ownerUnitId: null, dispatchedAt: null, channel: "WECHAT" });
    await ticket({ receivedAt: at(Date.UTC(2026, 1, 20, 3)), categoryCode: "SERVICE", channel: "API" });
    // Either side of local midnight on New Year's Eve: another day, month and year.
    const beforeMidnight = await ticket({ receivedAt: at(Date.UTC(2019, 11, 31, 15, 59, 59, 999)), categoryCode: "ACCIDENT" });
    const afterMidnight = await ticket({ receivedAt: at(Date.UTC(2019, 11, 31, 16)), categoryCode: "ACCIDENT" });

    const update = (id: string, data: Prisma.TicketUncheckedUpdateInput) => db.ticket.update({ where: { id }, data });
    await update(contactedLate.id, { status: "CLOSED", closedAt: at(MARCH + 50 * HOUR), satisfaction: "SATISFIED", resolved: true, ...evaluated });
    await update(unrecorded.id, { ownerUnitId: zq2, returnCount: 1 });
    await update(duplicate.id, { status: "MERGED", mergedIntoId: late.id });
    await update(onTime.id, { status: "IN_PROGRESS", reopenCount: 1, closedAt: null, satisfaction: null, resolved: null });
    await update(beforeMidnight.id, { title: "只改标题：不触发统计" });
    await db.ticket.updateMany({ where: { id: { in: [beforeMidnight.id, afterMidnight.id] } }, data: { signedAt: at(Date.UTC(2020, 0, 1)) } });
    await db.ticket.delete({ where: { id: unsatisfied.id } });

    const kept = await stored();
    expect(kept).toEqual(await recounted());
    // Not equal by being empty: every counter is reached, and midnight splits day, month and year.
    for (const name of STORED_COUNTERS) expect(Object.values(kept.daily).some((row) => row[name]! > 0), name).toBe(true);
    const newYear = `${zq1}|ACCIDENT|WEB`;
    expect(kept.monthly[`201912|${newYear}`]).toMatchObject({ received: 1, responded: 0 });
    expect(kept.monthly[`202001|${newYear}`]).toMatchObject({ received: 1, responded: 0 });
    // 2019-12-31 is day 18261 since 1970-01-01.
    expect(kept.daily[`18261|${newYear}`]).toMatchObject({ received: 1 });
    expect(kept.daily[`18262|${newYear}`]).toMatchObject({ received: 1 });

    // The rebuild recounts the same, also from tables damaged outside the application.
    await sql().updateTable("MetricDaily").set((eb) => ({ received: eb("received", "+", 5) })).execute();
    await sql().updateTable("MetricMonthly").set({ closed: 0 }).execute();
    expect(await stored()).not.toEqual(kept);
    const { rows } = await rebuildMetrics();
    expect(await stored()).toEqual(kept);
    expect(rows).toBe(Object.keys(kept.daily).length);
  });
});
