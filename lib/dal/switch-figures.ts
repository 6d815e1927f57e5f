import "server-only";
// 交换机话务统计 (issue 16): the hourly figures the call-centre switch reports — by a CSV / Excel
// export an agent imports, or POST /api/v1/calls from a CTI integration — so that 接通率 is
// answered / offered as the switch counted them. Both paths store the same rows the same way:
// an hour and agent reported again replaces what was there (a corrected export fixes the figures
// rather than doubling them).
import { sql as kyselySql } from "kysely";
import { isApiClient, type Caller } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { switchIntervalProblem, type SwitchInterval, type SwitchTally } from "@/lib/domain/calls";
import { localMidnight } from "@/lib/domain/local-time";
import type { Period } from "@/lib/domain/periods";
import { Forbidden, Invalid } from "@/lib/errors";
import { env } from "@/lib/env";
import { localDaySql } from "@/lib/dal/metrics/counter-sql";
import { readImportFile } from "@/lib/import/read";
import { readSwitchRows, type SwitchFileProblem } from "@/lib/import/switch-rows";
import { sql } from "@/lib/sql";
import { write } from "@/lib/sql/write";
import { parseOrThrow } from "@/lib/validation/errors";
import { switchReportSchema } from "@/lib/validation/calls";

/**
 * A month of hourly rows for 60 agents is ~45,000 lines, under 2 MB. The file is read on the
 * server's event loop (unlike a 12345 batch, which a child process reads), so it is kept small.
 */
export const MAX_SWITCH_FILE_BYTES = 2 * 1024 * 1024;

/** Rows per INSERT: well under either engine's bound-parameter limit (7 columns each). */
const CHUNK = 500;

async function store(intervals: SwitchInterval[], source: "IMPORT" | "API"): Promise<void> {
  const now = new Date();
  await write(async (tx) => {
    for (let i = 0; i < intervals.length; i += CHUNK) {
      await tx
        .insertInto("SwitchInterval")
        .values(intervals.slice(i, i + CHUNK).map((r) => ({ ...r, source, updatedAt: now })))
        .onConflict((oc) =>
          oc.columns(["hourAt", "agent"]).doUpdateSet((eb) => ({
            offered: eb.ref("excluded.offered"),
            answered: eb.ref("excluded.answered"),
            abandoned: eb.ref("excluded.abandoned"),
            source: eb.ref("excluded.source"),
            updatedAt: eb.ref("excluded.updatedAt"),
          })),
        )
        .execute();
    }
  });
}

export type SwitchImportResult = { ok: true; hours: number; rows: number; agents: number } | { ok: false; problems: SwitchFileProblem[] };

/** Imports a switch export: every row stored, or — when any row is wrong — none, with each problem by line. */
export async function importSwitchFile(actor: Caller, fileName: string, bytes: Uint8Array): Promise<SwitchImportResult> {
  if (isApiClient(actor) || !can(actor.role, "call:import")) throw new Forbidden("您没有导入话务统计的权限");
  if (bytes.length > MAX_SWITCH_FILE_BYTES) return { ok: false, problems: [{ line: 1, message: `文件超过 ${MAX_SWITCH_FILE_BYTES / 1024 / 1024} MB 上限，请按月分开导出` }] };
  let file;
  try {
    file = await readImportFile(fileName, bytes);
  } catch (error) {
    return { ok: false, problems: [{ line: 1, message: error instanceof Error ? error.message : String(error) }] };
  }
  const { intervals, problems } = readSwitchRows(file);
  if (problems.length > 0) return { ok: false, problems };
  await store(intervals, "IMPORT");
  return {
    ok: true,
    rows: intervals.length,
    hours: new Set(intervals.map((i) => i.hourAt.getTime())).size,
    agents: new Set(intervals.filter((i) => i.agent).map((i) => i.agent)).size,
  };
}

