// 补充: the citizen's further words on their ticket (the photos are checked by lib/uploads/photos.ts).
// The same 4,000 characters and line ends as the complaint itself; empty is allowed here because
// photos alone are a follow-up too (lib/dal/follow-ups.ts refuses neither words nor photos).
import { z } from "@/lib/validation/zod";
import { MAX_CONTENT_CHARS, normaliseLineEnds } from "@/lib/domain/ticket-text";

export const supplementSchema = z.object({
  text: z
    .string({ error: "补充内容应为文本" })
    .optional()
    .transform((v) => normaliseLineEnds(v ?? "").trim())
    .pipe(z.string().max(MAX_CONTENT_CHARS, `补充内容不超过 ${MAX_CONTENT_CHARS} 个字`)),
});
