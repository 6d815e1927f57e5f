// Demo history, rows: a planned ticket as its Ticket, TicketEvent, Evaluation and ReturnRequest rows.
import type { Insertable } from "kysely";
import { EVENT_TYPES, type EventType } from "@/lib/domain/events";
import type { CategoryCode } from "@/lib/domain/labels";
import { localDateOf } from "@/lib/domain/local-time";
import { categoryName } from "@/lib/domain/routing";
import type { Evaluation, ReturnRequest, Ticket, TicketEvent } from "@/lib/generated/kysely/types";
import { newId } from "@/lib/ids";
import { type Clocks, type Ctx, cutAtNow, type Deadline, type Evaluated, markOverdue, scheduleClocks } from "./clocks";
import { EVALUATION_WINDOW, type UnitCode } from "./common";
import { placeKeyOf } from "./hot-issue-guard";
import type { Plan } from "./plan";
import { DISTRICT_OF } from "./profiles";
import { pick, type Rng } from "./random";
import { CONTACT_NOTES, REOPEN_REPLY, type Text } from "./texts";

// Rows as the query builder inserts them on either engine: dates as Date, booleans as boolean.
type TicketRow = Insertable<Ticket>;
type EventRow = Insertable<TicketEvent> & { createdAt: Date };
type EvaluationRow = Insertable<Evaluation>;
type ReturnRow = Insertable<ReturnRequest>;

export type Built = { ticket: TicketRow; events: EventRow[]; evaluations: EvaluationRow[]; returnRequest: ReturnRow | null };

type Actor = { userId: string | null; unitId: string | null };
export type Org = {
  unitId: Record<UnitCode | "ZHZX" | "ZD", string>;
  unitName: Record<UnitCode, string>;
  /** The unit's demo handler, who signs, contacts and replies; ZQ3 and ZQ4 have no demo users. */
  handler: Partial<Record<UnitCode, string>>;
  dispatcher: string;
  manager: string;
  rules: Map<string, { id: string; name: string }>;
};

const ms = (t: number): Date => new Date(Math.round(t));
const iso = (t: number): string => ms(t).toISOString();

function formatDay(t: number): string {
  const [, month, day] = localDateOf(new Date(t)).split("-").map(Number);
  return `${month}月${day}日`;
}

function fill(template: string, text: Text, date: number): string {
  return template.replaceAll("{place}", text.place ?? "").replaceAll("{date}", formatDay(date));
}

function routedPayload(org: Org, category: CategoryCode, district: string | null, unit: UnitCode): string {
  // Brigade categories route on category + district; 事故 and 便民 on the category alone.
  const viaDistrict = unit !== "SG" && unit !== "CGS";
  const rule = org.rules.get(`${category}|${viaDistrict ? district : ""}`);
  const parts = [`分类「${categoryName(category)}」`, ...(viaDistrict ? [`辖区「${district}」`] : [])];
  return JSON.stringify({ unit, rule: rule?.name ?? null, ruleId: rule?.id ?? null, reason: `规则「${rule?.name ?? ""}」：${parts.join("、")}匹配` });
}

/** Builds the ticket row, its timeline, its evaluation rounds and its return request. */
export function buildTicket(rng: Rng, plan: Plan, no: string, org: Org, ctx: Ctx): Built {
  const c = scheduleClocks(rng, plan, ctx);
  cutAtNow(rng, c, ctx.now, plan.receivedAt);
  markOverdue(rng, c);
  const id = newId();
  const owner: Actor = { userId: org.handler[plan.unit] ?? null, unitId: org.unitId[plan.unit] };
  const first = fill(plan.clusterReply ?? plan.text.sample.reply, plan.text, c.firstContactAt);
  const again = c.firstRound ? fill(REOPEN_REPLY, plan.text, c.firstRound.recontactedAt) : null;
  const reply = again ?? first;
  const events = timeline(rng, { plan, c, id, org, owner, reply }, first);
  const evaluations = [c.firstRound?.evaluation, c.evaluation]
    .filter((e): e is Evaluated => !!e)
    .map((e) => evaluationRow(id, e, org));
  if (c.expiredAt !== null) evaluations.push(expiredRow(id, c.expiredAt, c.firstRound ? 2 : 1));
  return { ticket: ticketRow({ plan, c, id, org, reply }, no, events), events, evaluations, returnRequest: returnRow(plan, c, id, org) };
}

/** What the row builders share about one ticket. */
type Parts = { plan: Plan; c: Clocks; id: string; org: Org; reply: string };

