import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DUPLICATE_CALLER_WINDOW_DAYS, findDuplicates, normalisePlace } from "@/lib/domain/duplicates";
import { isMainlandMobile } from "@/lib/domain/phone";
import { Forbidden } from "@/lib/errors";
import { dispatchAdviceFor, NO_ADVICE } from "@/lib/dal/dispatch-advice";
import { toTicketListItem } from "@/lib/dal/ticket-view";

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

/** 待派单 queue: tickets routing could not place, oldest first. */
export async function pendingQueue(actor: Actor) {
  requireAgent(actor);
  const rows = await db.ticket.findMany({
    where: { status: "PENDING" },
    orderBy: { receivedAt: "asc" },
    take: 100,
    include: { ownerUnit: { select: { code: true, name: true } } },
  });
  const advice = await dispatchAdviceFor(rows);
  return rows.map((t) => ({ ...toTicketListItem(t), content: t.content, advice: advice.get(t.id) ?? NO_ADVICE }));
}
