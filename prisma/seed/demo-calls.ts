// Demo 话务 (issue 16): the last 30 days of the hotline centre before today — calls answered on the
// spot (most from the knowledge base), transferred and invalid, one TICKET call for every demo
// phone ticket of those days (linked to it), and the switch's hourly figures to match, so /calls
// and the dashboard have a month to show. Today is left empty for the agents.
import type { Db } from "@/lib/db";
import type { Call } from "@/lib/generated/prisma/client";
import { addLocalDays, localDateOf, localMidnight } from "@/lib/domain/local-time";
import { newId } from "@/lib/ids";
import { prng } from "./prng";

const HOUR = 3_600_000;
const DAYS = 30;
const ANSWER_NOTES = ["已按标准答复告知办理流程", "已告知在交管 12123 App 办理", "已解释政策并告知办理地点", "来电人表示清楚了"];
const TRANSFERS = ["市交通运输局 12328", "市城管局", "市公交公司", "保险公司客服"];

export async function seedDemoCalls(db: Db): Promise<void> {
  const random = prng(20261204);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const agent = await db.user.findUniqueOrThrow({ where: { username: "dispatcher" } });
  const knowledge = await db.knowledgeEntry.findMany({ select: { id: true, categoryCode: true } });
  const today = localDateOf(new Date());
  const first = localMidnight(addLocalDays(today, -DAYS));
  const phoneTickets = await db.ticket.findMany({
    where: { channel: { in: ["PHONE_12123", "HOTLINE_12345"] }, receivedAt: { gte: first, lt: localMidnight(today) } },
    select: { id: true, channel: true, categoryCode: true, citizenPhone: true, receivedAt: true },
  });

  const calls: Call[] = phoneTickets.map((t) => {
    const seconds = 180 + Math.floor(random() * 420);
    return {
      id: newId(),
      channel: t.channel,
      callerPhone: t.citizenPhone,
      agentId: agent.id,
      categoryCode: t.categoryCode,
      startedAt: new Date(t.receivedAt.getTime() - seconds * 1000),
      endedAt: t.receivedAt,
      durationSeconds: seconds,
      outcome: "TICKET",
      note: null,
      transferredTo: null,
      knowledgeId: null,
      ticketId: t.id,
      createdAt: t.receivedAt,
    };
  });
  for (let d = DAYS; d >= 1; d--) {
    const midnight = localMidnight(addLocalDays(today, -d)).getTime();
    // Most calls are answered on the spot (Zaozhuang: 34,000 calls, 213 work orders in a year).
    const count = 60 + Math.floor(random() * 40);
    for (let i = 0; i < count; i++) {
      const startedAt = new Date(midnight + (8 + random() * 12) * HOUR);
      const roll = random();
      const outcome = roll < 0.8 ? "ANSWERED" : roll < 0.9 ? "TRANSFERRED" : "INVALID";
      const entry = outcome === "ANSWERED" && random() < 0.7 ? pick(knowledge) : null;
      const seconds = outcome === "INVALID" ? 10 + Math.floor(random() * 40) : 60 + Math.floor(random() * 240);
      calls.push({
        id: newId(),
        channel: pick(["PHONE_12123", "PHONE_12123", "HOTLINE_12345", "PHONE"] as const),
        callerPhone: `138${String(10000000 + Math.floor(random() * 89999999))}`,
        agentId: agent.id,
        categoryCode: outcome === "INVALID" ? null : (entry?.categoryCode ?? pick(["SERVICE", "ENFORCEMENT", "ACCIDENT"])),
        startedAt,
        endedAt: new Date(startedAt.getTime() + seconds * 1000),
        durationSeconds: seconds,
        outcome,
        note: outcome === "ANSWERED" ? pick(ANSWER_NOTES) : outcome === "INVALID" ? "无声电话" : null,
        transferredTo: outcome === "TRANSFERRED" ? pick(TRANSFERS) : null,
        knowledgeId: entry?.id ?? null,
        ticketId: null,
        createdAt: startedAt,
      });
    }
  }

  // The switch saw every answered call, and a few callers who hung up waiting.
  const answeredByHour = new Map<number, number>();
  for (const c of calls) {
    const hour = Math.floor(c.startedAt.getTime() / HOUR) * HOUR;
    answeredByHour.set(hour, (answeredByHour.get(hour) ?? 0) + 1);
  }
  const intervals = [...answeredByHour].map(([hour, answered]) => {
    const abandoned = Math.round(answered * (0.01 + random() * 0.05));
    return { hourAt: new Date(hour), agent: "", offered: answered + abandoned, answered, abandoned, source: "IMPORT", updatedAt: new Date() };
  });
  await db.$transaction(async (tx) => {
    await tx.call.createMany({ data: calls });
    await tx.switchInterval.createMany({ data: intervals });
  });
}