function ticketRow({ plan, c, id, org, reply }: Parts, no: string, events: EventRow[]): TicketRow {
  const { text } = plan;
  const closed = c.closedAt !== null;
  const final = c.evaluation;
  const none = c.expiredAt !== null;
  const marker = (deadline: Deadline) => (c.overdue[deadline] === null ? null : ms(c.overdue[deadline]));
  const coordination = text.sample.coordination;
  return {
    id,
    no,
    externalId: null,
    channel: plan.channel,
    type: text.type,
    categoryCode: plan.category,
    subCategory: null,
    urgency: "NORMAL",
    grade: "NORMAL",
    title: text.title,
    content: text.content,
    district: text.district,
    place: text.place,
    placeKey: placeKeyOf(text.place) || null,
    lat: null,
    lng: null,
    citizenName: plan.citizen.name,
    citizenPhone: plan.citizen.phone,
    anonymous: false,
    citizenUserId: null,
    status: closed ? "CLOSED" : "REPLIED",
    ownerUnitId: org.unitId[plan.unit],
    squadronUnitId: null,
    handlerId: null,
    receivedAt: ms(plan.receivedAt),
    dispatchedAt: ms(c.dispatchedAt),
    signedAt: ms(c.signedAt),
    firstContactAt: ms(c.firstContactAt),
    repliedAt: ms(c.repliedAt),
    closedAt: closed ? ms(c.closedAt!) : null,
    signDueAt: ms(c.signDueAt),
    contactDueAt: ms(c.contactDueAt),
    dueAt: ms(c.dueAt),
    // Replied or closed: no clock left running (perform.ts clears it outside the open states).
    escalationAt: null,
    signOverdueAt: marker("SIGN"),
    contactOverdueAt: marker("CONTACT"),
    dueOverdueAt: marker("CLOSE"),
    returnPending: false,
    returnCount: c.returned ? 1 : 0,
    extensionPending: false,
    extendedDays: 0,
    reopenCount: c.firstRound ? 1 : 0,
    supervised: false,
    supervisionDueAt: null,
    replyText: reply,
    coordinatedWith: coordination?.with ?? null,
    coordinatedAt: c.coordinatedAt === null ? null : ms(c.coordinatedAt),
    coordinationAnswer: coordination?.answer ?? null,
    resolved: none ? null : final ? final.resolved : null,
    satisfaction: none ? "NONE" : (final?.satisfaction ?? null),
    evaluatedAt: none ? ms(c.expiredAt!) : final ? ms(final.at) : null,
    // No SMS went out for demo data, so there is no link token; 回访 by phone still works.
    evaluationTokenHash: null,
    evaluationExpiresAt: !closed && !c.awaitingReview ? ms(c.repliedAt + EVALUATION_WINDOW) : null,
    callbackAttempts: 0,
    awaitingReview: c.awaitingReview,
    mergedIntoId: null,
    invalidReason: null,
    version: 1,
    createdAt: ms(plan.receivedAt),
    updatedAt: ms(Math.max(...events.map((e) => e.createdAt.getTime()))),
  };
}

function eventRow(ticketId: string, type: EventType, at: number, payload: object | string, actor: Actor = { userId: null, unitId: null }): EventRow {
  return {
    id: newId(),
    ticketId,
    type,
    actorId: actor.userId,
    actorUnitId: actor.unitId,
    visibility: EVENT_TYPES[type].visibility,
    payload: typeof payload === "string" ? payload : JSON.stringify(payload),
    createdAt: ms(at),
  };
}

function overdueEvents(ticketId: string, c: Clocks): EventRow[] {
  const dueAt: Record<Deadline, number> = { SIGN: c.signDueAt, CONTACT: c.contactDueAt, CLOSE: c.dueAt };
  return (Object.keys(dueAt) as Deadline[]).flatMap((deadline) => {
    const at = c.overdue[deadline];
    return at === null ? [] : [eventRow(ticketId, "OVERDUE", at, { deadline, dueAt: iso(dueAt[deadline]) })];
  });
}

