// The workflow actions of DOMAIN.md §7 (POST /tickets/{no}/actions) and the one zod schema of each
// action's fields, shared by the staff forms, the server actions and the REST API. Messages are
// Chinese and say what to fix.
import type { FieldError } from "@/lib/errors";
import { hasUnfilledPlaceholder } from "./reply-templates";
import { fieldErrors } from "@/lib/validation/errors";
import { z } from "@/lib/validation/zod";
import { CATEGORY_CODES, GRADE_LABELS, SATISFACTION_LABELS, type Grade } from "./labels";
import { parseLocalDateTime } from "./local-time";
import { MAX_EXTENSION_WORKING_DAYS } from "./time-limits";

/** The 19 steps of §7, plus 指派/定级 (LEAD) and 办结（不重办） after 不满意 (§5 回访). */
export const ACTIONS = [
  "sign",
  "contact",
  "note",
  "assist",
  "assistReply",
  "return",
  "approveReturn",
  "rejectReturn",
  "extend",
  "approveExtension",
  "rejectExtension",
  "reply",
  "evaluate",
  "supervise",
  "reopen",
  "merge",
  "invalidate",
  "dispatch",
  "assign",
  "grade",
  "closeReview",
] as const;
export type Action = (typeof ACTIONS)[number];

export const ACTION_LABELS: Record<Action, string> = {
  sign: "签收",
  contact: "联系群众",
  note: "办理记录",
  assist: "发起协办",
  assistReply: "协办反馈",
  return: "申请退单",
  approveReturn: "同意退单",
  rejectReturn: "驳回退单",
  extend: "申请延期",
  approveExtension: "同意延期",
  rejectExtension: "驳回延期",
  reply: "答复",
  evaluate: "回访评价",
  supervise: "督办",
  reopen: "重办",
  merge: "并单",
  invalidate: "置为无效",
  dispatch: "派单",
  assign: "指派",
  grade: "定级",
  closeReview: "办结（不重办）",
};

export function isAction(value: unknown): value is Action {
  return typeof value === "string" && (ACTIONS as readonly string[]).includes(value);
}

/** 无效 reasons (DOMAIN §4: spam, test, prank); codes so they can be counted, a note for detail. */
export const INVALID_REASONS = ["SPAM", "TEST", "PRANK"] as const;
export const INVALID_REASON_LABELS: Record<(typeof INVALID_REASONS)[number], string> = {
  SPAM: "骚扰或垃圾信息",
  TEST: "测试",
  PRANK: "恶作剧",
};

/** 联系群众 by phone or in person (DOMAIN §5 先联系后答复: "a call or visit, with a note"). */
export const CONTACT_METHODS = ["CALL", "VISIT", "EMAIL"] as const;
export const CONTACT_METHOD_LABELS: Record<(typeof CONTACT_METHODS)[number], string> = { CALL: "电话", VISIT: "上门", EMAIL: "邮件" };

// ---- field builders -------------------------------------------------------------------------

/** Forms send "" for an untouched field: treat it (and null) as absent. */
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

