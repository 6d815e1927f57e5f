import { readTrackedPhoto } from "@/lib/dal/attachments";
import { route } from "@/lib/http";

/** A citizen's photo on the tracking page, by the signed link the look-up handed out. */
export const GET = route(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const query = new URL(request.url).searchParams;
  const { bytes, mimeType } = await readTrackedPhoto(id, { no: query.get("no") ?? "", expires: query.get("expires") ?? "", sig: query.get("sig") ?? "" });
  return new Response(new Uint8Array(bytes), {
    headers: { "content-type": mimeType, "cache-control": "private, max-age=3600", "x-content-type-options": "nosniff" },
  });
});
