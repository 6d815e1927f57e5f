import "server-only";
import { isApiClient, type Caller } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { contactOf } from "@/lib/domain/contact";
import { normalisePlace } from "@/lib/domain/duplicates";
import { EVENT_TYPES } from "@/lib/domain/events";
import { newId } from "@/lib/ids";
import type { Channel } from "@/lib/domain/labels";
import { chooseDistrict } from "@/lib/domain/district-areas";
import { describeDistrictGuess, districtFromText } from "@/lib/domain/gazetteer";
import { routeTicket, type RoutingDecision } from "@/lib/domain/routing";
import type { UnitSuggestion } from "@/lib/domain/classifier/suggest";
import { computeDeadlines, deadlinesOfTicket, earliestOpenDeadline, selectPolicy } from "@/lib/domain/time-limits";
import { Forbidden, Invalid } from "@/lib/errors";
import type { Call, Prisma, Ticket, TicketEvent } from "@/lib/generated/prisma/client";
import { reference, type Reference } from "@/lib/dal/reference";
import { takeTicketNo } from "@/lib/dal/ticket-numbers";
import type { TicketWithView } from "@/lib/dal/ticket-view";
import { pendingSuggestion } from "@/lib/dal/classifier/classify";
import { writeRows } from "@/lib/sql/rows";
import type { ProcessedPhoto } from "@/lib/uploads/photos";
import { parseOrThrow } from "@/lib/validation/errors";
import { ticketInputSchema, type TicketInput } from "@/lib/validation/ticket-input";

/**
 * The channels each kind of submitter may use; imports have their own path (lib/dal/import). An
 * API client submits on the one channel an administrator gave it, and only with the scope.
 */
function allowedChannels(actor: Caller | null): readonly Channel[] {
  if (isApiClient(actor)) return actor.scopes.includes("tickets:submit") ? [actor.channel] : [];
  if (!actor || actor.role === "CITIZEN") return ["WEB"];
  if (!can(actor.role, "ticket:create")) return [];
  return actor.role === "DISPATCHER" ? ["PHONE_12123", "HOTLINE_12345", "PHONE", "WECHAT", "WEB", "API"] : ["API"];
}

/**
 * Routing and deadlines for a new ticket (接诉即办: placed and clocked on receipt). Shared by
 * intake and the importer. Throws Invalid for a district the detachment does not have. Without a
 * district, a point (lat/lng) inside a district's boundary chooses it; failing that, at intake
 * (`readPlaces`), a district or a road or landmark of the gazetteer named in the words (#14) —
 * then the rules decided on what the classifier read, and the ROUTED event says so. The ticket
 * keeps the district either way. An import's rows are placed on what they say (its own lookup).
 */
export function planTicket(ref: Reference, input: TicketInput, receivedAt: Date, options: { readPlaces?: boolean } = {}) {
  if (input.district && !ref.districts.includes(input.district)) {
    throw new Invalid([{ field: "district", message: `辖区「${input.district}」不存在，可选：${ref.districts.join("、")}` }]);
  }
  const chosen = chooseDistrict(ref.districtAreas, input.district, input);
  const guess = chosen.district || !options.readPlaces ? null : districtFromText(input, ref.districts, ref.places);
  const district = chosen.district ?? guess?.name;
  const decision = routeTicket(ref.rules, {
    category: input.category,
    subCategory: input.subCategory,
    district,
    place: input.place,
    content: input.content,
  });
  // The ROUTED (or ROUTING_FAILED) event says when the map point or the words chose the district.
  const note = [chosen.note, guess && describeDistrictGuess(guess)].filter(Boolean).join("；");
  const routing: RoutingDecision = note ? { ...decision, reason: `${note}；${decision.reason}` } : decision;
  const decidedBy: DecidedBy = guess && routing.matched && routing.rule.district ? "model" : "rule";
  const owner = routing.matched ? ref.unitByCode.get(routing.unitCode) : undefined;
  const dispatchedAt = owner ? receivedAt : null;
  const policy = selectPolicy(ref.policies, { type: input.type, urgency: input.urgency, grade: "NORMAL" });
  const deadlines = deadlinesOfTicket(computeDeadlines(ref.calendar, policy, { receivedAt, dispatchedAt }), input.anonymous);
  const escalationAt = earliestOpenDeadline({ ...deadlines, signedAt: null, firstContactAt: null, repliedAt: null });
  return { routing, decidedBy, district, owner, dispatchedAt, deadlines, escalationAt };
}

/**
 * Who placed the ticket: the rules on what the submitter gave ("rule"), or the rules on a
 * district the classifier read from the words ("model", #14 item 1).
 */
