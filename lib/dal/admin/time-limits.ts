import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, transaction } from "@/lib/db";
import { computeDeadlines, type Deadlines, type TimeLimitPolicy } from "@/lib/domain/time-limits";
import { NotFound } from "@/lib/errors";
import { invalidateReference, reference } from "@/lib/dal/reference";
import { requireAdmin, writeAudit } from "@/lib/dal/admin/audit";
import { parseOrThrow } from "@/lib/validation/errors";
import { timeLimitSchema } from "@/lib/validation/admin";

export type TimeLimitRow = TimeLimitPolicy & {
  id: string;
  updatedAt: Date;
  /** The deadlines of a ticket received (and dispatched) at `receivedAt`, with the working-day calendar. */
  example: Deadlines & { receivedAt: Date };
};

const specificity = (p: TimeLimitPolicy) => (p.grade ? 4 : 0) + (p.urgency ? 2 : 0) + (p.type ? 1 : 0);

function snapshot(p: TimeLimitPolicy) {
  const { name, type, urgency, grade, signHours, contactHours, closeAmount, closeUnit } = p;
  return { name, type, urgency, grade, signHours, contactHours, closeAmount, closeUnit };
}

/** The policies from the catch-all to the most specific, each with an example for "received now". */
export async function listTimeLimitPolicies(actor: Actor, now = new Date()): Promise<TimeLimitRow[]> {
  requireAdmin(actor);
  const [policies, ref] = await Promise.all([db.timeLimitPolicy.findMany(), reference()]);
  return policies
    .sort((a, b) => specificity(a) - specificity(b) || a.name.localeCompare(b.name, "zh-CN"))
    .map((p) => ({
      ...p,
      example: { receivedAt: now, ...computeDeadlines(ref.calendar, p, { receivedAt: now, dispatchedAt: now }) },
    }));
}

/** Edits the limits of one policy; which tickets it applies to (type, urgency, grade) is fixed. */
export async function updateTimeLimitPolicy(actor: Actor, id: string, raw: unknown): Promise<{ id: string }> {
  requireAdmin(actor);
  const input = parseOrThrow(timeLimitSchema, raw);
  await transaction(async (tx) => {
    const existing = await tx.timeLimitPolicy.findUnique({ where: { id } });
    if (!existing) throw new NotFound("该时限规则不存在");
    const row = await tx.timeLimitPolicy.update({ where: { id }, data: input });
    await writeAudit(tx, actor, { entity: "TimeLimitPolicy", entityId: id, action: "UPDATE", before: snapshot(existing), after: snapshot(row) });
  });
  invalidateReference();
  return { id };
}
