import "server-only";
// 合并来电 (issue 13 item 1): the repeat calls merged into a master ticket, with their photos, for
// the staff who work the master. 一单到底: the master is worked, so whoever may read the master
// sees its merged calls — including a call first dispatched to another unit — and nothing more.
import { isApiClient, type Caller } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { readableTicket } from "@/lib/dal/ticket-scope";
import { sql } from "@/lib/sql";
import { toDate } from "@/lib/sql/values";
import type { Channel } from "@/lib/domain/labels";

export type MergedCall = {
  no: string;
  receivedAt: Date;
  channel: Channel;
  content: string;
  place: string | null;
  photos: { id: string; url: string }[];
};

/**
 * Staff only: a citizen reading the master is another caller, and the merged callers' words and
 * photos are theirs.
 */
export function seesMergedCalls(caller: Caller): boolean {
  return !isApiClient(caller) && (can(caller.role, "ticket:read:all") || can(caller.role, "ticket:read:unit"));
}

/** The calls merged into ticket `no`, oldest first; authorised as reading the master is. */
export async function mergedCallsOf(caller: Caller, no: string): Promise<MergedCall[]> {
  // The master's scope only, not its whole view: the ticket page reads that view beside this.
  const master = await readableTicket(caller, no);
  if (!seesMergedCalls(caller)) return [];
  const calls = await sql()
    .selectFrom("Ticket")
    .select(["id", "no", "receivedAt", "channel", "content", "place"])
    .where("mergedIntoId", "=", master.id)
    .where("status", "=", "MERGED")
    .orderBy("receivedAt")
    .execute();
  const photos =
    calls.length === 0
      ? []
      : await sql()
          .selectFrom("Attachment")
          .select(["id", "ticketId"])
          .where(
            "ticketId",
            "in",
            calls.map((c) => c.id),
          )
          .orderBy("createdAt")
          .orderBy("id")
          .execute();
  // Photos are served under the master's number, so that reading them is authorised by the master.
  return calls.map(({ id, ...call }) => ({
    no: call.no,
    receivedAt: toDate(call.receivedAt),
    channel: call.channel as Channel,
    content: call.content,
    place: call.place,
    photos: photos.filter((p) => p.ticketId === id).map((p) => ({ id: p.id, url: `/api/v1/tickets/${no}/attachments/${p.id}` })),
  }));
}