export type DecidedBy = "rule" | "model";

export function routingEvents(
  routing: RoutingDecision,
  owner: { id: string; code: string; name: string } | undefined,
  at: Date,
  extra: { decidedBy?: DecidedBy; suggestion?: UnitSuggestion | null } = {},
) {
  const events: Omit<Prisma.TicketEventCreateManyTicketInput, "id">[] = [];
  if (routing.matched && owner) {
    events.push(
      {
        type: "ROUTED",
        visibility: EVENT_TYPES.ROUTED.visibility,
        actorUnitId: owner.id,
        createdAt: at,
        payload: JSON.stringify({ unit: owner.code, rule: routing.rule.name, ruleId: routing.rule.id, reason: routing.reason, decidedBy: extra.decidedBy ?? "rule" }),
      },
      {
        type: "DISPATCHED",
        visibility: EVENT_TYPES.DISPATCHED.visibility,
        actorUnitId: owner.id,
        createdAt: at,
        payload: JSON.stringify({ unit: owner.code, unitName: owner.name }),
      },
    );
  } else {
    events.push({
      type: "ROUTING_FAILED",
      visibility: EVENT_TYPES.ROUTING_FAILED.visibility,
      createdAt: at,
      payload: JSON.stringify({ reason: routing.reason, ...(extra.suggestion && { suggestion: extra.suggestion }) }),
    });
  }
  return events;
}

/**
 * Accepts a complaint: validates it, routes it, sets its deadlines, takes its number, then stores
 * the ticket, its first events, its photos (rows and bytes) and the citizen's 受理 notice
 * atomically (lib/sql/rows.ts: one statement on PostgreSQL, a group-committed step on SQLite): a
 * photo is never kept without its ticket, so nothing needs discarding when intake fails. `actor`
 * is null for an anonymous visitor of the public form; an API client's ticket is received on the
 * client's own channel, whatever `options.channel` says, and remembers the client (its
 * "tickets:read:own"). With `call`, the agent's call record (话务记录, 转工单) is stored in the same
 * write, pointing at the ticket: a call never claims a ticket that was not stored, nor the reverse.
 * Returns the new ticket in the shape the views read.
 */
export async function submitTicket(
  actor: Caller | null,
  raw: unknown,
  options: { channel: Channel; photos?: ProcessedPhoto[]; call?: Omit<Call, "ticketId" | "categoryCode" | "callerPhone"> },
): Promise<TicketWithView> {
  const photos = options.photos ?? [];
  const client = isApiClient(actor) ? actor : null;
  const user = isApiClient(actor) ? null : actor;
  const channel = client ? client.channel : options.channel;
  if (!allowedChannels(actor).includes(channel)) {
    throw new Forbidden(client ? `接口客户端「${client.name}」没有提交诉求的权限` : "您没有通过该渠道提交诉求的权限");
  }
  const input = parseOrThrow(ticketInputSchema, raw);
  const ref = await reference();
  const receivedAt = new Date();
  const plan = planTicket(ref, input, receivedAt, { readPlaces: true });
  const category = ref.categories.find((c) => c.code === input.category);
  if (!category) throw new Invalid([{ field: "category", message: `诉求分类「${input.category}」已停用` }]);

  // 智能派单建议: a ticket no rule placed carries the unit such words went to before (#14 item 4).
  const suggestion = plan.owner ? null : await pendingSuggestion(ref, input);
  const suggestedUnit = suggestion ? ref.unitByCode.get(suggestion.unit) : undefined;
  const no = await takeTicketNo(receivedAt);
  const ticket = newTicketRow({
    id: newId(),
    no,
    channel,
    input,
    citizenUserId: user?.role === "CITIZEN" ? user.userId : null,
    apiClientId: client?.clientId ?? null,
    receivedAt,
    plan,
    suggestedUnitId: suggestedUnit?.id ?? null,
  });
  const events: TicketEvent[] = [
    {
      id: newId(),
      ticketId: ticket.id,
      type: "RECEIVED",
      visibility: EVENT_TYPES.RECEIVED.visibility,
      // actorId is a User: a client's intake has none, and the payload names the client instead
      // (its name at the time, as the timeline should keep it). The client's owner unit is not the
      // actor's unit either: the unit did not receive the complaint, the integration did.
      actorId: user?.userId ?? null,
      actorUnitId: user?.unitId ?? null,
      createdAt: receivedAt,
      payload: JSON.stringify(client ? { channel, apiClient: client.name } : { channel }),
    },
    ...routingEvents(plan.routing, plan.owner, receivedAt, { decidedBy: plan.decidedBy, suggestion }).map((e) => ({ id: newId(), ticketId: ticket.id, actorId: null, actorUnitId: null, ...e }) as TicketEvent),
  ];
  const attachments = photos.map((photo) => ({ id: newId(), ...photo }));
  const contact = contactOf(ticket);
  const notices = contact
    ? [
        {
          id: newId(),
          ticketId: ticket.id,
          ...contact,
          template: "ACCEPTED",
          payload: JSON.stringify({
            no: ticket.no,
            unitName: plan.owner?.name ?? null,
            dueAt: plan.deadlines.dueAt.toISOString(),
            ...(contact.channel === "EMAIL" && { byEmail: true }),
          }),
          createdAt: receivedAt,
        },
      ]
    : [];
  await writeRows([
    { into: "Ticket", values: [ticket] },
    { into: "TicketEvent", values: events },
    {
      into: "Attachment",
      // The row without the bytes: those go to AttachmentContent.
      values: attachments.map(({ id, storedName, mimeType, size, width, height }) => ({ id, ticketId: ticket.id, storedName, mimeType, size, width, height, createdAt: receivedAt })),
    },
    { into: "AttachmentContent", values: attachments.map(({ id, bytes }) => ({ attachmentId: id, bytes })) },
    { into: "Notification", values: notices },
    { into: "Call", values: options.call ? [{ ...options.call, ticketId: ticket.id, categoryCode: ticket.categoryCode, callerPhone: ticket.citizenPhone }] : [] },
  ]);
  const unitOf = (id: string | null) => (id ? ref.unitById.get(id) : undefined);
  return {
    ...ticket,
    ownerUnit: plan.owner ? { code: plan.owner.code, name: plan.owner.name } : null,
    squadronUnit: null,
    handler: null,
    category: { code: category.code, name: category.name },
    mergedInto: null,
    assistRequests: [],
    attachments: attachments.map(({ id, mimeType, width, height }) => ({ id, mimeType, width, height })),
    events: events.map((e) => {
      const unit = unitOf(e.actorUnitId);
      return {
        ...e,
        actor: user && e.actorId === user.userId ? { displayName: user.displayName } : null,
        actorUnit: unit ? { code: unit.code, name: unit.name } : null,
        attachments: [],
      };
    }),
  };
}

