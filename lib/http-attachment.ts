/**
 * A stored file as a download: photos open in the browser, documents download under the name
 * they were attached with. Private to the one who may read it, never sniffed into another type.
 */
export function attachmentResponse({ bytes, mimeType, fileName }: { bytes: Uint8Array; mimeType: string; fileName: string | null }): Response {
  const disposition = mimeType.startsWith("image/") ? "inline" : `attachment; filename*=UTF-8''${encodeURIComponent(fileName ?? "附件")}`;
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": mimeType,
      "content-disposition": disposition,
      "cache-control": "private, max-age=3600",
      "x-content-type-options": "nosniff",
    },
  });
}
