import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { normalisePlace } from "@/lib/domain/duplicates";
import { EVENT_TYPES } from "@/lib/domain/events";
import type { Channel } from "@/lib/domain/labels";
import { routeTicket, type RoutingDecision } from "@/lib/domain/routing";
import { computeDeadlines, earliestOpenDeadline, selectPolicy } from "@/lib/domain/time-limits";
import { Forbidden, Invalid } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { reference, type Reference } from "@/lib/dal/reference";
import { nextTicketNo } from "@/lib/dal/ticket-numbers";
import { ticketViewInclude } from "@/lib/dal/ticket-view";
import { discardPhotos, type StoredPhoto } from "@/lib/uploads/photos";
import { parseOrThrow } from "@/lib/validation/errors";
import { ticketInputSchema, type TicketInput } from "@/lib/validation/ticket-input";

/** The channels each kind of submitter may use; imports have their own path (lib/dal/import). */
function allowedChannels(actor: Actor | null): readonly Channel[] {
  if (!actor || actor.role === "CITIZEN") return ["WEB"];
  if (!can(actor.role, "ticket:create")) return [];
  return actor.role === "DISPATCHER" ? ["PHONE_12123", "HOTLINE_12345", "WECHAT", "WEB", "API"] : ["API"];
}

/**
 * Routing and deadlines for a new ticket (接诉即办: placed and clocked on receipt). Shared by
 * intake and the importer. Throws Invalid for a district the detachment does not have.
 */
export function planTicket(ref: Reference, input: TicketInput, receivedAt: Date) {
  if (input.district && !ref.districts.includes(input.district)) {
    throw new Invalid([{ field: "district", message: `辖区「${input.district}」不存在，可选：${ref.districts.join("、")}` }]);
  }
  const routing = routeTicket(ref.rules, {
    category: input.category,
    subCategory: input.subCategory,
    district: input.district,
    place: input.place,
    content: input.content,
  });
  const owner = routing.matched ? ref.unitByCode.get(routing.unitCode) : undefined;
  const dispatchedAt = owner ? receivedAt : null;
  const policy = selectPolicy(ref.policies, { type: input.type, urgency: input.urgency, grade: "NORMAL" });
  const deadlines = computeDeadlines(ref.calendar, policy, { receivedAt, dispatchedAt });
  const escalationAt = earliestOpenDeadline({ ...deadlines, signedAt: null, firstContactAt: null, repliedAt: null });
  return { routing, owner, dispatchedAt, deadlines, escalationAt };
}

export function routingEvents(routing: RoutingDecision, owner: { id: string; code: string; name: string } | undefined, at: Date) {
  const events: Omit<Prisma.TicketEventCreateManyTicketInput, "id">[] = [];
  if (routing.matched && owner) {
    events.push(
      {
        type: "ROUTED",
        visibility: EVENT_TYPES.ROUTED.visibility,
        actorUnitId: owner.id,
        createdAt: at,
        payload: JSON.stringify({ unit: owner.code, rule: routing.rule.name, ruleId: routing.rule.id, reason: routing.reason }),
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
      payload: JSON.stringify({ reason: routing.reason }),
    });
  }
  return events;
}

/**
 * Accepts a complaint: validates it, routes it, sets its deadlines and writes the ticket, its
 * first events, its photos and the citizen's 受理 notice in one transaction.
 * `actor` is null for an anonymous visitor of the public form.
 */
export async function submitTicket(
  actor: Actor | null,
  raw: unknown,
  options: { channel: Channel; photos?: StoredPhoto[] },
) {
  const photos = options.photos ?? [];
  try {
    if (!allowedChannels(actor).includes(options.channel)) throw new Forbidden("您没有通过该渠道提交诉求的权限");
    const input = parseOrThrow(ticketInputSchema, raw);
    const ref = await reference();
    const receivedAt = new Date();
    const plan = planTicket(ref, input, receivedAt);

    return await db.$transaction(async (tx) => {
      const no = await nextTicketNo(tx, receivedAt);
      return tx.ticket.create({
        data: {
          no,
          channel: options.channel,
          type: input.type,
          categoryCode: input.category,
          subCategory: input.subCategory,
          urgency: input.urgency,
          title: input.title,
          content: input.content,
          district: input.district,
          place: input.place,
          placeKey: normalisePlace(input.place) || null,
          lat: input.lat,
          lng: input.lng,
          citizenName: input.name,
          citizenPhone: input.phone,
          anonymous: input.anonymous,
          citizenUserId: actor?.role === "CITIZEN" ? actor.userId : undefined,
          status: plan.owner ? "DISPATCHED" : "PENDING",
          ownerUnitId: plan.owner?.id,
          receivedAt,
          dispatchedAt: plan.dispatchedAt,
          ...plan.deadlines,
          escalationAt: plan.escalationAt,
          events: {
            create: [
              {
                type: "RECEIVED",
                visibility: EVENT_TYPES.RECEIVED.visibility,
                actorId: actor?.userId,
                actorUnitId: actor?.unitId,
                createdAt: receivedAt,
                payload: JSON.stringify({ channel: options.channel }),
              },
              ...routingEvents(plan.routing, plan.owner, receivedAt),
            ],
          },
          attachments: photos.length ? { create: photos } : undefined,
          notifications: input.phone
            ? {
                create: {
                  recipient: input.phone,
                  template: "ACCEPTED",
                  payload: JSON.stringify({ no, unitName: plan.owner?.name ?? null, dueAt: plan.deadlines.dueAt.toISOString() }),
                },
              }
            : undefined,
        },
        include: ticketViewInclude,
      });
    });
  } catch (error) {
    await discardPhotos(photos);
    throw error;
  }
}
