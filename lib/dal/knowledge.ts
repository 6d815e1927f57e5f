import "server-only";
// 知识库 (issue 16): standard answers the agents search and insert while answering; admins edit
// them. A use is a call answered with the entry (Call.knowledgeId), so the figures of which
// questions recur come from the call log itself — one record, no separate counter to drift.
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requireAdmin, writeAudit } from "@/lib/dal/admin/audit";
import { db, transaction } from "@/lib/db";
import { rankKnowledge } from "@/lib/domain/knowledge";
import { Forbidden, NotFound } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/errors";
import { knowledgeEntrySchema } from "@/lib/validation/calls";

/** How far back "often used" looks when ranking search results. */
const RECENT_USE_DAYS = 90;

export type KnowledgeHit = { id: string; title: string; answer: string; categoryCode: string | null };

/** Entries whose words match the agent's, best first; the most used when nothing is typed yet. */
export async function searchKnowledge(actor: Actor, raw: { q?: string; category?: string }, limit = 8): Promise<KnowledgeHit[]> {
  if (!can(actor.role, "call:record") && !can(actor.role, "admin:manage")) throw new Forbidden("您没有查阅知识库的权限");
  const q = String(raw.q ?? "").slice(0, 50);
  const category = raw.category ? String(raw.category) : undefined;
  // "Often used" is recent use: counted along (knowledgeId, startedAt) over a bounded window, so
  // a search as the agent types never counts an entry's whole history.
  const since = new Date(Date.now() - RECENT_USE_DAYS * 86_400_000);
  const entries = await db.knowledgeEntry.findMany({
    where: { active: true },
    select: { id: true, title: true, keywords: true, answer: true, categoryCode: true, _count: { select: { calls: { where: { startedAt: { gte: since } } } } } },
  });
  const ranked = rankKnowledge(
    entries.map((e) => ({ ...e, uses: e._count.calls })),
    q,
    category,
  );
  return ranked.slice(0, limit).map(({ id, title, answer, categoryCode }) => ({ id, title, answer, categoryCode }));
}

export type KnowledgeRow = {
  id: string;
  title: string;
  categoryCode: string | null;
  keywords: string;
  answer: string;
  active: boolean;
  uses: number;
  updatedAt: Date;
  updatedBy: string | null;
};

export async function listKnowledge(actor: Actor): Promise<KnowledgeRow[]> {
  requireAdmin(actor);
  const entries = await db.knowledgeEntry.findMany({
    orderBy: [{ active: "desc" }, { categoryCode: "asc" }, { title: "asc" }],
    include: { updatedBy: { select: { displayName: true } }, _count: { select: { calls: true } } },
  });
  return entries.map((e) => ({
    id: e.id,
    title: e.title,
    categoryCode: e.categoryCode,
    keywords: e.keywords,
    answer: e.answer,
    active: e.active,
    uses: e._count.calls,
    updatedAt: e.updatedAt,
    updatedBy: e.updatedBy?.displayName ?? null,
  }));
}

function snapshot(e: { title: string; categoryCode: string | null; keywords: string; answer: string; active: boolean }) {
  return { title: e.title, categoryCode: e.categoryCode, keywords: e.keywords, answer: e.answer, active: e.active };
}

/** Adds an entry (id absent) or edits one; audited like every other administrative record. */
export async function saveKnowledge(actor: Actor, id: string | null, raw: unknown): Promise<{ id: string }> {
  requireAdmin(actor);
  const input = parseOrThrow(knowledgeEntrySchema, raw);
  const data = { title: input.title, categoryCode: input.category ?? null, keywords: input.keywords, answer: input.answer, active: input.active, updatedById: actor.userId };
  return transaction(async (tx) => {
    if (id === null) {
      const row = await tx.knowledgeEntry.create({ data });
      await writeAudit(tx, actor, { entity: "KnowledgeEntry", entityId: row.id, action: "CREATE", before: null, after: snapshot(row) });
      return { id: row.id };
    }
    const existing = await tx.knowledgeEntry.findUnique({ where: { id } });
    if (!existing) throw new NotFound("知识库条目不存在");
    const row = await tx.knowledgeEntry.update({ where: { id }, data });
    const action = existing.active !== row.active ? (row.active ? "REACTIVATE" : "DEACTIVATE") : "UPDATE";
    await writeAudit(tx, actor, { entity: "KnowledgeEntry", entityId: id, action, before: snapshot(existing), after: snapshot(row) });
    return { id };
  });
}
