import { requireCaller } from "@/lib/auth/session";
import { readAttachment } from "@/lib/dal/attachments";
import { route } from "@/lib/http";

export const GET = route(async (request: Request, { params }: { params: Promise<{ no: string; id: string }> }) => {
  const actor = await requireCaller(request);
  const { no, id } = await params;
  const { bytes, mimeType } = await readAttachment(actor, no, id);
  return new Response(new Uint8Array(bytes), {
    headers: { "content-type": mimeType, "cache-control": "private, max-age=3600", "x-content-type-options": "nosniff" },
  });
});
