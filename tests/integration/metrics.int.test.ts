import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as metricsRoute } from "@/app/api/v1/metrics/route";
import { importTickets } from "@/lib/dal/import-tickets";
import { aggregateCounters, naiveCounters } from "@/lib/dal/metrics/counters";
import { rebuildMetrics } from "@/lib/dal/metrics/rebuild";
import { systemMetrics } from "@/lib/dal/metrics/read";
import { GROUP_BYS, type Metrics, type RateName } from "@/lib/domain/metrics";
import { sql } from "@/lib/sql";
import { actorOf, requestAs } from "../support/actors";

const SAMPLE = readFileSync(path.resolve("lib/import/fixtures/sample-12345-import.csv"));
const MARCH_2025 = { from: "2025-03-01", to: "2025-04-01" };

async function getMetrics(user: string, query: string) {
  const response = await metricsRoute(await requestAs(user, `/api/v1/metrics?${query}`));
  return { status: response.status, body: await response.json() };
}

describe("rates of an imported 12345 batch", () => {
  it("add exactly the sample's own hand-counted figures to its month", async () => {
    const before = (await systemMetrics(MARCH_2025)) as Metrics;
    await importTickets(await actorOf("admin"), "sample-12345-import.csv", SAMPLE);
    const after = (await systemMetrics(MARCH_2025)) as Metrics;
    const added = (name: RateName, part: "num" | "den") => after[name][part] - before[name][part];

    // Counted by hand from the file: 20 rows, all received in March 2025 (local time); 18 with
    // 办结时间; 15 answered (8 满意, 3 基本满意, 4 不满意), 3 未评价; 11 answered 是否解决 = 是.
    expect(after.received - before.received).toBe(20);
    expect([added("closedRate", "num"), added("closedRate", "den")]).toEqual([18, 20]);
    expect([added("resolutionRate", "num"), added("resolutionRate", "den")]).toEqual([11, 15]);
    expect([added("satisfactionRate", "num"), added("satisfactionRate", "den")]).toEqual([11, 15]);
    expect([added("evaluationRate", "num"), added("evaluationRate", "den")]).toEqual([15, 18]);
    expect([added("reopenRate", "num"), added("reopenRate", "den")]).toEqual([0, 18]);
    // Σ(办结时间 − 受理时间) over the 18 closed rows = 1904 h 32 min.
    expect(added("avgHandlingHours", "num")).toBeCloseTo(1904 + 32 / 60, 6);
    // Every row has a 首次联系时间, so each is in the response denominator.
    expect(added("responseRate", "den")).toBe(20);
  });

  it("answers the same from the aggregates as from a scan of the tickets", async () => {
    await importTickets(await actorOf("admin"), "sample-12345-import.csv", SAMPLE);
    const now = new Date();
    for (const groupBy of [undefined, ...GROUP_BYS]) {
      const filter = { period: MARCH_2025 };
      expect(await aggregateCounters(filter, groupBy, now)).toEqual(await naiveCounters(filter, groupBy, now));
    }
  });
});

