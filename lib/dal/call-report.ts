import "server-only";
// 话务报表 (issue 16): the hotline centre reported by calls, as Zaozhuang's 12123 voice centre does —
// calls, 当场解答, 转工单 and the share of calls that needed a work order, average handling time, and
// 接通率 where the switch reported its figures; for the centre, per agent and per day, with the
// topics and the knowledge-base entries that recur.
import { sql as kyselySql } from "kysely";
import type { Actor } from "@/lib/auth/actor";
import { requireCallReader } from "@/lib/dal/calls";
import { localDaySql } from "@/lib/dal/metrics/counter-sql";
import { switchTallies, switchTallyByAgent } from "@/lib/dal/switch-figures";
import { callFigures, emptyCallTally, type CallFigures, type CallTally } from "@/lib/domain/calls";
import { localMidnight } from "@/lib/domain/local-time";
import { dateOfDayNumber, dayNumberOfDate, type Period } from "@/lib/domain/periods";
import { env } from "@/lib/env";
import { sql } from "@/lib/sql";

export type CallReport = {
  period: Period;
  centre: CallFigures;
  byAgent: { agentId: string; name: string; username: string; figures: CallFigures }[];
  /** Every day of the period that had calls or switch figures, oldest first. */
  byDay: { date: string; figures: CallFigures }[];
  byTopic: { categoryCode: string | null; calls: number; answered: number; ticket: number }[];
  knowledge: { id: string; title: string; uses: number }[];
};

const outcomeCount = (outcome: string) => kyselySql<number>`SUM(CASE WHEN "c"."outcome" = ${kyselySql.lit(outcome)} THEN 1 ELSE 0 END)`;

function tallyOf(r: { calls: unknown; answered: unknown; ticket: unknown; transferred: unknown; invalid: unknown; seconds: unknown }): CallTally {
  return {
    calls: Number(r.calls),
    answered: Number(r.answered ?? 0),
    ticket: Number(r.ticket ?? 0),
    transferred: Number(r.transferred ?? 0),
    invalid: Number(r.invalid ?? 0),
    seconds: Number(r.seconds ?? 0),
  };
}

/** The call log's counts in the period, grouped by `key` (a column or expression). */
function tallies(period: Period) {
  return sql()
    .selectFrom("Call as c")
    .where("c.startedAt", ">=", localMidnight(period.from))
    .where("c.startedAt", "<", localMidnight(period.to))
    .select((eb) => [
      eb.fn.countAll<number>().as("calls"),
      outcomeCount("ANSWERED").as("answered"),
      outcomeCount("TICKET").as("ticket"),
      outcomeCount("TRANSFERRED").as("transferred"),
      outcomeCount("INVALID").as("invalid"),
      eb.fn.sum<number>("c.durationSeconds").as("seconds"),
    ]);
}

export async function callReport(actor: Actor, period: Period): Promise<CallReport> {
  requireCallReader(actor);
  const day = kyselySql<number>`${kyselySql.raw(localDaySql('"c"."startedAt"', env().databaseEngine))}`;
  const [total, agents, days, topics, knowledge, switchFigures, switchByAgent] = await Promise.all([
    tallies(period).executeTakeFirstOrThrow(),
    tallies(period)
      .innerJoin("User as u", "u.id", "c.agentId")
      .select(["c.agentId", "u.displayName", "u.username"])
      .groupBy(["c.agentId", "u.displayName", "u.username"])
      .execute(),
    tallies(period).select(day.as("day")).groupBy(day).execute(),
    tallies(period).select("c.categoryCode").groupBy("c.categoryCode").execute(),
    sql()
      .selectFrom("Call as c")
      .innerJoin("KnowledgeEntry as k", "k.id", "c.knowledgeId")
      .select((eb) => ["k.id", "k.title", eb.fn.countAll<number>().as("uses")])
      .where("c.startedAt", ">=", localMidnight(period.from))
      .where("c.startedAt", "<", localMidnight(period.to))
      .groupBy(["k.id", "k.title"])
      .orderBy("uses", "desc")
      .limit(10)
      .execute(),
    switchTallies(period),
    switchTallyByAgent(period),
  ]);

  // The switch names agents by 工号; an agent whose user name is that 工号 gets its figures.
  const byAgent = agents
    .map((a) => ({ agentId: a.agentId, name: a.displayName, username: a.username, figures: callFigures(tallyOf(a), switchByAgent.get(a.username) ?? null) }))
    .sort((a, b) => b.figures.tally.calls - a.figures.tally.calls || a.name.localeCompare(b.name, "zh-CN"));

  const callsByDay = new Map(days.map((d) => [Math.floor(Number(d.day)), tallyOf(d)]));
  const dayNumbers = new Set([...callsByDay.keys(), ...(switchFigures?.byDay.keys() ?? [])]);
  const first = dayNumberOfDate(period.from);
  const last = dayNumberOfDate(period.to) - 1;
  const byDay = [...dayNumbers]
    .filter((n) => n >= first && n <= last)
    .sort((a, b) => a - b)
    .map((n) => ({ date: dateOfDayNumber(n), figures: callFigures(callsByDay.get(n) ?? emptyCallTally(), switchFigures?.byDay.get(n) ?? null) }));

  return {
    period,
    centre: callFigures(tallyOf(total), switchFigures?.total ?? null),
    byAgent,
    byDay,
    byTopic: topics
      .map((t) => ({ categoryCode: t.categoryCode, calls: Number(t.calls), answered: Number(t.answered ?? 0), ticket: Number(t.ticket ?? 0) }))
      .sort((a, b) => b.calls - a.calls),
    knowledge: knowledge.map((k) => ({ id: k.id, title: k.title, uses: Number(k.uses) })),
  };
}