/** Every column of a new ticket, so the insert and the returned view cannot drift apart. */
function newTicketRow(t: {
  id: string;
  no: string;
  channel: Channel;
  input: TicketInput;
  citizenUserId: string | null;
  apiClientId: string | null;
  receivedAt: Date;
  plan: ReturnType<typeof planTicket>;
  suggestedUnitId: string | null;
}): Ticket {
  const { input, plan } = t;
  return {
    id: t.id,
    no: t.no,
    externalId: null,
    channel: t.channel,
    type: input.type,
    categoryCode: input.category,
    subCategory: input.subCategory ?? null,
    urgency: input.urgency,
    grade: "NORMAL",
    title: input.title,
    content: input.content,
    district: plan.district ?? null,
    place: input.place ?? null,
    placeKey: normalisePlace(input.place) || null,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    citizenName: input.name ?? null,
    citizenPhone: input.phone ?? null,
    citizenEmail: input.email ?? null,
    anonymous: input.anonymous,
    citizenUserId: t.citizenUserId,
    apiClientId: t.apiClientId,
    status: plan.owner ? "DISPATCHED" : "PENDING",
    ownerUnitId: plan.owner?.id ?? null,
    squadronUnitId: null,
    suggestedUnitId: t.suggestedUnitId,
    handlerId: null,
    receivedAt: t.receivedAt,
    dispatchedAt: plan.dispatchedAt,
    signedAt: null,
    firstContactAt: null,
    repliedAt: null,
    closedAt: null,
    signDueAt: plan.deadlines.signDueAt,
    contactDueAt: plan.deadlines.contactDueAt,
    dueAt: plan.deadlines.dueAt,
    escalationAt: plan.escalationAt,
    signOverdueAt: null,
    contactOverdueAt: null,
    dueOverdueAt: null,
    returnPending: false,
    returnCount: 0,
    extensionPending: false,
    extendedDays: 0,
    reopenCount: 0,
    supervised: false,
    supervisionDueAt: null,
    replyText: null,
    coordinatedWith: null,
    coordinatedAt: null,
    coordinationAnswer: null,
    resolved: null,
    satisfaction: null,
    evaluatedAt: null,
    evaluationTokenHash: null,
    evaluationExpiresAt: null,
    callbackAttempts: 0,
    awaitingReview: false,
    mergedIntoId: null,
    invalidReason: null,
    version: 1,
    createdAt: t.receivedAt,
    updatedAt: t.receivedAt,
  };
}