describe("GET /api/v1/metrics", () => {
  // 2025 holds tickets whatever the seed (PostgreSQL's template has no demo history); a re-import adds nothing.
  beforeAll(async () => {
    await importTickets(await actorOf("admin"), "sample-12345-import.csv", SAMPLE);
  });

  it("answers §7's JSON: received as a number, each rate as {num, den, rate}", async () => {
    const { status, body } = await getMetrics("manager", "from=2025-01-01&to=2026-01-01");
    expect(status).toBe(200);
    expect(typeof body.received).toBe("number");
    expect(body.received).toBeGreaterThan(0);
    for (const name of ["closedRate", "responseRate", "onTimeRate", "resolutionRate", "satisfactionRate", "evaluationRate", "reopenRate", "returnRate", "avgHandlingHours"]) {
      const rate = body[name];
      expect(Object.keys(rate).sort()).toEqual(["den", "num", "rate"]);
      expect(rate.rate).toBe(rate.den === 0 ? null : rate.num / rate.den);
    }
  });

  it("groups by unit, and the groups add up to the total", async () => {
    const total = (await getMetrics("manager", "from=2025-01-01&to=2026-01-01")).body;
    const { status, body } = await getMetrics("dispatcher", "from=2025-01-01&to=2026-01-01&group-by=unit");
    expect(status).toBe(200);
    expect(body.map((g: { key: string }) => g.key)).toEqual(expect.arrayContaining(["ZQ1", "ZQ2", "ZQ3", "ZQ4", "SG", "CGS"]));
    expect(body.reduce((n: number, g: { received: number }) => n + g.received, 0)).toBe(total.received);
    expect(body.reduce((n: number, g: { closedRate: { num: number } }) => n + g.closedRate.num, 0)).toBe(total.closedRate.num);
  });

  it("lists every month of the period, with null rates (not 0%) for an empty one", async () => {
    const { body } = await getMetrics("manager", "from=2023-01-01&to=2023-04-01&group-by=month");
    expect(body.map((g: { key: string }) => g.key)).toEqual(["2023-01", "2023-02", "2023-03"]);
    expect(body[0]).toMatchObject({ received: 0, satisfactionRate: { num: 0, den: 0, rate: null } });
  });

  it("holds a LEAD or HANDLER to their own unit", async () => {
    const own = await getMetrics("zq1.lead", "from=2025-01-01&to=2026-01-01");
    const zq1 = await getMetrics("manager", "from=2025-01-01&to=2026-01-01&unit=ZQ1");
    expect(own.status).toBe(200);
    expect(own.body).toEqual(zq1.body);
    const byUnit = await getMetrics("zq1.handler", "from=2025-01-01&to=2026-01-01&group-by=unit");
    expect(byUnit.body.map((g: { key: string }) => g.key)).toEqual(["ZQ1"]);
    expect((await getMetrics("zq2.handler", "from=2025-01-01&to=2026-01-01&unit=ZQ1")).status).toBe(403);
  });

  it("refuses citizens", async () => {
    expect((await getMetrics("13800000000", "from=2025-01-01&to=2026-01-01")).status).toBe(403);
  });

  it("explains bad parameters in Chinese", async () => {
    const missing = await getMetrics("manager", "to=2026-01-01");
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ field: "from" });
    const backwards = await getMetrics("manager", "from=2026-01-01&to=2025-01-01");
    expect(backwards.body.errors).toEqual([{ field: "to", message: "结束日期须晚于开始日期" }]);
    const impossible = await getMetrics("manager", "from=2025-02-30&to=2025-04-01");
    expect(impossible.body.errors[0].message).toContain("有效日期");
    expect((await getMetrics("manager", "from=2025-01-01&to=2026-01-01&group-by=week")).status).toBe(400);
    const unknownUnit = await getMetrics("manager", "from=2025-01-01&to=2026-01-01&unit=NOPE");
    expect(unknownUnit.body.errors).toEqual([{ field: "unit", message: "单位代码「NOPE」不存在" }]);
  });

  it("answers CSV with num, den and rate columns", async () => {
    const response = await metricsRoute(await requestAs("manager", "/api/v1/metrics?from=2025-01-01&to=2026-01-01&group-by=unit&format=csv"));
    expect(response.headers.get("content-type")).toContain("text/csv");
    const [header, first] = (await response.text()).trim().split("\n");
    expect(header!.split(",").slice(0, 5)).toEqual(["key", "received", "closedRate.num", "closedRate.den", "closedRate.rate"]);
    expect(first!.startsWith("ZQ1,")).toBe(true);
  });
});

describe("metrics-rebuild", () => {
  it("recounts to exactly what the triggers kept", async () => {
    const now = new Date();
    const all = { period: { from: "2020-01-01", to: "2030-01-01" } };
    const kept = await aggregateCounters(all, "unit", now);
    await sql().updateTable("MetricDaily").set((eb) => ({ received: eb("received", "+", 5) })).execute();
    await sql().updateTable("MetricMonthly").set({ closed: 0 }).execute();
    expect(await aggregateCounters(all, "unit", now)).not.toEqual(kept);
    await rebuildMetrics();
    expect(await aggregateCounters(all, "unit", now)).toEqual(kept);
  });
});
