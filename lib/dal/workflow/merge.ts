import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { EVENT_TYPES } from "@/lib/domain/events";
import { Conflict, Forbidden, Invalid, NotFound } from "@/lib/errors";
import { assertVersion, updateTicketVersioned } from "@/lib/dal/workflow/versioned-update";

const FINISHED = new Set(["CLOSED", "MERGED", "INVALID"]);

/**
 * 并单 (一单到底): a repeat call about the same matter becomes MERGED into the master ticket; the
 * caller is told the master's number and from then on follows the master's updates.
 */
export async function mergeTicket(actor: Actor, no: string, input: { version: number; into: string }) {
  if (!can(actor.role, "ticket:dispatch")) throw new Forbidden("只有指挥中心坐席可以并单");
  if (input.into === no) throw new Invalid([{ field: "into", message: "不能并入工单自身" }]);
  return db.$transaction(async (tx) => {
    const [ticket, master] = await Promise.all([
      tx.ticket.findUnique({ where: { no } }),
      tx.ticket.findUnique({ where: { no: input.into } }),
    ]);
    if (!ticket) throw new NotFound(`工单 ${no} 不存在`);
    if (!master) throw new Invalid([{ field: "into", message: `主工单 ${input.into} 不存在` }]);
    assertVersion(ticket.version, input.version);
    if (FINISHED.has(ticket.status)) throw new Conflict("已办结、已并单或无效的工单不能再并单");
    if (master.status === "MERGED" || master.status === "INVALID") {
      throw new Invalid([{ field: "into", message: `工单 ${master.no} 已并单或无效，请并入其主工单` }]);
    }
    const now = new Date();
    await updateTicketVersioned(tx, ticket, { status: "MERGED", mergedIntoId: master.id, escalationAt: null });
    await tx.ticketEvent.createMany({
      data: [
        {
          ticketId: ticket.id,
          type: "MERGED",
          visibility: EVENT_TYPES.MERGED.visibility,
          actorId: actor.userId,
          actorUnitId: actor.unitId,
          createdAt: now,
          payload: JSON.stringify({ into: master.no }),
        },
        {
          ticketId: master.id,
          type: "DUPLICATE_MERGED",
          visibility: EVENT_TYPES.DUPLICATE_MERGED.visibility,
          actorId: actor.userId,
          actorUnitId: actor.unitId,
          createdAt: now,
          payload: JSON.stringify({ from: ticket.no }),
        },
      ],
    });
    if (ticket.citizenPhone) {
      await tx.notification.create({
        data: {
          ticketId: ticket.id,
          recipient: ticket.citizenPhone,
          template: "MERGED",
          payload: JSON.stringify({ no: ticket.no, masterNo: master.no }),
        },
      });
    }
    return { no, into: master.no };
  });
}
