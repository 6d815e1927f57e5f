import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import type { EventType } from "@/lib/domain/events";
import type { NotificationTemplate } from "@/lib/domain/notifications";
import { computeDeadlines, extendDueAt, selectPolicy } from "@/lib/domain/time-limits";
import { categoryName } from "@/lib/domain/routing";
import type { Action, ActionInput, Transition } from "@/lib/domain/workflow";
import { env } from "@/lib/env";
import { Conflict, Invalid } from "@/lib/errors";
import type { Ticket } from "@/lib/generated/prisma/client";
import { canOwnTickets, type Reference, type UnitRef } from "@/lib/dal/reference";
import type { TicketPatch } from "@/lib/dal/workflow/ticket-row";
import { toBoolean } from "@/lib/sql/values";
import type { WriteTx } from "@/lib/sql/write";
import { newId } from "@/lib/ids";

// What each allowed workflow step writes besides the ticket's status, version and event: the
// ticket columns it changes, its side rows (退单/延期/协办/督办/回访 requests), the details on its
// event, and the notice to the citizen. Runs inside perform.ts's write step, so a throw here (a
// bad unit code, a vanished request) rolls the whole step back.

export type EffectContext = {
  tx: WriteTx;
  ticket: Ticket;
  actor: Actor;
  now: Date;
  ref: Reference;
  next: Transition;
};

export type Effect = {
  patch: TicketPatch;
  payload: Record<string, unknown>;
  /** The message for the citizen, sent when transition().notifyCitizen. */
  notice?: {
    template: NotificationTemplate;
    payload: Record<string, unknown>;
    /** Only for the ticket's own caller, not for callers of merged tickets (the evaluation link). */
    ownCallerOnly?: Record<string, unknown>;
  };
  /** Events on other tickets (the master of a merge). */
  otherEvents?: { ticketId: string; type: EventType; payload: Record<string, unknown> }[];
  /** The answer for callers that want more than the view (dispatchTicket, mergeTicket). */
  result?: Record<string, unknown>;
};

const DAY_MS = 24 * 60 * 60 * 1000;

function activeUnit(ref: Reference, code: string, field: string, label: string): UnitRef {
  const unit = ref.unitByCode.get(code);
  if (!unit || !unit.active) throw new Invalid([{ field, message: `${label}「${code}」不存在或已停用` }]);
  return unit;
}

/** Units that can own a ticket: the brigades (squadrons get tickets through their brigade). */
function ownerBrigade(ref: Reference, code: string, field: string): UnitRef {
  const unit = ref.unitByCode.get(code);
  if (!canOwnTickets(unit)) {
    const brigades = [...ref.unitByCode.values()].filter(canOwnTickets).map((u) => `${u.name}（${u.code}）`);
    throw new Invalid([{ field, message: `「${code}」不是可承办工单的大队，请选择：${brigades.join("、")}` }]);
  }
  return unit;
}

function policyOf(ref: Reference, ticket: Pick<Ticket, "type" | "urgency" | "grade">) {
  return selectPolicy(ref.policies, ticket);
}

async function decidePending(tx: WriteTx, table: "ReturnRequest" | "ExtensionRequest", ticketId: string) {
  const row = await tx
    .selectFrom(table)
    .selectAll()
    .where("ticketId", "=", ticketId)
    .where("status", "=", "PENDING")
    .orderBy("createdAt", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) throw new Conflict(table === "ReturnRequest" ? "该工单没有待审核的退单申请" : "该工单没有待审核的延期申请");
  return row;
}

async function closeRequest(
  tx: WriteTx,
  table: "ReturnRequest" | "ExtensionRequest",
  id: string,
  decision: { status: "APPROVED" | "REJECTED"; actor: Actor; now: Date; note?: string | null; toUnitId?: string },
) {
  const closed = { status: decision.status, decidedById: decision.actor.userId, decisionNote: decision.note ?? null, decidedAt: decision.now };
  if (table === "ReturnRequest") {
    await tx.updateTable(table).set({ ...closed, toUnitId: decision.toUnitId ?? null }).where("id", "=", id).execute();
  } else {
    await tx.updateTable(table).set(closed).where("id", "=", id).execute();
  }
}