function text(label: string, min: number, max: number, hint = "") {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}`, abort: true })
    .min(min, `${label}至少 ${min} 个字${hint}`)
    .max(max, `${label}不超过 ${max} 个字`);
}

function optionalText(label: string, min: number, max: number) {
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : blankToUndefined(v)),
    text(label, min, max).optional(),
  );
}

function unitCode(label: string) {
  return z
    .string({ error: `请选择${label}` })
    .trim()
    .min(1, { error: `请选择${label}`, abort: true })
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/, `${label}应为单位代码，例如 ZQ1、ZQ1-1、WCG`)
    .max(20, `${label}应为单位代码，例如 ZQ1、ZQ1-1、WCG`);
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A moment in time: ISO 8601 with an offset (API clients), or a local Shanghai time
 * "YYYY-MM-DD HH:mm" / "YYYY-MM-DDTHH:mm" (what a datetime-local form field sends). Never read
 * in the server's own time zone.
 */
function instant(label: string) {
  return z
    .union([z.date(), z.string()], { error: `请填写${label}` })
    .transform((value, ctx) => {
      const parsed =
        value instanceof Date
          ? value
          : ISO_WITH_OFFSET.test(value.trim())
            ? new Date(value.trim())
            : parseLocalDateTime(value.trim().replace("T", " "));
      if (!parsed || Number.isNaN(parsed.getTime())) {
        ctx.addIssue({ code: "custom", message: `${label}格式应为 2026-01-15 10:00 或 2026-01-15T10:00:00+08:00` });
        return z.NEVER;
      }
      return parsed;
    });
}

const optionalInstant = (label: string) => z.preprocess(blankToUndefined, instant(label).optional());

/** Forms send "true"/"false" (or 是/否); the API sends booleans. */
function yesNo(message: string) {
  const words: Record<string, boolean> = { true: true, false: false, 是: true, 否: false };
  return z.preprocess(
    (v) => (typeof v === "string" && Object.hasOwn(words, v.trim()) ? words[v.trim()] : v),
    z.boolean({ error: message }),
  );
}

/** Forms send "3"; the API sends 3. */
const wholeNumber = (message: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v), z.number({ error: message }));

// ---- the schemas ----------------------------------------------------------------------------

const noFields = z.object({});

export const actionSchemas = {
  sign: noFields,
  contact: z.object({
    note: text("联系情况", 2, 500, "，请写明联系方式和群众的诉求要点"),
    method: z.enum(CONTACT_METHODS, { error: "联系方式应为 CALL（电话）、VISIT（上门）或 EMAIL（邮件，群众只留了电子邮箱时）" }).default("CALL"),
  }),
  note: z.object({ text: text("办理记录", 2, 2000) }),
  assist: z.object({
    unit: unitCode("协办单位"),
    note: text("协办事项", 2, 500, "，请写明需要对方做什么"),
    dueAt: optionalInstant("协办期限"),
  }),
  assistReply: z.object({ text: text("协办反馈", 2, 2000) }),
  return: z.object({
    reason: text("退单理由", 4, 500, "，请写明不属于本单位职责的依据"),
    suggestedUnit: unitCode("建议承办单位"),
  }),
  approveReturn: z.object({ unit: unitCode("新承办单位") }),
  rejectReturn: z.object({ reason: text("驳回理由", 2, 500) }),
  extend: z.object({
    reason: text("延期理由", 4, 500, "，请写明需要延期的原因"),
    workingDays: wholeNumber("请填写延期天数（工作日）")
      .pipe(
        z
          .number()
          .int("延期天数应为整数个工作日")
          .min(1, "延期天数至少 1 个工作日")
          .max(MAX_EXTENSION_WORKING_DAYS, `延期最多 ${MAX_EXTENSION_WORKING_DAYS} 个工作日`),
      ),
  }),
  approveExtension: noFields,
  rejectExtension: z.object({ reason: text("驳回理由", 2, 500) }),
  reply: z.object({
    text: text("答复内容", 10, 2000, "，请写明办理结果").refine((t) => !hasUnfilledPlaceholder(t), {
      message: "答复中还有未填写的【…】，请按实际情况补全",
    }),
    coordinatedWith: optionalText("协调部门", 2, 50),
    coordinatedAt: optionalInstant("协调时间"),
    coordinationAnswer: optionalText("部门答复", 2, 1000),
  }),
  evaluate: z.object({
    resolved: yesNo("请选择是否解决（是或否）"),
    satisfaction: z.enum(["SATISFIED", "BASIC", "UNSATISFIED"], {
      error: `请选择满意度（${SATISFACTION_LABELS.SATISFIED}、${SATISFACTION_LABELS.BASIC}或${SATISFACTION_LABELS.UNSATISFIED}）`,
    }),
    comment: optionalText("评价意见", 1, 500),
  }),
  supervise: z.object({ note: text("督办要求", 2, 500), dueAt: optionalInstant("督办期限") }),
  reopen: z.object({ reason: text("重办理由", 4, 500, "，请写明群众不满意的问题") }),
  merge: z.object({
    into: z
      .string({ error: "请填写主工单编号" })
      .trim()
      .regex(/^\d{14}$/, "主工单编号为 14 位数字，例如 20260115000123"),
  }),
  invalidate: z.object({
    reason: z.preprocess(
      // The Chinese label is accepted too, so a form or a person can send what they read.
      (v) => Object.entries(INVALID_REASON_LABELS).find(([, label]) => label === v)?.[0] ?? v,
      z.enum(INVALID_REASONS, { error: "请选择无效原因：SPAM（骚扰或垃圾信息）、TEST（测试）或 PRANK（恶作剧）" }),
    ),
    note: optionalText("无效说明", 1, 200),
  }),
  // A dispatcher placing a PENDING ticket may correct its category too: a label the classifier
  // learns from (#14 item 3).
  dispatch: z.object({
    unit: unitCode("承办单位"),
    category: z.preprocess(blankToUndefined, z.enum(CATEGORY_CODES, { error: "诉求分类应为交通组织、疏堵保畅、执勤执法、事故处理、便民服务或非警务之一" }).optional()),
  }),
  assign: z
    .object({
      handler: optionalText("承办民警账号", 1, 50),
      squadron: z.preprocess(blankToUndefined, unitCode("承办中队").optional()),
    })
    .refine((v) => v.handler !== undefined || v.squadron !== undefined, {
      message: "请选择承办民警或承办中队（至少一项）",
      path: ["handler"],
    }),
  grade: z.object({
    grade: z.enum(Object.keys(GRADE_LABELS) as [Grade, ...Grade[]], {
      error: "请选择难度等级：NORMAL（一般）、COMPLEX（复杂）或 DIFFICULT（疑难）",
    }),
  }),
  closeReview: z.object({ note: text("办结说明", 4, 500, "，请写明不重办的理由") }),
} as const satisfies Record<Action, z.ZodType>;

export type ActionInput<A extends Action> = z.output<(typeof actionSchemas)[A]>;
export type ParsedActionInput<A extends Action> = { ok: true; input: ActionInput<A> } | { ok: false; errors: FieldError[] };

/** Checks that need the clock, so they cannot live in the static schemas. */
function timingErrors(action: Action, input: Record<string, unknown>, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  if ((action === "assist" || action === "supervise") && input.dueAt instanceof Date && input.dueAt <= now) {
    errors.push({ field: "dueAt", message: `${action === "assist" ? "协办期限" : "督办期限"}应晚于当前时间` });
  }
  if (action === "reply" && input.coordinatedAt instanceof Date && input.coordinatedAt > now) {
    errors.push({ field: "coordinatedAt", message: "协调时间不能晚于当前时间，请填写实际协调的时间" });
  }
  return errors;
}

/**
 * Validates an action's fields (the request body minus `action` and `version`, which the object
 * schemas strip). Returns the typed input, or every field's Chinese message.
 */
export function parseActionInput<A extends Action>(action: A, raw: unknown, now: Date = new Date()): ParsedActionInput<A> {
  if (!isAction(action)) return { ok: false, errors: [{ field: "action", message: `未知的操作「${String(action)}」` }] };
  const schema: z.ZodType = actionSchemas[action];
  const result = schema.safeParse(raw) as z.ZodSafeParseResult<ActionInput<A>>;
  if (!result.success) return { ok: false, errors: fieldErrors(result.error) };
  const errors = timingErrors(action, result.data as Record<string, unknown>, now);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, input: result.data };
}
