import "server-only";
import { db } from "@/lib/db";
import { OPEN_STATUSES } from "@/lib/domain/overdue";
import type { UnitRef } from "@/lib/dal/reference";

// Whom a lead may 指派 a ticket to (DOMAIN.md §7 assign): the owner brigade's officers (its own and
// its squadrons', HANDLER or LEAD, active) and its squadrons, each with how many open tickets they
// already carry, so the lead can spread the load. The assign step checks the choice again
// (lib/dal/workflow/effects.ts); this list is only what the form offers, and actionsFor asks for
// it only when the actor may assign.

export type OfficerOption = { username: string; name: string; unitName: string; openTickets: number };
export type SquadronOption = { code: string; name: string; openTickets: number };
export type Assignees = { officers: OfficerOption[]; squadrons: SquadronOption[] };

const openWhere = { status: { in: [...OPEN_STATUSES] } };

export async function assigneesOf(ownerUnitId: string, units: UnitRef[]): Promise<Assignees> {
  const squadrons = units.filter((u) => u.active && u.kind === "SQUADRON" && u.parentId === ownerUnitId);
  const unitIds = [ownerUnitId, ...squadrons.map((s) => s.id)];
  const [users, byHandler, bySquadron] = await Promise.all([
    db.user.findMany({
      where: { active: true, role: { in: ["HANDLER", "LEAD"] }, unitId: { in: unitIds } },
      select: { id: true, username: true, displayName: true, unitId: true },
      orderBy: [{ displayName: "asc" }],
    }),
    db.ticket.groupBy({ by: ["handlerId"], where: { ...openWhere, handler: { unitId: { in: unitIds } } }, _count: { _all: true } }),
    db.ticket.groupBy({ by: ["squadronUnitId"], where: { ...openWhere, squadronUnitId: { in: squadrons.map((s) => s.id) } }, _count: { _all: true } }),
  ]);
  const handlerCount = new Map(byHandler.map((g) => [g.handlerId, g._count._all]));
  const squadronCount = new Map(bySquadron.map((g) => [g.squadronUnitId, g._count._all]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return {
    officers: users.map((u) => ({
      username: u.username,
      name: u.displayName,
      unitName: unitName.get(u.unitId ?? "") ?? "",
      openTickets: handlerCount.get(u.id) ?? 0,
    })),
    squadrons: squadrons.map((s) => ({ code: s.code, name: s.name, openTickets: squadronCount.get(s.id) ?? 0 })),
  };
}
