"use server";

import { revalidatePath } from "next/cache";
import type { HotIssueReviewState } from "@/components/hot-issues/review-form";
import { runAction } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { reviewHotIssue } from "@/lib/dal/hot-issues";

/** 标记已研判. A public POST endpoint like any action: reviewHotIssue authorises and validates. */
export async function reviewHotIssueAction(_previous: HotIssueReviewState, formData: FormData): Promise<HotIssueReviewState> {
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const note = field("note") ?? "";
  const result = await runAction(async () => {
    const actor = await requireActor();
    const review = await reviewHotIssue(actor, {
      placeKey: field("placeKey"),
      category: field("category"),
      firstAt: field("firstAt"),
      days: field("days"),
      note,
    });
    revalidatePath("/hot-issues");
    return { ticketCount: review.ticketCount, reviewedAt: review.reviewedAt.toISOString() };
  });
  // The note comes back so that the form, which React resets after an action, can keep it.
  return { result, note: result.ok ? "" : note };
}
