import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { hashToken } from "@/lib/auth/api-token";
import { can } from "@/lib/auth/permissions";
import { ticketNotFound } from "@/lib/auth/ticket-access";
import { EVENT_TYPES, type EventType } from "@/lib/domain/events";
import { localDayRange } from "@/lib/domain/local-time";
import { actionSchemas } from "@/lib/domain/workflow-actions";
import { db } from "@/lib/db";
import { Conflict, Forbidden, Invalid, NotFound } from "@/lib/errors";
import type { Prisma, Ticket } from "@/lib/generated/prisma/client";
import { reference } from "@/lib/dal/reference";
import { loadTicketRow, updateTicketVersioned, type TicketPatch } from "@/lib/dal/workflow/ticket-row";
import { write, type WriteTx } from "@/lib/sql/write";
import { callbackQuerySchema } from "@/lib/validation/callbacks";
import { parseOrThrow } from "@/lib/validation/errors";
import { newId } from "@/lib/ids";

// 回访 (DOMAIN.md §5) outside the staff workflow steps: the citizen's one-time link, the window
// running out (未评价), and callbacks nobody answers. A dispatcher's answered callback is the
// `evaluate` step of lib/dal/workflow/perform.ts; these write the same rows, in one write step
// each (lib/sql/write.ts) with the ticket's version check, so a link and a callback on the same
// ticket cannot both land.

const INVALID_LINK = "评价链接无效或已过期";
const STALE = "工单已被他人更新，请刷新后重试";
/** Tickets closed per transaction by the expiry, so intake never waits long for the lock. */
const BATCH = 200;

/** The link's questions: the same schema as the dispatcher's `evaluate` step. */
export const evaluationInputSchema = actionSchemas.evaluate;

export type EvaluationTarget = {
  no: string;
  title: string;
  reply: string | null;
  repliedAt: Date | null;
  ownerUnitName: string | null;
};

function tokenHash(token: unknown): string | null {
  // base64url of 16 bytes is 22 characters (43 for the 32 bytes of older links); anything far off is not one of ours.
  if (typeof token !== "string" || !/^[\w-]{20,100}$/.test(token)) return null;
  return hashToken(token);
}

/** 待评价: answered, not yet evaluated, within the window — by the link or on 我的诉求 alike. */
export function evaluationOpen(ticket: Pick<Ticket, "status" | "awaitingReview" | "evaluationExpiresAt">, now: Date): boolean {
  return (
    ticket.status === "REPLIED" &&
    !ticket.awaitingReview &&
    ticket.evaluationExpiresAt !== null &&
    ticket.evaluationExpiresAt.getTime() > now.getTime()
  );
}

/** Public: what the evaluation page shows for a live link; NotFound for anything else. */
export async function evaluationByToken(token: unknown, now = new Date()): Promise<EvaluationTarget> {
  const hash = tokenHash(token);
  if (!hash) throw new NotFound(INVALID_LINK);
  const ticket = await db.ticket.findUnique({
    where: { evaluationTokenHash: hash },
    select: {
      no: true,
      title: true,
      replyText: true,
      repliedAt: true,
      status: true,
      awaitingReview: true,
      evaluationExpiresAt: true,
      ownerUnit: { select: { name: true } },
    },
  });
  if (!ticket || !evaluationOpen(ticket, now)) throw new NotFound(INVALID_LINK);
  return {
    no: ticket.no,
    title: ticket.title,
    reply: ticket.replyText,
    repliedAt: ticket.repliedAt,
    ownerUnitName: ticket.ownerUnit?.name ?? null,
  };
}

type Closing = { satisfaction: "SATISFIED" | "BASIC" | "UNSATISFIED" | "NONE"; resolved: boolean | null; comment: string | null };

async function event(tx: WriteTx, ticketId: string, type: EventType, payload: Record<string, unknown>, now: Date, actor?: Actor) {
  await tx.insertInto("TicketEvent").values({
    id: newId(),
    ticketId,
    type,
    visibility: EVENT_TYPES[type].visibility,
    actorId: actor?.userId ?? null,
    actorUnitId: actor?.unitId ?? null,
    payload: JSON.stringify(payload),
    createdAt: now,
  }).execute();
}

/**
 * Records one evaluation round and closes the ticket, or, for 不满意, leaves it 已答复 for a
 * manager's decision. The link is spent either way. The versioned update comes first: when it
 * is refused (409), nothing of the round has been written.
 */
