import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { EVENT_TYPES } from "@/lib/domain/events";
import { computeDeadlines, earliestOpenDeadline, selectPolicy } from "@/lib/domain/time-limits";
import { Conflict, Forbidden, Invalid, NotFound } from "@/lib/errors";
import { reference } from "@/lib/dal/reference";
import { assertVersion, updateTicketVersioned } from "@/lib/dal/workflow/versioned-update";

/** Units that can own a ticket: the brigades (squadrons get tickets through their brigade). */
const OWNER_KINDS = new Set(["BRIGADE"]);

/** 人工派单: a dispatcher places a PENDING ticket that routing could not place. */
export async function dispatchTicket(actor: Actor, no: string, input: { version: number; unit: string }) {
  if (!can(actor.role, "ticket:dispatch")) throw new Forbidden("只有指挥中心坐席可以派单");
  const ref = await reference();
  const unit = ref.unitByCode.get(input.unit);
  if (!unit || !unit.active || !OWNER_KINDS.has(unit.kind)) {
    throw new Invalid([{ field: "unit", message: `「${input.unit}」不是可承办工单的大队` }]);
  }
  return db.$transaction(async (tx) => {
    const ticket = await tx.ticket.findUnique({ where: { no } });
    if (!ticket) throw new NotFound(`工单 ${no} 不存在`);
    assertVersion(ticket.version, input.version);
    if (ticket.status !== "PENDING") throw new Conflict("只有待派单的工单可以派单");
    const now = new Date();
    const policy = selectPolicy(ref.policies, ticket);
    // Contact and close keep running from receipt (接诉即办); signing runs from this dispatch.
    const { signDueAt } = computeDeadlines(ref.calendar, policy, { receivedAt: ticket.receivedAt, dispatchedAt: now });
    await updateTicketVersioned(tx, ticket, {
      status: "DISPATCHED",
      ownerUnitId: unit.id,
      dispatchedAt: now,
      signDueAt,
      escalationAt: earliestOpenDeadline({ ...ticket, signDueAt }),
    });
    await tx.ticketEvent.create({
      data: {
        ticketId: ticket.id,
        type: "DISPATCHED",
        visibility: EVENT_TYPES.DISPATCHED.visibility,
        actorId: actor.userId,
        actorUnitId: actor.unitId,
        createdAt: now,
        payload: JSON.stringify({ unit: unit.code, unitName: unit.name, manual: true }),
      },
    });
    return { no, unit: unit.code, version: ticket.version + 1 };
  });
}
