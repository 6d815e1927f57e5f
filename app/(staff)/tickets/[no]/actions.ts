"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { performAction } from "@/lib/dal/workflow/perform";
import { processStaffFiles } from "@/lib/uploads/staff-files";

/**
 * One workflow step from the ticket page's action panel. The form's fields are the action's own
 * (validated by its zod schema in performAction), plus `action` and the `version` the page was
 * rendered with; a stale version comes back as a 409 for the panel to explain. Notes, assistance
 * replies and replies may carry files (`attachments`, photos labelled by `attachmentLabel`).
 */
export async function act(no: string, formData: FormData): Promise<ActionResult<{ version: number; status: string }>> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$")) body[key] = value;
  }
  const version = Number(body.version);
  body.version = Number.isInteger(version) && String(body.version ?? "").trim() !== "" ? version : undefined;
  const result = await runAction(async () => {
    const actor = await requireActor();
    const files = await Promise.all(
      formData
        .getAll("attachments")
        .filter((f): f is File => f instanceof File && f.size > 0)
        .map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    const attachments = await processStaffFiles(files, body.attachmentLabel);
    const ticket = await performAction(actor, no, body, attachments);
    return { version: ticket.version, status: ticket.status };
  });
  if (result.ok) revalidatePath(`/tickets/${no}`);
  return result;
}
