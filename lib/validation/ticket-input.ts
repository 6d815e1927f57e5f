// The one schema for a new complaint, shared by the citizen form, the agent console, REST
// POST /api/v1/tickets, Open311 and the 12345 importer (DOMAIN.md §3, §7).
import { z } from "@/lib/validation/zod";
import { CATEGORY_CODES, TICKET_TYPES } from "@/lib/domain/labels";
import { normaliseMobile } from "@/lib/domain/contact";
import { MAINLAND_MOBILE } from "@/lib/domain/phone";
import { MAX_CONTENT_CHARS, normaliseLineEnds } from "@/lib/domain/ticket-text";

const optionalText = (max: number, label: string) =>
  z
    .string({ error: `${label}应为文本` })
    .trim()
    .max(max, `${label}不超过 ${max} 个字`)
    .optional()
    .transform((v) => (v ? v : undefined));

export const ticketInputSchema = z
  .object({
    type: z.enum(TICKET_TYPES, { error: "请选择诉求类型（投诉、举报、求助、咨询、建议或表扬）" }),
    category: z.enum(CATEGORY_CODES, { error: "请选择诉求分类" }),
    subCategory: optionalText(30, "子分类"),
    urgency: z.enum(["NORMAL", "URGENT"], { error: "紧急程度应为 NORMAL（一般）或 URGENT（紧急）" }).default("NORMAL"),
    title: z
      .string({ error: "请填写标题" })
      .trim()
      .min(2, "标题至少 2 个字")
      .max(50, "标题不超过 50 个字"),
    content: z
      .string({ error: "请填写诉求内容" })
      .transform(normaliseLineEnds)
      .pipe(
        z
          .string()
          .trim()
          .min(10, "诉求内容至少 10 个字，请写清时间、地点和问题")
          .max(MAX_CONTENT_CHARS, `诉求内容不超过 ${MAX_CONTENT_CHARS} 个字`),
      ),
    district: optionalText(20, "所在辖区"),
    place: optionalText(100, "地点"),
    lat: z.number({ error: "纬度应为数字" }).min(-90, "纬度应在 -90 到 90 之间").max(90, "纬度应在 -90 到 90 之间").optional(),
    lng: z.number({ error: "经度应为数字" }).min(-180, "经度应在 -180 到 180 之间").max(180, "经度应在 -180 到 180 之间").optional(),
    name: optionalText(20, "姓名"),
    // An empty phone field is "no phone", so the anonymous rule below can explain what to do;
    // "+86 139-0000-0003" and the like are read as their 11 digits, as the importer reads them.
    phone: z.preprocess(
      (v) => (typeof v !== "string" ? v : v.trim() === "" ? undefined : normaliseMobile(v)),
      z
        .string({ error: "手机号应为 11 位数字文本" })
        .trim()
        .regex(MAINLAND_MOBILE, "请填写 11 位大陆手机号，例如 13800000000")
        .optional(),
    ),
    email: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z
        .string({ error: "电子邮箱应为文本" })
        .trim()
        .max(100, "电子邮箱不超过 100 个字符")
        .pipe(z.email("电子邮箱格式不正确，例如 zhang.san@example.com"))
        .optional(),
    ),
    anonymous: z.boolean({ error: "匿名应为 true 或 false" }).default(false),
  })
  .superRefine((input, ctx) => {
    // A phone or an e-mail makes the citizen contactable (lib/domain/contact.ts).
    if (!input.anonymous && !input.phone && !input.email) {
      ctx.addIssue({ code: "custom", path: ["phone"], message: "请填写手机号（或电子邮箱），或选择匿名反映（匿名诉求无法回访评价）" });
    }
    if (input.anonymous && (input.phone || input.name || input.email)) {
      ctx.addIssue({ code: "custom", path: ["anonymous"], message: "匿名反映时请不要填写姓名、手机号和电子邮箱" });
    }
    if ((input.lat === undefined) !== (input.lng === undefined)) {
      ctx.addIssue({ code: "custom", path: [input.lat === undefined ? "lat" : "lng"], message: "经纬度需同时填写" });
    }
  });

export type TicketInput = z.infer<typeof ticketInputSchema>;