/** POST /api/v1/calls: an API client with "calls:report" posts the switch's hours. */
export async function reportSwitchIntervals(caller: Caller, raw: unknown): Promise<{ stored: number }> {
  const allowed = isApiClient(caller) ? caller.scopes.includes("calls:report") : can(caller.role, "call:import");
  if (!allowed) throw new Forbidden(isApiClient(caller) ? `接口客户端「${caller.name}」没有上报话务统计的权限` : "您没有上报话务统计的权限");
  const { intervals } = parseOrThrow(switchReportSchema, raw);
  const rows: SwitchInterval[] = [];
  const seen = new Set<string>();
  const errors = [];
  for (const [i, r] of intervals.entries()) {
    const interval = { hourAt: new Date(r.hour), agent: r.agent, offered: r.offered, answered: r.answered, abandoned: r.abandoned };
    const key = `${interval.hourAt.getTime()}|${interval.agent}`;
    const problem = switchIntervalProblem(interval) ?? (seen.has(key) ? "同一时段、同一坐席重复上报" : null);
    if (problem) errors.push({ field: `intervals.${i}`, message: problem });
    seen.add(key);
    rows.push(interval);
  }
  if (errors.length > 0) throw new Invalid(errors);
  await store(rows, "API");
  return { stored: rows.length };
}

/**
 * What the switch counted in a period for the whole centre, in total and per local day: an hour's
 * centre row ('' agent) when the switch reported one, else the sum of that hour's agent rows —
 * never both, so an export with both kinds of rows is not counted twice. Days it reported
 * nothing for are absent; no rows at all is null (no 接通率, rather than 0 %).
 */
export async function switchTallies(period: Period): Promise<{ total: SwitchTally; byDay: Map<number, SwitchTally> } | null> {
  const day = kyselySql<number>`${kyselySql.raw(localDaySql('"s"."hourAt"', env().databaseEngine))}`;
  const rows = await sql()
    .selectFrom("SwitchInterval as s")
    .select((eb) => [
      day.as("day"),
      eb.fn.sum<number>("s.offered").as("offered"),
      eb.fn.sum<number>("s.answered").as("answered"),
      eb.fn.sum<number>("s.abandoned").as("abandoned"),
    ])
    .where("s.hourAt", ">=", localMidnight(period.from))
    .where("s.hourAt", "<", localMidnight(period.to))
    .where((eb) =>
      eb.or([
        eb("s.agent", "=", ""),
        eb.not(eb.exists(eb.selectFrom("SwitchInterval as c").select(kyselySql.lit(1).as("one")).whereRef("c.hourAt", "=", "s.hourAt").where("c.agent", "=", ""))),
      ]),
    )
    .groupBy(day)
    .execute();
  if (rows.length === 0) return null;
  const total: SwitchTally = { offered: 0, answered: 0, abandoned: 0 };
  const byDay = new Map<number, SwitchTally>();
  for (const r of rows) {
    const t = { offered: Number(r.offered), answered: Number(r.answered), abandoned: Number(r.abandoned) };
    byDay.set(Math.floor(Number(r.day)), t);
    total.offered += t.offered;
    total.answered += t.answered;
    total.abandoned += t.abandoned;
  }
  return { total, byDay };
}

/** Each agent's switch figures in a period, by 工号. */
export async function switchTallyByAgent(period: Period): Promise<Map<string, SwitchTally>> {
  const rows = await sql()
    .selectFrom("SwitchInterval")
    .select((eb) => ["agent", eb.fn.sum<number>("offered").as("offered"), eb.fn.sum<number>("answered").as("answered"), eb.fn.sum<number>("abandoned").as("abandoned")])
    .where("hourAt", ">=", localMidnight(period.from))
    .where("hourAt", "<", localMidnight(period.to))
    .where("agent", "<>", "")
    .groupBy("agent")
    .execute();
  return new Map(rows.map((r) => [r.agent, { offered: Number(r.offered), answered: Number(r.answered), abandoned: Number(r.abandoned) }]));
}
