import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DUPLICATE_CALLER_WINDOW_DAYS, findDuplicates, normalisePlace } from "@/lib/domain/duplicates";
import { isMainlandMobile } from "@/lib/domain/phone";
import { Forbidden } from "@/lib/errors";
import { dispatchAdviceFor, NO_ADVICE, type DispatchAdvice } from "@/lib/dal/dispatch-advice";
import { toTicketListItem, type TicketListItem } from "@/lib/dal/ticket-view";

const OPEN = ["PENDING", "DISPATCHED", "IN_PROGRESS", "REPLIED"] as const;
const DAY_MS = 86_400_000;

function requireAgent(actor: Actor) {
  if (!can(actor.role, "ticket:dispatch")) throw new Forbidden("只有指挥中心坐席可以使用来电受理台");
}

/** 来电人历史: the caller's earlier tickets, newest first. */
export async function callerHistory(actor: Actor, phone: string) {
  requireAgent(actor);
  if (!isMainlandMobile(phone)) return [];
  const rows = await db.ticket.findMany({
    where: { citizenPhone: phone },
    orderBy: { receivedAt: "desc" },
    take: 20,
    include: { ownerUnit: { select: { code: true, name: true } } },
  });
  return rows.map(toTicketListItem);
}

/**
 * Likely duplicates of a call being taken (DOMAIN.md §5): the same caller about the same
 * category within 7 days, or an open ticket on the same place and category.
 */
export async function suggestDuplicates(actor: Actor, call: { phone?: string; category?: string; place?: string }) {
  requireAgent(actor);
  if (!call.category) return [];
  const now = new Date();
  const placeKey = normalisePlace(call.place);
  const candidates = await db.ticket.findMany({
    where: {
      categoryCode: call.category,
      status: { notIn: ["MERGED", "INVALID"] },
      OR: [
        ...(call.phone ? [{ citizenPhone: call.phone, receivedAt: { gte: new Date(now.getTime() - DUPLICATE_CALLER_WINDOW_DAYS * DAY_MS) } }] : []),
        ...(placeKey ? [{ status: { in: [...OPEN] }, placeKey }] : []),
      ],
    },
    orderBy: { receivedAt: "desc" },
    take: 50,
    include: { ownerUnit: { select: { code: true, name: true } } },
  });
  const matches = findDuplicates(
    { category: call.category, phone: call.phone, place: call.place, receivedAt: now },
    candidates.map((t) => ({ no: t.no, status: t.status, category: t.categoryCode, phone: t.citizenPhone, place: t.place, receivedAt: t.receivedAt })),
  );
  const byNo = new Map(candidates.map((t) => [t.no, t]));
  return matches.map((m) => ({ ...m, ticket: toTicketListItem(byNo.get(m.no)!) }));
}

/**
 * How many 待派单 tickets the console shows beside the call form. Each comes with its own dispatch
 * form, so a backlog of hundreds made the page hundreds of kilobytes; the rest are a click away on
 * the workbench (status 待派单), and the heading gives their number.
 */
export const PENDING_QUEUE_SIZE = 20;

export type PendingItem = TicketListItem & { content: string; advice: DispatchAdvice };

/** 待派单 queue: the oldest tickets routing could not place, and how many there are. */
export async function pendingQueue(actor: Actor): Promise<{ items: PendingItem[]; total: number }> {
  requireAgent(actor);
  const where = { status: "PENDING" } as const;
  const [rows, total] = await Promise.all([
    db.ticket.findMany({ where, orderBy: { receivedAt: "asc" }, take: PENDING_QUEUE_SIZE, include: { ownerUnit: { select: { code: true, name: true } } } }),
    db.ticket.count({ where }),
  ]);
  const advice = await dispatchAdviceFor(rows);
  return { items: rows.map((t) => ({ ...toTicketListItem(t), content: t.content, advice: advice.get(t.id) ?? NO_ADVICE })), total };
}
