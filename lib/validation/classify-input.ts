// What POST /api/v1/classify, the console's live suggestion and the citizen form's hint accept
// (#14 item 6): the words of a complaint, before it is a ticket — so nothing is required beyond
// some text, and the limits are the ticket's own.
import { MAX_CONTENT_CHARS, normaliseLineEnds } from "@/lib/domain/ticket-text";
import { z } from "@/lib/validation/zod";

const optionalText = (max: number, label: string) =>
  z
    .string({ error: `${label}应为文本` })
    .trim()
    .max(max, `${label}不超过 ${max} 个字`)
    .optional()
    .nullable()
    .transform((v) => (v ? v : undefined));

export const classifyInputSchema = z
  .object({
    title: optionalText(50, "标题"),
    content: z
      .string({ error: "请填写诉求内容（文本）" })
      .transform(normaliseLineEnds)
      .pipe(z.string().trim().max(MAX_CONTENT_CHARS, `诉求内容不超过 ${MAX_CONTENT_CHARS} 个字`)),
    place: optionalText(100, "地点"),
    district: optionalText(20, "所在辖区"),
  })
  .refine((v) => `${v.title ?? ""}${v.content}`.replace(/\s/g, "").length >= 2, {
    message: "请至少写 2 个字的标题或诉求内容",
    path: ["content"],
  });

export type ClassifyInput = z.infer<typeof classifyInputSchema>;
