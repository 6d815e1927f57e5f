"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { bulkStep, type BulkOutcome } from "@/lib/dal/workbench-bulk";

/**
 * 批量签收 / 指派 from the workbench. Each checked row sends "no:version" (the version the list
 * was rendered with); bulkStep validates everything and reports per ticket.
 */
export async function bulkAct(_previous: ActionResult<BulkOutcome[]> | null, formData: FormData): Promise<ActionResult<BulkOutcome[]>> {
  const tickets = formData.getAll("ticket").map((value) => {
    const [no, version] = String(value).split(":");
    return { no, version };
  });
  const field = (name: string) => (typeof formData.get(name) === "string" ? String(formData.get(name)) : undefined);
  const result = await runAction(async () =>
    bulkStep(await requireActor(), { action: field("action"), tickets, handler: field("handler"), squadron: field("squadron") }),
  );
  if (result.ok) revalidatePath("/workbench");
  return result;
}
