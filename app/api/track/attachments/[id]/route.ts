import { readTrackedAttachment } from "@/lib/dal/attachments";
import { route } from "@/lib/http";
import { attachmentResponse } from "@/lib/http-attachment";

/** A file shown on /track, by the signed link the tracking look-up gave (lib/dal/attachments.ts). */
export const GET = route(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const url = new URL(request.url);
  return attachmentResponse(await readTrackedAttachment(id, url.searchParams.get("expires"), url.searchParams.get("sig")));
});
