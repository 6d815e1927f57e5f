// The demo history (prisma/seed/history/) in the seeded template database: the figures
// the dashboard is checked against, and the invariants the rates rely on.
import { describe, expect, it } from "vitest";
import { findHotIssues } from "@/lib/domain/duplicates";
import { localMidnight } from "@/lib/domain/local-time";
import { rawSqlite } from "@/lib/sqlite";

const UNITS = ["ZQ1", "ZQ2", "ZQ3", "ZQ4", "SG", "CGS"] as const;
const ANSWERED = `('SATISFIED', 'BASIC', 'UNSATISFIED')`;
const DAY = 24 * 60 * 60 * 1000;

/** Local (Asia/Shanghai) start of a day, as stored: epoch ms. */
const at = (date: string) => localMidnight(date).getTime();

function one<T>(sql: string, ...params: (string | number)[]): T {
  return rawSqlite().prepare(sql).get(...params) as T;
}

describe("demo history: ZQ1 执勤一大队 in 2022", () => {
  it("has the reported figures: 1476 received, 1435 answered, 解决率 100 %, 满意率 1335 / 1435", () => {
    expect([at("2022-01-01"), at("2023-01-01")]).toEqual([1640966400000, 1672502400000]);
    const row = one<Record<string, number>>(
      `SELECT count(*) AS received,
              sum(t."status" = 'CLOSED') AS closed,
              sum(t."satisfaction" IN ${ANSWERED}) AS answered,
              sum(t."satisfaction" IN ${ANSWERED} AND t."resolved" = 1) AS resolved,
              sum(t."satisfaction" IN ('SATISFIED', 'BASIC')) AS satisfied,
              sum(t."satisfaction" = 'NONE' AND t."resolved" IS NULL) AS unanswered
         FROM "Ticket" t JOIN "Unit" u ON u."id" = t."ownerUnitId"
        WHERE u."code" = 'ZQ1' AND t."receivedAt" >= ? AND t."receivedAt" < ?`,
      at("2022-01-01"),
      at("2023-01-01"),
    );
    expect(row).toEqual({ received: 1476, closed: 1476, answered: 1435, resolved: 1435, satisfied: 1335, unanswered: 41 });
    expect(((row.satisfied! / row.answered!) * 100).toFixed(2)).toBe("93.03");
  });
});

describe("demo history since 2024", () => {
  it("gives every brigade tickets in every month of 2024 and 2025", () => {
    const rows = rawSqlite()
      .prepare(
        `SELECT u."code" AS unit, strftime('%Y-%m', t."receivedAt" / 1000 + 8 * 3600, 'unixepoch') AS month, count(*) AS n
           FROM "Ticket" t JOIN "Unit" u ON u."id" = t."ownerUnitId"
          WHERE t."receivedAt" >= ? AND t."receivedAt" < ?
          GROUP BY 1, 2`,
      )
      .all(at("2024-01-01"), at("2026-01-01")) as { unit: string; month: string; n: number }[];
    const seen = new Set(rows.filter((r) => r.n > 0).map((r) => `${r.unit} ${r.month}`));
    const months = [2024, 2025].flatMap((y) => Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, "0")}`));
    const missing = UNITS.flatMap((unit) => months.map((month) => `${unit} ${month}`)).filter((key) => !seen.has(key));
    expect(missing).toEqual([]);
  });

  it("leaves open work to the demo tickets: nothing older than two weeks is still being handled", () => {
    const open = one<{ n: number }>(
      `SELECT count(*) AS n FROM "Ticket" WHERE "status" IN ('PENDING', 'DISPATCHED', 'IN_PROGRESS') AND "receivedAt" < ?`,
      Date.now() - 15 * DAY,
    );
    expect(open.n).toBe(0);
  });

  it("contacted every caller it replied to (先联系后答复), so 响应率 has no unmet contact", () => {
    const row = one<{ n: number }>(
      `SELECT count(*) AS n FROM "Ticket"
        WHERE "anonymous" = 0 AND "firstContactAt" IS NULL AND ("status" IN ('REPLIED', 'CLOSED') OR "receivedAt" < ?)`,
      Date.now() - 15 * DAY,
    );
    expect(row.n).toBe(0);
  });

  it("keeps an evaluation row behind every evaluated ticket and the day counters ahead of every number", () => {
    // Older than the demo tickets' two weeks: those record no Evaluation rows.
    const unrecorded = one<{ n: number }>(
      `SELECT count(*) AS n FROM "Ticket" t
        WHERE t."satisfaction" IS NOT NULL AND t."receivedAt" < ?
          AND NOT EXISTS (SELECT 1 FROM "Evaluation" e WHERE e."ticketId" = t."id" AND e."satisfaction" = t."satisfaction")`,
      Date.now() - 15 * DAY,
    );
    expect(unrecorded.n).toBe(0);
    const behind = one<{ n: number }>(
      `SELECT count(*) AS n FROM (
         SELECT substr("no", 1, 8) AS day, max(CAST(substr("no", 9) AS INTEGER)) AS used FROM "Ticket" GROUP BY 1
       ) x LEFT JOIN "TicketSequence" s ON s."day" = x.day
        WHERE s."last" IS NULL OR s."last" < x.used`,
    );
    expect(behind.n).toBe(0);
  });

  it("shows the planted 集中反映 of the last 30 days", () => {
    const rows = rawSqlite()
      .prepare(`SELECT "no", "categoryCode" AS category, "place", "receivedAt", "status" FROM "Ticket" WHERE "receivedAt" >= ?`)
      .all(Date.now() - 31 * DAY) as { no: string; category: string; place: string | null; receivedAt: number; status: string }[];
    const issues = findHotIssues(
      rows.map((r) => ({ ...r, receivedAt: new Date(r.receivedAt) })),
      new Date(),
    );
    const keys = issues.map((i) => `${i.category} ${i.placeKey}`);
    expect(keys).toEqual(expect.arrayContaining(["TRAFFIC_ORG 光岳路与东昌路", "CONGESTION 西城区第一中学", "ENFORCEMENT 北顺街金色家园"]));
  });
});
