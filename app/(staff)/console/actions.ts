"use server";

import { revalidatePath } from "next/cache";
import { z } from "@/lib/validation/zod";
import { runAction } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { callerHistory, suggestDuplicates } from "@/lib/dal/callers";
import { recordCall, ticketCall } from "@/lib/dal/calls";
import { classifyComplaint } from "@/lib/dal/classifier/classify";
import { searchKnowledge } from "@/lib/dal/knowledge";
import { CALL_CHANNELS } from "@/lib/domain/calls";
import { submitTicket } from "@/lib/dal/intake";
import { dispatchTicket } from "@/lib/dal/workflow/dispatch";
import { mergeTicket } from "@/lib/dal/workflow/merge";
import { parseOrThrow } from "@/lib/validation/errors";

const consoleChannel = z.enum([...CALL_CHANNELS, "WECHAT"], { error: "请选择来电渠道" });

export async function lookUpCaller(phone: string) {
  return runAction(async () => callerHistory(await requireActor(), String(phone)));
}

export async function findDuplicateCalls(call: { phone?: string; category?: string; place?: string }) {
  return runAction(async () => suggestDuplicates(await requireActor(), call));
}

/** 智能分类 while the agent types: category, reasons, similar tickets, district and unit (#14 item 4). */
export async function classifyCall(words: { title?: string; content?: string; place?: string; district?: string }) {
  return runAction(async () => classifyComplaint(await requireActor(), words));
}

/**
 * 来电受理 → 转工单: records the call as a ticket (a WeChat message: the ticket alone), with the
 * call's record stored in the same write; with `mergeInto`, merges the ticket into that master.
 */
export async function takeCall(formData: FormData, mergeInto?: string) {
  return runAction(async () => {
    const actor = await requireActor();
    const channel = parseOrThrow(consoleChannel, formData.get("channel"));
    const text = (name: string) => (formData.get(name) as string | null) ?? undefined;
    const call = channel === "WECHAT" ? undefined : ticketCall(actor, { channel, startedAt: text("startedAt"), duration: text("duration") });
    const ticket = await submitTicket(
      actor,
      {
        type: text("type"),
        category: text("category"),
        urgency: text("urgency"),
        title: text("title"),
        content: text("content"),
        district: text("district"),
        place: text("place"),
        name: text("name"),
        phone: text("phone"),
      },
      { channel, call },
    );
    const merged = mergeInto ? await mergeTicket(actor, ticket.no, { version: ticket.version, into: mergeInto }) : null;
    return { no: ticket.no, mergedInto: merged?.into ?? null, unitName: ticket.ownerUnit?.name ?? null, status: ticket.status };
  });
}

/** 派单 from the queue; `category` is the dispatcher's correction (the ticket's own when unchanged). */
export async function dispatchPending(no: string, version: number, unit: string, category?: string) {
  return runAction(async () => {
    const result = await dispatchTicket(await requireActor(), String(no), { version: Number(version), unit: String(unit), category: category ? String(category) : undefined });
    revalidatePath("/console");
    return result;
  });
}

/** 当场解答, 转接其他部门 or 无效/骚扰来电: the call's record alone. */
export async function logCall(formData: FormData) {
  return runAction(async () => recordCall(await requireActor(), Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string"))));
}

/** 知识库 while answering: entries matching the words typed, or the topic's most used. */
export async function findKnowledge(q: string, category?: string) {
  return runAction(async () => searchKnowledge(await requireActor(), { q: String(q ?? ""), category: category ? String(category) : undefined }));
}
