// 话务 (issue 16): a call as the console records it, a knowledge-base entry as an admin edits it,
// and the switch's hourly figures as a CTI integration posts them.
import { z, optionalParam } from "@/lib/validation/zod";
import { CALL_CHANNELS, CALL_OUTCOMES, parseCallDuration } from "@/lib/domain/calls";
import { CATEGORY_CODES } from "@/lib/domain/labels";

const text = (max: number, label: string) => z.string({ error: `${label}应为文本` }).trim().max(max, `${label}不超过 ${max} 个字`);
const optionalText = (max: number, label: string) => optionalParam(text(max, label));

/** Landlines, 400 numbers and mobiles alike: what the switch shows as the caller's number. */
const callerPhone = optionalParam(
  z
    .string({ error: "来电号码应为文本" })
    .transform((v) => v.replace(/[\s-]/g, "").replace(/^\+?86(?=1\d{10}$)/, ""))
    .pipe(z.string().regex(/^\d{3,20}$/, "来电号码应为 3–20 位数字，例如 13800000000 或 06358888888")),
);

/** When the call and how long: a start the console stamped, and/or a typed duration. */
export const callTimingSchema = z.object({
  startedAt: optionalParam(z.iso.datetime({ offset: true, error: "通话开始时间格式不正确" })),
  duration: optionalParam(
    z
      .string({ error: "通话时长应为文本" })
      .transform((v, ctx) => {
        const seconds = parseCallDuration(v);
        if (seconds === null) ctx.addIssue({ code: "custom", message: "通话时长的写法如 3（分钟）、2:30 或 45秒" });
        return seconds ?? 0;
      }),
  ),
});

/** A call that does not become a ticket: 当场解答, 转接其他部门, or 无效/骚扰来电. */
export const callRecordSchema = callTimingSchema
  .extend({
    channel: z.enum(CALL_CHANNELS, { error: "请选择来电渠道：12123 语音、12345 转接或来电" }),
    phone: callerPhone,
    outcome: z.enum(CALL_OUTCOMES, { error: "请选择处理结果" }).refine((o) => o !== "TICKET", "转工单请填写工单内容并提交受理"),
    category: optionalParam(z.enum(CATEGORY_CODES, { error: "请选择来电事项的分类" })),
    note: optionalText(500, "答复要点"),
    transferredTo: optionalText(50, "转接部门"),
    knowledgeId: optionalParam(z.string().max(40)),
  })
  .superRefine((call, ctx) => {
    if (call.outcome === "ANSWERED") {
      if (!call.category) ctx.addIssue({ code: "custom", path: ["category"], message: "当场解答请选择来电事项的分类" });
      if (!call.note) ctx.addIssue({ code: "custom", path: ["note"], message: "请填写答复要点（可从知识库插入）" });
    }
    if (call.outcome === "TRANSFERRED" && !call.transferredTo) ctx.addIssue({ code: "custom", path: ["transferredTo"], message: "请填写转接到的部门" });
  });
export type CallRecordInput = z.infer<typeof callRecordSchema>;

/** The call part of 转工单: channel and timing; the ticket's own fields are ticketInputSchema's. */
export const ticketCallSchema = callTimingSchema.extend({
  channel: z.enum(CALL_CHANNELS, { error: "请选择来电渠道：12123 语音、12345 转接或来电" }),
});

export const knowledgeEntrySchema = z.object({
  title: text(80, "问题").min(2, "问题至少 2 个字"),
  category: optionalParam(z.enum(CATEGORY_CODES, { error: "分类代码无效" })),
  keywords: optionalText(200, "关键词").transform((v) => v ?? ""),
  answer: text(2000, "标准答复").min(5, "标准答复至少 5 个字"),
  active: z.boolean({ error: "启用应为是或否" }).default(true),
});

/** POST /api/v1/calls: the switch's hourly figures, as a CTI integration reports them. */
export const switchReportSchema = z.object({
  intervals: z
    .array(
      z.object({
        hour: z.iso.datetime({ offset: true, error: "hour 应为带时区的整点时间，如 2026-11-30T09:00:00+08:00" }),
        agent: z.string({ error: "agent 应为文本（坐席工号）" }).trim().max(32, "agent 不超过 32 个字符").default(""),
        offered: z.number({ error: "offered 应为整数" }).int("offered 应为整数"),
        answered: z.number({ error: "answered 应为整数" }).int("answered 应为整数"),
        abandoned: z.number({ error: "abandoned 应为整数" }).int("abandoned 应为整数"),
      }),
      { error: "intervals 应为数组" },
    )
    .min(1, "intervals 至少一项")
    .max(5000, "一次最多 5000 项"),
});

/** /calls: one local day (`date`) or one month (`month`); the list pages through the day's calls. */
export const callPageQuerySchema = z.object({
  date: optionalParam(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD")),
  month: optionalParam(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "月份格式应为 YYYY-MM")),
  outcome: optionalParam(z.enum(CALL_OUTCOMES, { error: "处理结果无效" })),
  page: optionalParam(z.coerce.number({ error: "页码应为数字" }).int().min(1).max(10_000)).transform((p) => p ?? 1),
});
