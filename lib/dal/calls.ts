import "server-only";
import type { Actor, Caller } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { callTiming, type CallChannel, type CallOutcome, type CallTiming } from "@/lib/domain/calls";
import { localMidnight } from "@/lib/domain/local-time";
import { Forbidden, Invalid } from "@/lib/errors";
import type { Call } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import { seesMergedCalls } from "@/lib/dal/merged-calls";
import { readableTicket } from "@/lib/dal/ticket-scope";
import { sql } from "@/lib/sql";
import { writeRows } from "@/lib/sql/rows";
import { toDate } from "@/lib/sql/values";
import { callRecordSchema, ticketCallSchema } from "@/lib/validation/calls";
import { parseOrThrow } from "@/lib/validation/errors";

export function requireCallAgent(actor: Actor): void {
  if (!can(actor.role, "call:record")) throw new Forbidden("只有热线坐席可以登记来电");
}

export function requireCallReader(actor: Actor): void {
  if (!can(actor.role, "call:read")) throw new Forbidden("您没有查看话务记录的权限");
}

function timingOrThrow(now: Date, startedAt: string | undefined, seconds: number | undefined): CallTiming {
  const timing = callTiming(now, startedAt ? new Date(startedAt) : undefined, seconds);
  if (typeof timing === "string") throw new Invalid([{ field: "duration", message: timing }]);
  return timing;
}

/**
 * The call part of 转工单, checked before the ticket is: submitTicket stores it with the ticket
 * (lib/dal/intake.ts), taking the caller's number and the topic from the ticket, so a failed
 * intake leaves no call behind and a stored ticket always has its call.
 */
export function ticketCall(actor: Actor, raw: unknown, now = new Date()): Omit<Call, "ticketId" | "categoryCode" | "callerPhone"> {
  requireCallAgent(actor);
  const input = parseOrThrow(ticketCallSchema, raw);
  const timing = timingOrThrow(now, input.startedAt, input.duration);
  return {
    id: newId(),
    channel: input.channel,
    agentId: actor.userId,
    ...timing,
    outcome: "TICKET",
    note: null,
    transferredTo: null,
    knowledgeId: null,
    createdAt: now,
  };
}

/**
 * Records a call that did not become a ticket: 当场解答 (with its answer and, if used, the
 * knowledge-base entry), 转接其他部门, or 无效/骚扰来电.
 */
export async function recordCall(actor: Actor, raw: unknown, now = new Date()): Promise<{ id: string; outcome: CallOutcome }> {
  requireCallAgent(actor);
  const input = parseOrThrow(callRecordSchema, raw);
  const timing = timingOrThrow(now, input.startedAt, input.duration);
  if (input.knowledgeId) {
    const entry = await sql().selectFrom("KnowledgeEntry").select("id").where("id", "=", input.knowledgeId).where("active", "=", true).executeTakeFirst();
    if (!entry) throw new Invalid([{ field: "knowledgeId", message: "所选知识库条目不存在或已停用，请重新选择" }]);
  }
  const answered = input.outcome === "ANSWERED";
  const row: Call = {
    id: newId(),
    channel: input.channel,
    callerPhone: input.phone ?? null,
    agentId: actor.userId,
    categoryCode: input.category ?? null,
    ...timing,
    outcome: input.outcome,
    note: input.note ?? null,
    transferredTo: input.outcome === "TRANSFERRED" ? (input.transferredTo ?? null) : null,
    knowledgeId: answered ? (input.knowledgeId ?? null) : null,
    ticketId: null,
    createdAt: now,
  };
  await writeRows([{ into: "Call", values: [row] }]);
  return { id: row.id, outcome: row.outcome };
}

export type CallListItem = {
  id: string;
  channel: CallChannel;
  callerPhone: string | null;
  agentName: string;
  categoryCode: string | null;
  startedAt: Date;
  durationSeconds: number;
  outcome: CallOutcome;
  note: string | null;
  transferredTo: string | null;
  knowledgeTitle: string | null;
  ticketNo: string | null;
  /** The master a merged ticket went into: the number the caller was told. */
  mergedIntoNo: string | null;
};

export const CALL_PAGE_SIZE = 50;

/** 话务记录 of one local day, newest first, optionally of one agent and one outcome. */
export async function listCalls(
  actor: Actor,
  query: { date: string; agentId?: string; outcome?: CallOutcome; page?: number },
): Promise<{ items: CallListItem[]; total: number }> {
  requireCallReader(actor);
  const from = localMidnight(query.date);
  const to = new Date(from.getTime() + 86_400_000);
  const base = sql()
    .selectFrom("Call as c")
    .where("c.startedAt", ">=", from)
    .where("c.startedAt", "<", to)
    .$if(query.agentId !== undefined, (q) => q.where("c.agentId", "=", query.agentId!))
    .$if(query.outcome !== undefined, (q) => q.where("c.outcome", "=", query.outcome!));
  const page = Math.max(1, query.page ?? 1);
  const [counted, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    base
      .innerJoin("User as u", "u.id", "c.agentId")
      .leftJoin("KnowledgeEntry as k", "k.id", "c.knowledgeId")
      .leftJoin("Ticket as t", "t.id", "c.ticketId")
      .leftJoin("Ticket as m", "m.id", "t.mergedIntoId")
      .select([
        "c.id",
        "c.channel",
        "c.callerPhone",
        "u.displayName as agentName",
        "c.categoryCode",
        "c.startedAt",
        "c.durationSeconds",
        "c.outcome",
        "c.note",
        "c.transferredTo",
        "k.title as knowledgeTitle",
        "t.no as ticketNo",
        "m.no as mergedIntoNo",
      ])
      .orderBy("c.startedAt", "desc")
      .orderBy("c.id", "desc")
      .limit(CALL_PAGE_SIZE)
      .offset((page - 1) * CALL_PAGE_SIZE)
      .execute(),
  ]);
  return {
    total: Number(counted.n),
    items: rows.map((r) => ({ ...r, channel: r.channel as CallChannel, outcome: r.outcome as CallOutcome, startedAt: toDate(r.startedAt) })),
  };
}

export type TicketCall = { agentName: string; channel: CallChannel; startedAt: Date; durationSeconds: number };

/**
 * The call a ticket was taken on (转工单), for its page: authorised as reading the ticket is, and
 * for staff only (seesMergedCalls). None for a ticket of another channel.
 */
export async function callsOfTicket(caller: Caller, no: string): Promise<TicketCall[]> {
  const ticket = await readableTicket(caller, no);
  if (!seesMergedCalls(caller)) return [];
  const rows = await sql()
    .selectFrom("Call as c")
    .innerJoin("User as u", "u.id", "c.agentId")
    .select(["u.displayName as agentName", "c.channel", "c.startedAt", "c.durationSeconds"])
    .where("c.ticketId", "=", ticket.id)
    .orderBy("c.startedAt")
    .execute();
  return rows.map((r) => ({ ...r, channel: r.channel as CallChannel, startedAt: toDate(r.startedAt) }));
}