async function recordEvaluation(
  tx: WriteTx,
  ticket: Ticket,
  answer: Closing,
  meta: { source: "LINK" | "CALLBACK" | "EXPIRED"; now: Date; actor?: Actor; patch?: TicketPatch; extra?: Record<string, unknown> },
): Promise<{ closed: boolean }> {
  const { source, now, actor } = meta;
  const round = ticket.reopenCount + 1;
  const closed = answer.satisfaction !== "UNSATISFIED";
  await updateTicketVersioned(
    tx,
    ticket,
    {
      ...meta.patch,
      resolved: answer.resolved,
      satisfaction: answer.satisfaction,
      evaluatedAt: now,
      evaluationTokenHash: null,
      evaluationExpiresAt: null,
      escalationAt: null,
      ...(closed ? { status: "CLOSED", closedAt: now, awaitingReview: false } : { awaitingReview: true }),
    },
    now,
  );
  await tx.insertInto("Evaluation").values({
    id: newId(),
    ticketId: ticket.id,
    round,
    resolved: answer.resolved,
    satisfaction: answer.satisfaction,
    comment: answer.comment,
    source,
    recordedById: actor?.userId ?? null,
    createdAt: now,
  }).execute();
  const payload =
    answer.satisfaction === "NONE"
      ? { satisfaction: "NONE", source, round, ...meta.extra }
      : { resolved: answer.resolved, satisfaction: answer.satisfaction, comment: answer.comment, source, round };
  await event(tx, ticket.id, "EVALUATED", payload, now, actor);
  if (closed) await event(tx, ticket.id, "CLOSED", { satisfaction: answer.satisfaction, source }, now, actor);
  return { closed };
}

/** Public: the citizen's answers through the one-time link. */
export async function submitEvaluationByLink(
  token: unknown,
  raw: unknown,
  now = new Date(),
): Promise<{ no: string; closed: boolean }> {
  const hash = tokenHash(token);
  if (!hash) throw new NotFound(INVALID_LINK);
  const input = parseOrThrow(evaluationInputSchema, raw);
  return write(async (tx) => {
    const row = await tx.selectFrom("Ticket").select("no").where("evaluationTokenHash", "=", hash).executeTakeFirst();
    const ticket = row ? await loadTicketRow(tx, row.no) : null;
    if (!ticket || !evaluationOpen(ticket, now)) throw new NotFound(INVALID_LINK);
    const { closed } = await recordEvaluation(
      tx,
      ticket,
      { resolved: input.resolved, satisfaction: input.satisfaction, comment: input.comment ?? null },
      { source: "LINK", now },
    );
    return { no: ticket.no, closed };
  });
}

/**
 * 我的诉求: the signed-in citizen evaluates their own ticket, with the link's questions and in
 * its window; the same round as the link's (source LINK: the citizen's own answer online), and
 * the link is spent with it. Anyone else's ticket is the same 404 as none.
 */
export async function evaluateOwnTicket(actor: Actor, no: string, raw: unknown, now = new Date()): Promise<{ no: string; closed: boolean }> {
  const input = parseOrThrow(evaluationInputSchema, raw);
  return write(async (tx) => {
    const ticket = await loadTicketRow(tx, no);
    if (!ticket || actor.role !== "CITIZEN" || ticket.citizenUserId !== actor.userId) throw ticketNotFound(no);
    if (!evaluationOpen(ticket, now)) throw new Conflict("该诉求当前不能评价：已评价过，或已超过评价期限");
    const { closed } = await recordEvaluation(
      tx,
      ticket,
      { resolved: input.resolved, satisfaction: input.satisfaction, comment: input.comment ?? null },
      { source: "LINK", now, actor },
    );
    return { no: ticket.no, closed };
  });
}

/**
 * 未评价: replied tickets whose link ran out unanswered close with satisfaction NONE. Safe to run
 * from the server's loop and `tick` at once: a ticket is only picked while still REPLIED, and on
 * PostgreSQL, where two runs can pick the same ticket, the later one's versioned update is
 * refused and it leaves that ticket to the first.
 */
export async function expireEvaluations(now = new Date()): Promise<{ closed: number }> {
  let closed = 0;
  for (;;) {
    const batch = await write(async (tx) => {
      let expired = 0;
      const nos = await tx
        .selectFrom("Ticket")
        .select("no")
        .where("status", "=", "REPLIED")
        .where("awaitingReview", "=", false)
        .where("evaluationExpiresAt", "is not", null)
        .where("evaluationExpiresAt", "<=", now)
        .limit(BATCH)
        .execute();
      for (const { no } of nos) {
        const ticket = await loadTicketRow(tx, no);
        if (ticket?.status !== "REPLIED") continue; // closed by another run since the query
        try {
          await recordEvaluation(tx, ticket, { resolved: null, satisfaction: "NONE", comment: null }, { source: "EXPIRED", now });
          expired++;
        } catch (error) {
          if (!(error instanceof Conflict)) throw error;
        }
      }
      return { picked: nos.length, expired };
    });
    closed += batch.expired;
    if (batch.picked < BATCH) return { closed };
  }
}

