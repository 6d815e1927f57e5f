import "server-only";
// 批量签收 / 批量指派 (issue 13 item 10). Each ticket is its own workflow step — its own
// transaction, event row and version check (performStep) — so one stale or refused ticket does
// not undo the others; the outcome is reported per ticket.
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { assigneesOf, type Assignees } from "@/lib/dal/assignees";
import { reference } from "@/lib/dal/reference";
import { performStep } from "@/lib/dal/workflow/perform";
import { AppError, Forbidden, Invalid } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { bulkInputSchema, type BulkAction } from "@/lib/validation/workbench-bulk";

export type BulkOutcome = { no: string; ok: true } | { no: string; ok: false; message: string };

const PERMISSION = { sign: "ticket:handle", assign: "ticket:assign" } as const;
const VERB: Record<BulkAction, string> = { sign: "签收", assign: "指派" };

/** The Chinese reason a step was refused, field messages included. */
function reasonOf(error: unknown, no: string, action: BulkAction): string {
  if (error instanceof Invalid && error.errors.length > 0) return error.errors.map((e) => e.message).join("；");
  if (error instanceof AppError) return error.message;
  logger.error({ err: error, no, action }, "unexpected error in a bulk workflow step");
  return "系统繁忙，请稍后再试";
}

export async function bulkStep(actor: Actor, raw: unknown): Promise<BulkOutcome[]> {
  const parsed = bulkInputSchema.safeParse(raw);
  if (!parsed.success) throw new Invalid(parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })));
  const { action, tickets, handler, squadron } = parsed.data;
  if (!can(actor.role, PERMISSION[action])) throw new Forbidden(`您没有批量${VERB[action]}的权限`);
  // Said once for the form, not once per ticket.
  if (action === "assign" && !handler && !squadron) throw new Invalid([{ field: "handler", message: "请选择承办民警或承办中队（至少一项）" }]);

  const outcomes: BulkOutcome[] = [];
  const seen = new Set<string>();
  // One after another: on SQLite writes are serial anyway, and the order of the report is the list's.
  for (const { no, version } of tickets) {
    if (seen.has(no)) continue;
    seen.add(no);
    const body = action === "assign" ? { action, version, handler: handler || undefined, squadron: squadron || undefined } : { action, version };
    try {
      await performStep(actor, no, body);
      outcomes.push({ no, ok: true });
    } catch (error) {
      outcomes.push({ no, ok: false, message: reasonOf(error, no, action) });
    }
  }
  return outcomes;
}

/**
 * Whom a lead may pick in 批量指派: the same list as one ticket's 指派 (assigneesOf — the lead's
 * brigade's officers and squadrons with their open ticket counts); the step itself checks each
 * choice against each ticket's owner. Null for a role that does not assign.
 */
export async function bulkAssignOptions(actor: Actor): Promise<Assignees | null> {
  if (!can(actor.role, "ticket:assign") || !actor.unitId) return null;
  return assigneesOf(actor.unitId, (await reference()).units);
}
