import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import { Forbidden } from "@/lib/errors";

/** Every admin DAL function starts here; the pages check too, but only for comfort. */
export function requireAdmin(actor: Actor): void {
  if (!can(actor.role, "admin:manage")) throw new Forbidden("只有系统管理员可以管理系统设置");
}

export type AuditEntity =
  | "RoutingRule"
  | "TimeLimitPolicy"
  | "CalendarDay"
  | "User"
  | "Unit"
  | "Category"
  | "SubCategory"
  | "ApiToken"
  | "Notification"
  | "District"
  | "ApiClient"
  | "PlaceName"
  | "KnowledgeEntry";
export type AuditAction =
  | "CREATE"
  | "UPDATE"
  | "DEACTIVATE"
  | "REACTIVATE"
  | "DELETE"
  | "RESET_PASSWORD"
  | "UNLOCK"
  | "ISSUE"
  | "REVOKE"
  | "RESEND";

type Snapshot = Record<string, unknown> | null;

/**
 * Who changed which record, when, and how. Written inside the change's own transaction, so a
 * change without its audit row (or the reverse) cannot happen. Snapshots never hold secrets.
 * `actor` is null for the CLI, which only a server administrator can run.
 */
export async function writeAudit(
  tx: Tx,
  actor: Actor | null,
  entry: { entity: AuditEntity; entityId: string; action: AuditAction; before: Snapshot; after: Snapshot },
): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: actor?.userId ?? null,
      entity: entry.entity,
      entityId: entry.entityId,
      action: entry.action,
      before: entry.before ? JSON.stringify(entry.before) : null,
      after: entry.after ? JSON.stringify(entry.after) : null,
    },
  });
}

export type AuditChange = { field: string; before: unknown; after: unknown };
export type AuditListItem = {
  id: string;
  createdAt: Date;
  actorName: string | null;
  actorUsername: string | null;
  entity: string;
  entityId: string;
  action: string;
  /** What the record is called (a rule's name, a user name, a date), for people reading the log. */
  subject: string;
  changes: AuditChange[];
};

function parse(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const SUBJECT_KEYS = ["username", "date", "name", "code", "prefix"] as const;

/** Fields whose value differs (all fields of a created or deleted record). */
function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: AuditChange[] = [];
  for (const field of keys) {
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes.push({ field, before: b, after: a });
  }
  return changes;
}

/** The latest administrative changes, newest first. */
export async function listAuditEntries(actor: Actor, limit = 50): Promise<AuditListItem[]> {
  requireAdmin(actor);
  const rows = await db.auditEntry.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(1, limit), 200),
    include: { actor: { select: { displayName: true, username: true } } },
  });
  return rows.map((row) => {
    const before = parse(row.before);
    const after = parse(row.after);
    const named = after ?? before;
    const key = SUBJECT_KEYS.find((k) => typeof named?.[k] === "string" && named[k]);
    return {
      id: row.id,
      createdAt: row.createdAt,
      actorName: row.actor?.displayName ?? null,
      actorUsername: row.actor?.username ?? null,
      entity: row.entity,
      entityId: row.entityId,
      action: row.action,
      subject: key ? String(named?.[key]) : row.entityId,
      changes: diff(before, after),
    };
  });
}