export type CallbackItem = {
  no: string;
  version: number;
  title: string;
  reply: string | null;
  repliedAt: Date | null;
  citizenName: string | null;
  citizenPhone: string | null;
  callbackAttempts: number;
  evaluationExpiresAt: Date | null;
  ownerUnitName: string | null;
};

export const CALLBACK_PAGE_SIZE = 20;

export type CallbackPage = { items: CallbackItem[]; total: number; page: number; pageSize: number };

/**
 * 回访队列: replied tickets with someone to call, oldest reply first, one page at a time.
 * Dispatchers see phones. An unknown unit code is a bad parameter, not an empty list.
 */
export async function callbackQueue(actor: Actor, raw: unknown = {}): Promise<CallbackPage> {
  if (!can(actor.role, "callback:record")) throw new Forbidden("只有指挥中心坐席可以回访");
  const query = parseOrThrow(callbackQuerySchema, raw);
  let ownerUnitId: string | undefined;
  if (query.unit) {
    const unit = (await reference()).unitByCode.get(query.unit);
    if (!unit) throw new Invalid([{ field: "unit", message: `单位代码「${query.unit}」不存在` }]);
    ownerUnitId = unit.id;
  }
  const replied = localDayRange(query);
  const where: Prisma.TicketWhereInput = {
    status: "REPLIED",
    anonymous: false,
    awaitingReview: false,
    ownerUnitId,
    callbackAttempts: query.attempts === "none" ? 0 : query.attempts === "tried" ? { gt: 0 } : undefined,
    repliedAt: { gte: replied.start, lt: replied.end },
  };
  const [total, rows] = await Promise.all([
    db.ticket.count({ where }),
    db.ticket.findMany({
      where,
      orderBy: [{ repliedAt: "asc" }, { no: "asc" }],
      skip: (query.page - 1) * CALLBACK_PAGE_SIZE,
      take: CALLBACK_PAGE_SIZE,
      select: {
        no: true,
        version: true,
        title: true,
        replyText: true,
        repliedAt: true,
        citizenName: true,
        citizenPhone: true,
        callbackAttempts: true,
        evaluationExpiresAt: true,
        ownerUnit: { select: { name: true } },
      },
    }),
  ]);
  const items = rows.map(({ replyText, ownerUnit, ...row }) => ({ ...row, reply: replyText, ownerUnitName: ownerUnit?.name ?? null }));
  return { items, total, page: query.page, pageSize: CALLBACK_PAGE_SIZE };
}

/**
 * 未接通: one more unanswered callback; the last allowed one closes the ticket as 未评价.
 * Refusals in perform.ts's order: 404, 403, stale version, then the ticket's state.
 */
export async function recordUnreachable(
  actor: Actor,
  no: string,
  version: number,
  now = new Date(),
): Promise<{ no: string; version: number; callbackAttempts: number; closed: boolean }> {
  const { settings } = await reference();
  return write(async (tx) => {
    const ticket = await loadTicketRow(tx, no);
    if (!ticket) throw new NotFound(`工单 ${no} 不存在`);
    if (!can(actor.role, "callback:record")) throw new Forbidden("只有指挥中心坐席可以记录回访");
    if (ticket.version !== version) throw new Conflict(STALE);
    if (ticket.anonymous) throw new Conflict("匿名诉求没有联系人，无法回访");
    if (ticket.status !== "REPLIED") throw new Conflict("工单不在待回访状态");
    if (ticket.awaitingReview) throw new Conflict("群众已评价「不满意」，正在等待支队领导决定重办或办结");

    const attempts = ticket.callbackAttempts + 1;
    await event(tx, ticket.id, "CALLBACK_ATTEMPT", { attempt: attempts, of: settings.maxCallbackAttempts }, now, actor);
    if (attempts < settings.maxCallbackAttempts) {
      await updateTicketVersioned(tx, ticket, { callbackAttempts: attempts }, now);
      return { no, version: ticket.version + 1, callbackAttempts: attempts, closed: false };
    }
    await recordEvaluation(
      tx,
      ticket,
      { resolved: null, satisfaction: "NONE", comment: null },
      { source: "CALLBACK", now, actor, patch: { callbackAttempts: attempts }, extra: { attempts } },
    );
    return { no, version: ticket.version + 1, callbackAttempts: attempts, closed: true };
  });
}
