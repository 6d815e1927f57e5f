import "server-only";

/** The photos a form sent under `field` (empty file inputs send a 0-byte entry: not a photo). */
export async function formPhotos(formData: FormData, field = "photos"): Promise<{ name: string; bytes: Uint8Array }[]> {
  return Promise.all(
    formData
      .getAll(field)
      .filter((f): f is File => f instanceof File && f.size > 0)
      .map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}
