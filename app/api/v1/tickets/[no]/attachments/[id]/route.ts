import { requireCaller } from "@/lib/auth/session";
import { readAttachment } from "@/lib/dal/attachments";
import { route } from "@/lib/http";
import { attachmentResponse } from "@/lib/http-attachment";

export const GET = route(async (request: Request, { params }: { params: Promise<{ no: string; id: string }> }) => {
  const actor = await requireCaller(request);
  const { no, id } = await params;
  return attachmentResponse(await readAttachment(actor, no, id));
});
