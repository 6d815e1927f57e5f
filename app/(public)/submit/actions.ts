"use server";

import { headers } from "next/headers";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { currentActor } from "@/lib/auth/session";
import { suggestCategory } from "@/lib/dal/classifier/classify";
import { submitTicket } from "@/lib/dal/intake";
import { Invalid } from "@/lib/errors";
import { clientIp, limitAnonymousSubmissionByIp, limitCategoryHintByIp, limitSubmissionByIp, limitSubmissionByPhone } from "@/lib/rate-limit";
import { formPhotos } from "@/lib/uploads/form-photos";
import { checkPhotos, processPhotos } from "@/lib/uploads/photos";
import { complaintFields } from "@/lib/validation/complaint-form";
import { fieldErrors } from "@/lib/validation/errors";
import { ticketInputSchema } from "@/lib/validation/ticket-input";

export type Receipt = { no: string; unitName: string | null; dueAt: string | null };

/** The citizen form (我要反映诉求). Public: anyone may call it, so it is rate-limited. */
export async function submitComplaint(formData: FormData): Promise<ActionResult<Receipt>> {
  return runAction(async () => {
    const ip = clientIp(await headers());
    await limitSubmissionByIp(ip);
    const raw = complaintFields(formData);
    const files = await formPhotos(formData);
    // Every problem at once: the fields and the photos.
    const parsed = ticketInputSchema.safeParse(raw);
    const errors = [...(parsed.success ? [] : fieldErrors(parsed.error)), ...checkPhotos(files)];
    if (errors.length) throw new Invalid(errors);
    // A phone is limited per day; without one, the address gets a lower anonymous cap.
    if (raw.phone) await limitSubmissionByPhone(raw.phone);
    else await limitAnonymousSubmissionByIp(ip);

    const actor = await currentActor();
    const photos = await processPhotos(files);
    const ticket = await submitTicket(actor?.role === "CITIZEN" ? actor : null, raw, { channel: "WEB", photos });
    return { no: ticket.no, unitName: ticket.ownerUnit?.name ?? null, dueAt: ticket.dueAt?.toISOString() ?? null };
  });
}

export type CategoryHint = { code: string; name: string } | null;

/** Below this the model is unsure; a citizen is better left to choose than nudged the wrong way. */
const HINT_MIN_CONFIDENCE = 0.5;

/** 分类提示 (#14 item 4): the category the description suggests; only the category, nothing of past tickets. */
export async function hintCategory(words: { title?: string; content?: string; place?: string }): Promise<ActionResult<CategoryHint>> {
  return runAction(async () => {
    await limitCategoryHintByIp(clientIp(await headers()));
    const { category } = await suggestCategory(words);
    return category.confidence >= HINT_MIN_CONFIDENCE ? { code: category.code, name: category.name } : null;
  });
}