type Effects = { [A in Action]: (ctx: EffectContext, input: ActionInput<A>) => Effect | Promise<Effect> };

export const EFFECTS: Effects = {
  sign: ({ now }) => ({ patch: { signedAt: now }, payload: {} }),

  contact: ({ ticket, now }, input) => ({
    patch: { firstContactAt: ticket.firstContactAt ?? now },
    payload: { note: input.note, method: input.method },
  }),

  note: (_ctx, input) => ({ patch: {}, payload: { text: input.text } }),

  assist: async ({ tx, ticket, actor, now, ref }, input) => {
    const unit = activeUnit(ref, input.unit, "unit", "协办单位");
    if (unit.id === ticket.ownerUnitId) throw new Invalid([{ field: "unit", message: "协办单位不能是本工单的承办单位" }]);
    await tx.insertInto("AssistRequest").values({
      id: newId(),
      ticketId: ticket.id,
      requestingUnitId: ticket.ownerUnitId!, // decide() allows 协办 only on an owned ticket
      assistingUnitId: unit.id,
      note: input.note,
      dueAt: input.dueAt ?? null,
      status: "OPEN",
      createdById: actor.userId,
      createdAt: now,
    }).execute();
    return { patch: {}, payload: { unit: unit.code, unitName: unit.name, note: input.note, dueAt: input.dueAt ?? null } };
  },

  assistReply: async ({ tx, ticket, actor, now }, input) => {
    const open = actor.unitId
      ? await tx
          .selectFrom("AssistRequest")
          .select("id")
          .where("ticketId", "=", ticket.id)
          .where("assistingUnitId", "=", actor.unitId)
          .where("status", "=", "OPEN")
          .orderBy("createdAt", "asc")
          .limit(1)
          .executeTakeFirst()
      : undefined;
    if (!open) throw new Conflict("本单位在该工单上没有待反馈的协办请求");
    await tx.updateTable("AssistRequest").set({ status: "ANSWERED", reply: input.text, answeredAt: now }).where("id", "=", open.id).execute();
    return { patch: {}, payload: { text: input.text } };
  },

  return: async ({ tx, ticket, actor, now, ref }, input) => {
    const suggested = ownerBrigade(ref, input.suggestedUnit, "suggestedUnit");
    if (suggested.id === ticket.ownerUnitId) {
      throw new Invalid([{ field: "suggestedUnit", message: "建议承办单位不能是本单位" }]);
    }
    await tx.insertInto("ReturnRequest").values({
      id: newId(),
      ticketId: ticket.id,
      fromUnitId: ticket.ownerUnitId!, // decide() allows 退单 only on an owned ticket
      suggestedUnitId: suggested.id,
      reason: input.reason,
      requestedById: actor.userId,
      status: "PENDING",
      createdAt: now,
    }).execute();
    return { patch: { returnPending: true }, payload: { reason: input.reason, suggestedUnit: suggested.code } };
  },

  // Re-dispatched to the new owner, who signs again: the sign clock and return window restart;
  // contact and close keep running from receipt (接诉即办).
  approveReturn: async ({ tx, ticket, actor, now, ref }, input) => {
    const unit = ownerBrigade(ref, input.unit, "unit");
    if (unit.id === ticket.ownerUnitId) throw new Invalid([{ field: "unit", message: "新承办单位不能是原承办单位" }]);
    const request = await decidePending(tx, "ReturnRequest", ticket.id);
    await closeRequest(tx, "ReturnRequest", request.id, { status: "APPROVED", actor, now, toUnitId: unit.id });
    const { signDueAt } = computeDeadlines(ref.calendar, policyOf(ref, ticket), { receivedAt: ticket.receivedAt, dispatchedAt: now });
    const from = ticket.ownerUnitId ? ref.unitById.get(ticket.ownerUnitId)?.code : null;
    return {
      patch: {
        ownerUnitId: unit.id,
        dispatchedAt: now,
        signedAt: null,
        signDueAt,
        squadronUnitId: null,
        handlerId: null,
        returnCount: ticket.returnCount + 1,
        returnPending: false,
      },
      payload: { from: from ?? null, unit: unit.code, unitName: unit.name },
    };
  },

  rejectReturn: async ({ tx, ticket, actor, now }, input) => {
    const request = await decidePending(tx, "ReturnRequest", ticket.id);
    await closeRequest(tx, "ReturnRequest", request.id, { status: "REJECTED", actor, now, note: input.reason });
    return { patch: { returnPending: false }, payload: { reason: input.reason } };
  },

  extend: async ({ tx, ticket, actor, now }, input) => {
    await tx.insertInto("ExtensionRequest").values({
      id: newId(),
      ticketId: ticket.id,
      reason: input.reason,
      workingDays: input.workingDays,
      requestedById: actor.userId,
      status: "PENDING",
      createdAt: now,
    }).execute();
    return { patch: { extensionPending: true }, payload: { reason: input.reason, workingDays: input.workingDays } };
  },

  approveExtension: async ({ tx, ticket, actor, now, ref }) => {
    const request = await decidePending(tx, "ExtensionRequest", ticket.id);
    if (!ticket.dueAt) throw new Conflict("该工单没有办结时限，无需延期");
    const workingDays = Number(request.workingDays);
    const dueAt = extendDueAt(ref.calendar, ticket.dueAt, workingDays);
    await closeRequest(tx, "ExtensionRequest", request.id, { status: "APPROVED", actor, now });
    return {
      patch: { dueAt, extendedDays: workingDays, extensionPending: false },
      payload: { workingDays, previousDueAt: ticket.dueAt.toISOString(), dueAt: dueAt.toISOString() },
      notice: { template: "EXTENDED", payload: { no: ticket.no, dueAt: dueAt.toISOString(), workingDays } },
    };
  },

  rejectExtension: async ({ tx, ticket, actor, now }, input) => {
    const request = await decidePending(tx, "ExtensionRequest", ticket.id);
    await closeRequest(tx, "ExtensionRequest", request.id, { status: "REJECTED", actor, now, note: input.reason });
    return { patch: { extensionPending: false }, payload: { reason: input.reason } };
  },

  // The one-time evaluation link: only its SHA-256 is stored, like API tokens.
  reply: async ({ tx, ticket, actor, now, ref }, input) => {
    // 128 bits: unguessable (and only its hash is stored), 22 characters, so the link fits an SMS.
    const token = randomBytes(16).toString("base64url");
    const expiresAt = new Date(now.getTime() + ref.settings.evaluationWindowDays * DAY_MS);
    // A reply ends the need for more time: a pending extension request lapses.
    await tx
      .updateTable("ExtensionRequest")
      .set({ status: "REJECTED", decidedById: actor.userId, decisionNote: "已答复，延期申请不再需要", decidedAt: now })
      .where("ticketId", "=", ticket.id)
      .where("status", "=", "PENDING")
      .execute();
    const coordination = {
      coordinatedWith: input.coordinatedWith ?? ticket.coordinatedWith,
      coordinatedAt: input.coordinatedAt ?? ticket.coordinatedAt,
      coordinationAnswer: input.coordinationAnswer ?? ticket.coordinationAnswer,
    };
    return {
      patch: {
        replyText: input.text,
        repliedAt: now,
        extensionPending: false,
        evaluationTokenHash: createHash("sha256").update(token).digest("hex"),
        evaluationExpiresAt: expiresAt,
        ...coordination,
      },
      payload: {
        text: input.text,
        coordinatedWith: input.coordinatedWith ?? null,
        coordinatedAt: input.coordinatedAt?.toISOString() ?? null,
        coordinationAnswer: input.coordinationAnswer ?? null,
      },
      notice: {
        template: "REPLIED",
        payload: { no: ticket.no, reply: input.text },
        ownCallerOnly: { link: `/evaluate/${token}`, expiresAt: expiresAt.toISOString() },
      },
    };
  },

  // 回访 by phone: a new round after each reopen. 不满意 leaves the ticket for a manager.
  evaluate: async ({ tx, ticket, actor, now, next }, input) => {
    const round = ticket.reopenCount + 1;
    await tx.insertInto("Evaluation").values({
      id: newId(),
      ticketId: ticket.id,
      round,
      resolved: input.resolved,
      satisfaction: input.satisfaction,
      comment: input.comment ?? null,
      source: "CALLBACK",
      recordedById: actor.userId,
      createdAt: now,
    }).execute();
    return {
      patch: {
        resolved: input.resolved,
        satisfaction: input.satisfaction,
        evaluatedAt: now,
        evaluationTokenHash: null,
        evaluationExpiresAt: null,
        closedAt: next.status === "CLOSED" ? now : ticket.closedAt,
      },
      payload: { resolved: input.resolved, satisfaction: input.satisfaction, comment: input.comment ?? null, round, source: "CALLBACK" },
    };
  },

  supervise: async ({ tx, ticket, actor, now }, input) => {
    await tx.insertInto("Supervision").values({
      id: newId(),
      ticketId: ticket.id,
      note: input.note,
      dueAt: input.dueAt ?? null,
      createdById: actor.userId,
      createdAt: now,
    }).execute();
    return {
      patch: { supervised: true, supervisionDueAt: input.dueAt ?? ticket.supervisionDueAt },
      payload: { note: input.note, dueAt: input.dueAt?.toISOString() ?? null },
    };
  },

  // 重办: a fresh close limit from now with the ticket's own policy; same number (一单到底).
  reopen: ({ ticket, now, ref }, input) => {
    const { dueAt } = computeDeadlines(ref.calendar, policyOf(ref, ticket), { receivedAt: now });
    return {
      patch: { reopenCount: ticket.reopenCount + 1, repliedAt: null, closedAt: null, dueAt, evaluationTokenHash: null, evaluationExpiresAt: null },
      payload: { reason: input.reason, round: ticket.reopenCount + 2, dueAt: dueAt.toISOString() },
      notice: { template: "REOPENED", payload: { no: ticket.no, dueAt: dueAt.toISOString() } },
    };
  },

  closeReview: ({ ticket, now }, input) => ({
    patch: { closedAt: now },
    payload: { note: input.note, afterReview: true },
    notice: { template: "CLOSED_AFTER_REVIEW", payload: { no: ticket.no, note: input.note } },
  }),

  // 并单 (一单到底): the caller is told the master's number and follows the master's updates.
  merge: async ({ tx, ticket }, input) => {
    if (input.into === ticket.no) throw new Invalid([{ field: "into", message: "不能并入工单自身" }]);
    // On PostgreSQL the master is share-locked until commit, so it cannot be merged away or
    // invalidated between this check and the merge (SQLite's writer holds the whole database).
    const master = await tx
      .selectFrom("Ticket")
      .select(["id", "no", "status"])
      .where("no", "=", input.into)
      .$if(env().databaseEngine === "postgresql", (query) => query.forShare())
      .executeTakeFirst();
    if (!master) throw new Invalid([{ field: "into", message: `主工单 ${input.into} 不存在` }]);
    if (master.status === "MERGED" || master.status === "INVALID") {
      throw new Invalid([{ field: "into", message: `工单 ${master.no} 已并单或无效，请并入其主工单` }]);
    }
    return {
      patch: { mergedIntoId: master.id },
      payload: { into: master.no },
      notice: { template: "MERGED", payload: { no: ticket.no, masterNo: master.no } },
      // The repeat call on the master's timeline, as the handler needs it: which ticket, when, by
      // which channel, and what the caller said this time (一单到底: the master is worked, not it).
      otherEvents: [
        {
          ticketId: master.id,
          type: "DUPLICATE_MERGED",
          payload: { from: ticket.no, receivedAt: ticket.receivedAt.toISOString(), channel: ticket.channel, content: ticket.content, place: ticket.place },
        },
      ],
      result: { no: ticket.no, into: master.no },
    };
  },

  invalidate: (_ctx, input) => ({
    patch: { invalidReason: input.reason },
    payload: { reason: input.reason, note: input.note ?? null },
  }),

  // 人工派单: contact and close keep running from receipt; signing runs from this dispatch.
  dispatch: ({ ticket, now, ref }, input) => {
    const unit = ownerBrigade(ref, input.unit, "unit");
    const { signDueAt } = computeDeadlines(ref.calendar, policyOf(ref, ticket), { receivedAt: ticket.receivedAt, dispatchedAt: now });
    const corrected = input.category && input.category !== ticket.categoryCode ? input.category : null;
    if (corrected && !ref.categories.some((c) => c.code === corrected)) {
      throw new Invalid([{ field: "category", message: `诉求分类「${categoryName(corrected)}」已停用` }]);
    }
    return {
      patch: { ownerUnitId: unit.id, dispatchedAt: now, signDueAt, suggestedUnitId: null, ...(corrected && { categoryCode: corrected }) },
      payload: { unit: unit.code, unitName: unit.name, manual: true, ...(corrected && { category: { from: ticket.categoryCode, to: corrected } }) },
      result: { no: ticket.no, unit: unit.code, version: ticket.version + 1 },
    };
  },

  assign: async ({ tx, ticket, ref }, input) => {
    const patch: TicketPatch = {};
    const inOwner = (unitId: string | null) => {
      const unit = unitId ? ref.unitById.get(unitId) : undefined;
      return !!unit && (unit.id === ticket.ownerUnitId || (unit.kind === "SQUADRON" && unit.parentId === ticket.ownerUnitId));
    };
    if (input.squadron !== undefined) {
      const squadron = ref.unitByCode.get(input.squadron);
      if (!squadron || !squadron.active || squadron.kind !== "SQUADRON" || squadron.parentId !== ticket.ownerUnitId) {
        throw new Invalid([{ field: "squadron", message: `「${input.squadron}」不是本大队的中队` }]);
      }
      patch.squadronUnitId = squadron.id;
    }
    if (input.handler !== undefined) {
      const user = await tx.selectFrom("User").select(["id", "unitId", "role", "active"]).where("username", "=", input.handler).executeTakeFirst();
      if (!user || !toBoolean(user.active) || !["HANDLER", "LEAD"].includes(user.role) || !inOwner(user.unitId)) {
        throw new Invalid([{ field: "handler", message: `「${input.handler}」不是本大队或其中队的民警` }]);
      }
      patch.handlerId = user.id;
      // A handler of a squadron brings the ticket to that squadron, unless one was chosen.
      if (patch.squadronUnitId === undefined && user.unitId !== ticket.ownerUnitId) patch.squadronUnitId = user.unitId;
    }
    return { patch, payload: { handler: input.handler ?? null, squadron: input.squadron ?? null } };
  },

  // 定级: the close limit follows the grade's policy, still from receipt, plus any extension.
  grade: ({ ticket, ref }, input) => {
    const policy = policyOf(ref, { ...ticket, grade: input.grade });
    let { dueAt } = computeDeadlines(ref.calendar, policy, { receivedAt: ticket.receivedAt });
    if (ticket.extendedDays > 0) dueAt = extendDueAt(ref.calendar, dueAt, Math.min(ticket.extendedDays, 7));
    return { patch: { grade: input.grade, dueAt }, payload: { from: ticket.grade, grade: input.grade, dueAt: dueAt.toISOString() } };
  },
};