/** The ticket's history; `firstReply` differs from the final reply when the ticket was reopened. */
function timeline(rng: Rng, { plan, c, id, org, owner, reply: finalReply }: Parts & { owner: Actor }, firstReply: string): EventRow[] {
  const r = plan.receivedAt;
  const dispatcher: Actor = { userId: org.dispatcher, unitId: org.unitId.ZHZX };
  const manager: Actor = { userId: org.manager, unitId: org.unitId.ZD };
  const first = plan.returnedFrom ?? plan.unit;
  const firstUnit: Actor = { userId: org.handler[first] ?? null, unitId: org.unitId[first] };
  const events = [
    eventRow(id, "RECEIVED", r, { channel: plan.channel }),
    eventRow(id, "ROUTED", r, routedPayload(org, plan.category, plan.text.district, first), { userId: null, unitId: firstUnit.unitId }),
    eventRow(id, "DISPATCHED", r, { unit: first, unitName: org.unitName[first] }, { userId: null, unitId: firstUnit.unitId }),
  ];
  if (c.returned) {
    events.push(
      eventRow(id, "RETURN_REQUESTED", c.returned.requestedAt, { reason: returnReason(plan), suggestedUnit: plan.unit }, firstUnit),
      eventRow(id, "RETURN_APPROVED", c.returned.approvedAt, { from: first, unit: plan.unit, unitName: org.unitName[plan.unit] }, dispatcher),
    );
  }
  events.push(
    ...overdueEvents(id, c),
    eventRow(id, "SIGNED", c.signedAt, {}, owner),
    eventRow(id, "CONTACTED", c.firstContactAt, { note: pick(rng, CONTACT_NOTES) }, owner),
  );
  const reply = (at: number, text: string, first: boolean) => eventRow(id, "REPLIED", at, replyPayload(plan, c, text, first), owner);
  if (c.firstRound) {
    const { repliedAt, evaluation, reopenedAt, recontactedAt } = c.firstRound;
    events.push(
      reply(repliedAt, firstReply, true),
      evaluatedEvent(id, evaluation, evaluation.source === "CALLBACK" ? dispatcher : undefined),
      eventRow(id, "REOPENED", reopenedAt, { reason: "群众对答复不满意，要求重新核实处理", round: 2, dueAt: iso(c.dueAt) }, manager),
      eventRow(id, "CONTACTED", recontactedAt, { note: "重办：再次联系群众，约定现场复查" }, owner),
    );
  }
  events.push(reply(c.repliedAt, finalReply, !c.firstRound));
  events.push(...closingEvents(id, c, dispatcher, manager));
  return events.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

function closingEvents(id: string, c: Clocks, dispatcher: Actor, manager: Actor): EventRow[] {
  const round = c.firstRound ? 2 : 1;
  if (c.expiredAt !== null) {
    return [
      eventRow(id, "EVALUATED", c.expiredAt, { satisfaction: "NONE", source: "EXPIRED", round }),
      eventRow(id, "CLOSED", c.expiredAt, { satisfaction: "NONE", source: "EXPIRED" }),
    ];
  }
  if (!c.evaluation) return [];
  const by = c.evaluation.source === "CALLBACK" ? dispatcher : undefined;
  const events = [evaluatedEvent(id, c.evaluation, by)];
  if (c.reviewedAt !== null) {
    events.push(eventRow(id, "CLOSED", c.reviewedAt, { note: "已向群众解释说明，问题已按规定处理，予以办结", afterReview: true }, manager));
  } else if (c.closedAt !== null) {
    events.push(eventRow(id, "CLOSED", c.closedAt, { satisfaction: c.evaluation.satisfaction, source: c.evaluation.source }, by));
  }
  return events;
}

function evaluatedEvent(id: string, e: Evaluated, by: Actor | undefined): EventRow {
  return eventRow(id, "EVALUATED", e.at, { resolved: e.resolved, satisfaction: e.satisfaction, comment: e.comment, source: e.source, round: e.round }, by);
}

/** As the reply step writes it: the 非警务 coordination is recorded with the first reply. */
function replyPayload(plan: Plan, c: Clocks, text: string, first: boolean): object {
  const coordination = first ? plan.text.sample.coordination : undefined;
  return {
    text,
    coordinatedWith: coordination?.with ?? null,
    coordinatedAt: coordination && c.coordinatedAt !== null ? iso(c.coordinatedAt) : null,
    coordinationAnswer: coordination?.answer ?? null,
  };
}

function returnReason(plan: Plan): string {
  return `经现场核实，${plan.text.place ?? "该地点"}位于${DISTRICT_OF[plan.unit]}，不属于本大队辖区`;
}

function evaluationRow(ticketId: string, e: Evaluated, org: Org): EvaluationRow {
  return {
    id: newId(),
    ticketId,
    round: e.round,
    resolved: e.resolved,
    satisfaction: e.satisfaction,
    comment: e.comment,
    source: e.source,
    recordedById: e.source === "CALLBACK" ? org.dispatcher : null,
    createdAt: ms(e.at),
  };
}

function expiredRow(ticketId: string, at: number, round: number): EvaluationRow {
  return { id: newId(), ticketId, round, resolved: null, satisfaction: "NONE", comment: null, source: "EXPIRED", recordedById: null, createdAt: ms(at) };
}

function returnRow(plan: Plan, c: Clocks, ticketId: string, org: Org): ReturnRow | null {
  if (!c.returned || !plan.returnedFrom) return null;
  return {
    id: newId(),
    ticketId,
    fromUnitId: org.unitId[plan.returnedFrom],
    suggestedUnitId: org.unitId[plan.unit],
    reason: returnReason(plan),
    requestedById: org.handler[plan.returnedFrom]!,
    status: "APPROVED",
    toUnitId: org.unitId[plan.unit],
    decidedById: org.dispatcher,
    decisionNote: null,
    decidedAt: ms(c.returned.approvedAt),
    createdAt: ms(c.returned.requestedAt),
  };
}
