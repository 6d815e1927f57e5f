// The metric reads on either engine (this file runs on both, vitest.config.ts): over tickets made
// and worked through the API, the dashboard's figures, the rates' breakdowns and the drill-down
// lists agree with a scan of the tickets and with the pure definition, so both engines give the
// same figures for the same tickets. Counted as deltas: the SQLite template also holds the demo history.
// And the one read over Ticket that stays on the hot path, contactLate, keeps its index on both.
import { describe, expect, it } from "vitest";
import { POST as act } from "@/app/api/v1/tickets/[no]/actions/route";
import { POST as create } from "@/app/api/v1/tickets/route";
import { dashboard } from "@/lib/dal/metrics/dashboard";
import { drilldown } from "@/lib/dal/metrics/drilldown";
import { aggregateCounters, contactLateQuery, naiveCounters, total } from "@/lib/dal/metrics/counters";
import { systemMetrics } from "@/lib/dal/metrics/read";
import { reference } from "@/lib/dal/reference";
import { localDateOf } from "@/lib/domain/local-time";
import { FIGURE_COUNTERS, GROUP_BYS, METRIC_NAMES, ratesOf, type Counters, type FigurePart } from "@/lib/domain/metrics";
import { periodContaining } from "@/lib/domain/periods";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sql } from "@/lib/sql";
import { sqliteParameters } from "@/lib/sql/sqlite-driver";
import { rawSqlite } from "@/lib/sqlite";
import { actorOf, requestAs } from "../support/actors";
import { SAMPLE_TICKET, ticketPostAs } from "../support/tickets";

const DAY = 86_400_000;

async function newTicket(body: object = SAMPLE_TICKET): Promise<string> {
  const response = await create(await ticketPostAs("dispatcher", body));
  expect(response.status).toBe(201);
  return ((await response.json()) as { no: string }).no;
}

