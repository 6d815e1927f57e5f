// The demo history (prisma/seed/history/) in the seeded template database: the figures
// the dashboard is checked against, and the invariants the rates rely on. On both engines: the
// rows are read through the query builder and counted here.
import { describe, expect, it } from "vitest";
import { findHotIssues } from "@/lib/domain/duplicates";
import { localDateOf, localMidnight } from "@/lib/domain/local-time";
import { sql } from "@/lib/sql";
import { toBoolean, toDate } from "@/lib/sql/values";

const UNITS = ["ZQ1", "ZQ2", "ZQ3", "ZQ4", "SG", "CGS"] as const;
const ANSWERED = ["SATISFIED", "BASIC", "UNSATISFIED"];
const DAY = 24 * 60 * 60 * 1000;

/** Local (Asia/Shanghai) start of a day. */
const at = (date: string) => localMidnight(date);
describe("demo history: ZQ1 执勤一大队 in 2022", () => {
  it("has the reported figures: 1476 received, 1435 answered, 解决率 100 %, 满意率 1335 / 1435", async () => {
    expect([at("2022-01-01").getTime(), at("2023-01-01").getTime()]).toEqual([1640966400000, 1672502400000]);
    const tickets = await sql()
      .selectFrom("Ticket as t")
      .innerJoin("Unit as u", "u.id", "t.ownerUnitId")
      .select(["t.status", "t.satisfaction", "t.resolved"])
      .where("u.code", "=", "ZQ1")
      .where("t.receivedAt", ">=", at("2022-01-01"))
      .where("t.receivedAt", "<", at("2023-01-01"))
      .execute();
    const answered = tickets.filter((t) => ANSWERED.includes(t.satisfaction ?? ""));
    const row = {
      received: tickets.length,
      closed: tickets.filter((t) => t.status === "CLOSED").length,
      answered: answered.length,
      resolved: answered.filter((t) => t.resolved !== null && toBoolean(t.resolved)).length,
      satisfied: tickets.filter((t) => t.satisfaction === "SATISFIED" || t.satisfaction === "BASIC").length,
      unanswered: tickets.filter((t) => t.satisfaction === "NONE" && t.resolved === null).length,
    };
    expect(row).toEqual({ received: 1476, closed: 1476, answered: 1435, resolved: 1435, satisfied: 1335, unanswered: 41 });
    expect(((row.satisfied / row.answered) * 100).toFixed(2)).toBe("93.03");
  });
});

describe("demo history since 2024", () => {
  it("gives every brigade tickets in every month of 2024 and 2025", async () => {
    const rows = await sql()
      .selectFrom("Ticket as t")
      .innerJoin("Unit as u", "u.id", "t.ownerUnitId")
      .select(["u.code as unit", "t.receivedAt"])
      .where("t.receivedAt", ">=", at("2024-01-01"))
      .where("t.receivedAt", "<", at("2026-01-01"))
      .execute();
    const seen = new Set(rows.map((r) => `${r.unit} ${localDateOf(toDate(r.receivedAt)).slice(0, 7)}`));
    const months = [2024, 2025].flatMap((y) => Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, "0")}`));
    const missing = UNITS.flatMap((unit) => months.map((month) => `${unit} ${month}`)).filter((key) => !seen.has(key));
    expect(missing).toEqual([]);
  });

  it("leaves open work to the demo tickets: nothing older than two weeks is still being handled", async () => {
    const open = await sql()
      .selectFrom("Ticket")
      .select("no")
      .where("status", "in", ["PENDING", "DISPATCHED", "IN_PROGRESS"])
      .where("receivedAt", "<", new Date(Date.now() - 15 * DAY))
      .execute();
    expect(open).toEqual([]);
  });

  it("contacted every caller it replied to (先联系后答复), so 响应率 has no unmet contact", async () => {
    const unmet = await sql()
      .selectFrom("Ticket")
      .select("no")
      .where("anonymous", "=", false)
      .where("firstContactAt", "is", null)
      .where((eb) => eb.or([eb("status", "in", ["REPLIED", "CLOSED"]), eb("receivedAt", "<", new Date(Date.now() - 15 * DAY))]))
      .execute();
    expect(unmet).toEqual([]);
  });

  it("keeps an evaluation row behind every evaluated ticket and the day counters ahead of every number", async () => {
    // Older than the demo tickets' two weeks: those record no Evaluation rows.
    const unrecorded = await sql()
      .selectFrom("Ticket as t")
      .select("t.no")
      .where("t.satisfaction", "is not", null)
      .where("t.receivedAt", "<", new Date(Date.now() - 15 * DAY))
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom("Evaluation as e").select("e.id").whereRef("e.ticketId", "=", "t.id").whereRef("e.satisfaction", "=", "t.satisfaction"))),
      )
      .execute();
    expect(unrecorded).toEqual([]);
    const used = new Map<string, number>();
    for (const { no } of await sql().selectFrom("Ticket").select("no").execute()) {
      const day = no.slice(0, 8);
      used.set(day, Math.max(used.get(day) ?? 0, Number(no.slice(8))));
    }
    const last = new Map((await sql().selectFrom("TicketSequence").selectAll().execute()).map((s) => [s.day, Number(s.last)]));
    const behind = [...used].filter(([day, n]) => (last.get(day) ?? 0) < n);
    expect(behind).toEqual([]);
  });

  it("shows the planted 集中反映 of the last 30 days", async () => {
    const rows = await sql()
      .selectFrom("Ticket")
      .select(["no", "categoryCode as category", "place", "receivedAt", "status"])
      .where("receivedAt", ">=", new Date(Date.now() - 31 * DAY))
      .execute();
    const issues = findHotIssues(
      rows.map((r) => ({ ...r, receivedAt: toDate(r.receivedAt) })),
      new Date(),
    );
    const keys = issues.map((i) => `${i.category} ${i.placeKey}`);
    expect(keys).toEqual(expect.arrayContaining(["TRAFFIC_ORG 光岳路与东昌路", "CONGESTION 西城区第一中学", "ENFORCEMENT 北顺街金色家园"]));
  });
});