/** One workflow step through the route, at the ticket's current version. */
async function step(no: string, user: string, action: string, fields: Record<string, unknown> = {}): Promise<void> {
  const { version } = await sql().selectFrom("Ticket").select("version").where("no", "=", no).executeTakeFirstOrThrow();
  const request = await requestAs(user, `/api/v1/tickets/${no}/actions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ action, version, ...fields }),
  });
  const response = await act(request, { params: Promise.resolve({ no }) });
  expect(response.status, `${action} ${no}`).toBe(200);
}

const counted = (counters: Counters, metric: keyof typeof FIGURE_COUNTERS, part: FigurePart) =>
  FIGURE_COUNTERS[metric][part].reduce((sum, name) => sum + counters[name], 0);

describe("metric reads over tickets worked through the API", () => {
  it("give the dashboard, breakdowns and drill-downs the figures a scan of the tickets gives", async () => {
    const created = new Date();
    const month = periodContaining("month", localDateOf(created));
    const query = { kind: "month" as const, period: month };
    const manager = await actorOf("manager");
    // Read three days on: the untouched ticket's contact deadline has passed, unrecorded (contactLate).
    const now = new Date(created.getTime() + 3 * DAY);
    const before = await dashboard(manager, query, now);

    const closed = await newTicket();
    for (const [user, action, fields] of [
      ["zq1.handler", "sign", {}],
      ["zq1.handler", "contact", { note: "电话联系群众了解情况" }],
      ["zq1.handler", "reply", { text: "经现场核实，已调整信号配时，感谢您的反映。" }],
      ["dispatcher", "evaluate", { resolved: true, satisfaction: "SATISFIED" }],
    ] as const) {
      await step(closed, user, action, fields);
    }
    const contacted = await newTicket({ ...SAMPLE_TICKET, category: "ENFORCEMENT" });
    await step(contacted, "zq1.handler", "sign");
    await step(contacted, "zq1.handler", "contact", { note: "电话联系群众了解情况" });
    await newTicket({ ...SAMPLE_TICKET, district: "西城区" });
    await step(await newTicket(), "manager", "invalidate", { reason: "SPAM" });

    const after = await dashboard(manager, query, now);
    // Hand-counted: 4 made, 1 invalid (left out); 1 closed, on time, evaluated 满意 and resolved.
    expect(after.current.received - before.current.received).toBe(3);
    for (const [metric, part, added] of [
      ["closedRate", "num", 1],
      ["onTimeRate", "num", 1],
      ["satisfactionRate", "num", 1],
      ["resolutionRate", "den", 1],
      ["responseRate", "num", 2],
      ["responseRate", "den", 3],
    ] as const) {
      expect(after.current[metric][part] - before.current[metric][part], `${metric} ${part}`).toBe(added);
    }

    // The aggregates answer what the scan answers, whatever the grouping; the dashboard shows it.
    const filter = { period: month };
    const scanned = total(await naiveCounters(filter, undefined, now));
    const settings = (await reference()).settings;
    expect(after.current).toEqual(ratesOf(scanned, settings));
    expect(await systemMetrics(month, now)).toEqual(after.current);
    for (const groupBy of GROUP_BYS) {
      expect(await aggregateCounters(filter, groupBy, now), groupBy).toEqual(await naiveCounters(filter, groupBy, now));
    }

    // Each figure's drill-down lists as many tickets as the figure's counters count.
    for (const metric of METRIC_NAMES) {
      for (const part of ["num", "den"] as const) {
        const list = await drilldown(manager, { ...month, metric, part, page: 1 }, now);
        expect(list.total, `${metric} ${part}`).toBe(counted(scanned, metric, part));
      }
    }
    const zq1 = total(await naiveCounters({ ...filter, unitId: (await reference()).unitByCode.get("ZQ1")!.id }, undefined, now));
    const zq1List = await drilldown(manager, { ...month, unit: "ZQ1", metric: "responseRate", part: "den", page: 1 }, now);
    expect(zq1List.total).toBe(counted(zq1, "responseRate", "den"));

    // The rows as the list shows them: dates as Date, the flag as boolean, the unit by name.
    const row = (await drilldown(manager, { ...month, metric: "closedRate", part: "num", page: 1 }, now)).items.find((item) => item.no === closed)!;
    expect(row).toMatchObject({ status: "CLOSED", category: "TRAFFIC_ORG", ownerUnitName: "执勤一大队", supervised: false });
    expect(row.receivedAt).toBeInstanceOf(Date);
    expect(Math.abs(row.receivedAt.getTime() - created.getTime())).toBeLessThan(60_000);
    expect(row.closedAt!.getTime()).toBeGreaterThan(row.receivedAt.getTime());
  });
});

describe("the open backlog behind contactLate", () => {
  /** The plan of the contactLate read of 2025 (all units, or one). */
  async function plan(unitId?: string): Promise<string> {
    const query = contactLateQuery({ period: { from: "2025-01-01", to: "2026-01-01" }, unitId }, "unit", new Date()).compile(sql());
    if (env().databaseEngine === "postgresql") {
      // The template's few tickets would make a sequential scan the cheaper plan: ask which index serves.
      const [, rows] = await db.$transaction([
        db.$executeRawUnsafe(`SET LOCAL enable_seqscan = off`),
        db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${query.sql}`, ...query.parameters),
      ]);
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    }
    const rows = rawSqlite().prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...sqliteParameters(query.parameters)) as { detail: string }[];
    return rows.map((row) => row.detail).join("\n");
  }

  it("is found through the deadline index, never by reading the period's tickets", async () => {
    const all = await plan();
    expect(all).toMatch(/Ticket_status_escalationAt_idx/);
    const one = await plan((await reference()).unitByCode.get("ZQ1")!.id);
    if (env().databaseEngine === "sqlite") expect(one).toMatch(/USING (COVERING )?INDEX Ticket_ownerUnit_queue_idx/);
    // The period's bounds are no index condition: they only filter the rows found.
    const indexConditions = (text: string) => text.split("\n").filter((line) => /Index Cond|USING INDEX/.test(line));
    for (const text of [all, one]) expect(indexConditions(text).join("\n")).not.toMatch(/receivedAt/);
  });
});
