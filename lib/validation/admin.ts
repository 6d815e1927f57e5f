// Schemas of the administration pages (issue 4 item 8). Shared by the admin forms, their server
// actions and lib/dal/admin; checks that need the database (does the unit exist, is it a
// brigade) live in the DAL and answer with the same field-error shape.
import { z } from "@/lib/validation/zod";
import { MAX_BOUNDARY_POSITIONS, parseBoundary } from "@/lib/domain/district-areas";
import { dayOfWeek, isLocalDate } from "@/lib/domain/local-time";
import { normaliseMobile, STAFF_NOTICE_CHANNELS, staffChoiceProblem } from "@/lib/domain/contact";
import { MAINLAND_MOBILE } from "@/lib/domain/phone";
import { MAX_CONTENT_CHARS } from "@/lib/domain/ticket-text";
import { keywordAlternatives } from "@/lib/domain/routing";
import { ROLES } from "@/lib/auth/permissions";
import { API_CLIENT_CHANNELS, API_CLIENT_SCOPES } from "@/lib/domain/api-clients";
import { CHANNEL_LABELS } from "@/lib/domain/labels";
import { PLACE_KINDS } from "@/lib/domain/gazetteer";
import { MAX_PASTE_LINES, MAX_PLACE_NAME_CHARS, normalisePlaceName } from "@/lib/domain/gazetteer-paste";
import { passwordSchema } from "@/lib/validation/password";

/** What a form sends to a server action: field name → value. The schemas below decide the rest. */
export type AdminFormInput = Record<string, unknown>;

/** Blank form fields mean "none": "" and whitespace become null, like an absent key. */
function optionalText(label: string, max: number) {
  return z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v),
    z.string({ error: `${label}应为文本` }).trim().max(max, `${label}不超过 ${max} 个字`).nullable(),
  );
}

function requiredText(label: string, max: number, min = 1) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, min > 1 ? `${label}至少 ${min} 个字` : `请填写${label}`)
    .max(max, `${label}不超过 ${max} 个字`);
}

/** A whole number from a form field ("12") or a JSON number; blank takes `fallback` when given. */
function integer(label: string, min: number, max: number, fallback?: number) {
  return z.preprocess(
    (v) => {
      if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) return fallback;
      return typeof v === "string" ? Number(v.trim()) : v;
    },
    z
      .number({ error: (issue) => (issue.input === undefined ? `请填写${label}` : `${label}应为整数`) })
      .int(`${label}应为整数`)
      .min(min, `${label}不能小于 ${min}`)
      .max(max, `${label}不能大于 ${max}`),
  );
}

function code(label: string) {
  return z.string({ error: `请选择${label}` }).trim().min(1, `请选择${label}`).max(40, `${label}代码无效`);
}

// ─── Routing rules (分派规则) ─────────────────────────────────────────────────

export const routingRuleSchema = z.object({
  /** Blank: the DAL names the rule after its criteria. */
  name: optionalText("规则名称", 60),
  categoryCode: code("诉求分类"),
  subCategory: optionalText("子分类", 30),
  district: optionalText("辖区", 20),
  keyword: optionalText("关键词", 100).superRefine((keyword, ctx) => {
    if (keyword === null) return;
    const alternatives = keywordAlternatives(keyword);
    if (alternatives.length === 0) {
      ctx.addIssue({ code: "custom", message: "关键词不能只有分隔符；多个关键词用 | 、 ， 分隔" });
    } else if (alternatives.some((k) => k.length < 2)) {
      // One character ("路", "口") is found in almost every address.
      ctx.addIssue({ code: "custom", message: "每个关键词至少 2 个字，单个字会误匹配大量工单" });
    }
  }),
  unitCode: code("承办单位"),
  priority: integer("优先级", -1000, 1000, 0),
  active: z.boolean({ error: "启用状态应为是或否" }).default(true),
});

/** The sample ticket of the "which unit would this go to, and why" preview. */
export const routingSampleSchema = z.object({
  categoryCode: code("样例的诉求分类"),
  subCategory: optionalText("样例的子分类", 30),
  district: optionalText("样例的辖区", 20),
  place: optionalText("样例的地点", 100),
  content: optionalText("样例的诉求内容", MAX_CONTENT_CHARS),
});

// ─── Time limits (办理时限) ───────────────────────────────────────────────────

/** Sensible maxima: beyond them a limit is a typo (720 hours = 30 days), not a policy. */
export const TIME_LIMIT_MAXIMA = { signHours: 72, contactHours: 240, closeClockHours: 720, closeWorkingDays: 60 } as const;

export const timeLimitSchema = z
  .object({
    name: requiredText("名称", 20),
    signHours: integer("签收时限（小时）", 1, TIME_LIMIT_MAXIMA.signHours),
    contactHours: integer("首次联系时限（小时）", 1, TIME_LIMIT_MAXIMA.contactHours),
    closeAmount: integer("办结时限", 1, TIME_LIMIT_MAXIMA.closeClockHours),
    closeUnit: z.enum(["CLOCK_HOURS", "WORKING_DAYS"], { error: "办结时限的单位应为 小时 或 工作日" }),
  })
  .superRefine((p, ctx) => {
    if (p.closeUnit === "WORKING_DAYS" && p.closeAmount > TIME_LIMIT_MAXIMA.closeWorkingDays) {
      ctx.addIssue({
        code: "custom",
        path: ["closeAmount"],
        message: `按工作日计的办结时限不能大于 ${TIME_LIMIT_MAXIMA.closeWorkingDays} 个工作日`,
      });
    }
    if (p.signHours > p.contactHours) {
      ctx.addIssue({ code: "custom", path: ["signHours"], message: "签收时限不能长于首次联系时限：先签收，才能联系群众" });
    }
    // A working day holds 24 working hours (lib/domain/calendar.ts), so this bound is exact enough.
    const closeHours = p.closeUnit === "CLOCK_HOURS" ? p.closeAmount : p.closeAmount * 24;
    if (p.contactHours > closeHours) {
      ctx.addIssue({ code: "custom", path: ["contactHours"], message: "首次联系时限不能长于办结时限：先联系群众，才能答复办结" });
    }
  });

// ─── Holiday calendar (工作日历) ──────────────────────────────────────────────

export const CALENDAR_KIND_LABELS = { HOLIDAY: "法定节假日（休）", WORKDAY: "调休上班日" } as const;
export type CalendarKind = keyof typeof CALENDAR_KIND_LABELS;

export const calendarDaySchema = z
  .object({
    date: z
      .string({ error: "请填写日期" })
      .trim()
      .refine(isLocalDate, "请填写有效日期，格式 YYYY-MM-DD，例如 2026-10-01"),
    kind: z.enum(["HOLIDAY", "WORKDAY"], { error: "请选择 法定节假日（休）或 调休上班日" }),
    name: requiredText("名称", 20),
  })
  .superRefine((day, ctx) => {
    if (day.kind !== "WORKDAY" || !isLocalDate(day.date)) return;
    const dow = dayOfWeek(day.date);
    if (dow !== 0 && dow !== 6) {
      ctx.addIssue({ code: "custom", path: ["kind"], message: "调休上班日应为周六或周日：周一至周五本来就是工作日" });
    }
  });

/** A whole year's list: the notice's text or dates, one a line (lib/domain/holiday-notice.ts). */
export const calendarYearSchema = z.object({
  year: z.coerce.number({ error: "请选择年份" }).int("请选择年份").min(2000, "年份应在 2000—2100 之间").max(2100, "年份应在 2000—2100 之间"),
  text: z
    .string({ error: "请粘贴通知正文或日期列表" })
    .trim()
    .min(1, "请粘贴通知正文或日期列表")
    .max(20_000, "内容过长：一次只登记一年的日期（不超过 20000 字）"),
});

// ─── Users (用户) ─────────────────────────────────────────────────────────────

/** Staff names start with a letter, so they never collide with citizens' phone-number names. */
const USERNAME = /^[a-z][a-z0-9._-]{2,31}$/;

export const STAFF_ROLES = ["DISPATCHER", "HANDLER", "LEAD", "MANAGER", "ADMIN"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * Which kind of unit each staff role belongs to (DOMAIN.md §1–2): handlers and leads work in a
 * brigade or squadron, dispatchers in the 指挥中心, managers in the 支队; administrators sit in the
 * 支队 or the 指挥中心. Nobody signs in for an external department: they only assist.
 */
export const ROLE_UNIT_KINDS: Record<StaffRole, readonly (typeof UNIT_KINDS)[number][]> = {
  DISPATCHER: ["DISPATCH"],
  HANDLER: ["BRIGADE", "SQUADRON"],
  LEAD: ["BRIGADE", "SQUADRON"],
  MANAGER: ["DETACHMENT"],
  ADMIN: ["DETACHMENT", "DISPATCH"],
};
const staffRole = z.enum(STAFF_ROLES, { error: "请选择角色；群众账户由群众本人注册，不能在此创建" });

/** A staff member's contact: a mobile, an e-mail, and which of them notices use. */
const staffContactFields = {
  phone: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? null : normaliseMobile(v)) : (v ?? null)),
    z.string({ error: "手机号应为文本" }).regex(MAINLAND_MOBILE, "请填写 11 位大陆手机号，或留空").nullable(),
  ),
  email: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : (v ?? null)),
    z.string({ error: "电子邮箱应为文本" }).trim().max(100, "电子邮箱不超过 100 个字符").pipe(z.email("电子邮箱格式不正确，例如 zhang.wei@example.gov.cn")).nullable(),
  ),
  noticeBy: z.enum(STAFF_NOTICE_CHANNELS, { error: "通知方式应为短信或邮件" }).default("SMS"),
};

function emailWhenChosen(input: { email: string | null; noticeBy: string }, ctx: z.RefinementCtx) {
  const problem = staffChoiceProblem(input);
  if (problem) ctx.addIssue({ code: "custom", path: ["email"], message: problem });
}

/**
 * A change of contact: a field left out keeps its value (the list shows contacts masked, so the
 * form cannot show them to edit), an empty one clears it.
 */
export const staffContactChangeSchema = z.object({
  phone: staffContactFields.phone.optional(),
  email: staffContactFields.email.optional(),
  noticeBy: staffContactFields.noticeBy,
});

export const createStaffUserSchema = z
  .object({
    username: z
      .string({ error: "请填写用户名" })
      .trim()
      .toLowerCase()
      .regex(USERNAME, "用户名为 3–32 位小写字母、数字、点、横线或下划线，以字母开头，例如 zq3.handler"),
    displayName: requiredText("姓名", 30),
    role: staffRole,
    unitCode: code("所属单位"),
    ...staffContactFields,
    password: passwordSchema,
  })
  .superRefine(emailWhenChosen);

export const changeUserRoleSchema = z.object({ role: staffRole, unitCode: code("所属单位") });
export const resetPasswordSchema = z.object({ password: passwordSchema });

export const userFilterSchema = z.object({
  role: z.enum(ROLES).optional().catch(undefined),
  unit: z.string().trim().max(40).optional().catch(undefined),
  q: z.string().trim().max(50).optional().catch(undefined),
});
export type UserFilter = z.infer<typeof userFilterSchema>;

// ─── Units (单位) ─────────────────────────────────────────────────────────────

export const UNIT_KINDS = ["DETACHMENT", "DISPATCH", "BRIGADE", "SQUADRON", "EXTERNAL"] as const;
const UNIT_CODE = /^[A-Z][A-Z0-9-]{0,15}$/;

const unitFields = {
  name: requiredText("单位名称", 40, 2),
  kind: z.enum(UNIT_KINDS, { error: "请选择单位类别" }),
  parentCode: optionalText("上级单位", 40),
  district: optionalText("辖区", 20),
  active: z.boolean({ error: "启用状态应为是或否" }).default(true),
};

export const createUnitSchema = z.object({
  code: z
    .string({ error: "请填写单位代码" })
    .trim()
    .regex(UNIT_CODE, "单位代码为大写字母开头的 1–16 位大写字母、数字或横线，例如 ZQ5、ZQ5-1"),
  ...unitFields,
});
/** `code` may be sent back unchanged; a different one is refused by the DAL with the reason. */
export const updateUnitSchema = z.object({ code: z.string().trim().optional(), ...unitFields });

// ─── Categories (诉求分类) ────────────────────────────────────────────────────

export const updateCategorySchema = z.object({
  code: z.string().trim().optional(),
  name: requiredText("分类名称", 20),
  description: requiredText("说明", 100),
  example: requiredText("示例", 100),
  active: z.boolean({ error: "启用状态应为是或否" }).default(true),
});

export const subCategorySchema = z.object({
  name: requiredText("子分类名称", 30).refine((n) => !/[|,，、]/.test(n), "子分类名称不能含 | , ， 、 等分隔符"),
});

// ─── Districts (辖区边界) ─────────────────────────────────────────────────────

/** Generous for MAX_BOUNDARY_POSITIONS positions pasted with indentation, and a cap on what is parsed. */
const MAX_BOUNDARY_CHARS = MAX_BOUNDARY_POSITIONS * 60;

/** A district's boundary as GeoJSON text; blank removes it (the district then routes only when named). */
export const districtBoundarySchema = z.object({
  boundary: z
    .preprocess(
      (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v),
      z.string({ error: "边界应为 GeoJSON 文本" }).max(MAX_BOUNDARY_CHARS, `边界文本过长（超过 ${MAX_BOUNDARY_CHARS} 个字符），请简化后再保存`).nullable(),
    )
    .transform((text, ctx) => {
      if (text === null) return null;
      const parsed = parseBoundary(text);
      if (parsed.ok) return parsed.boundary;
      for (const message of parsed.errors) ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }),
});

// ─── Gazetteer (地名库) ─────────────────────────────────────────────────────────

/** A road or landmark; whether its district exists and its name is free is the DAL's question. */
export const placeNameSchema = z.object({
  name: requiredText("名称", MAX_PLACE_NAME_CHARS).transform(normalisePlaceName),
  district: code("辖区"),
  kind: z.enum(PLACE_KINDS, { error: "请选择类型：道路 或 地标" }),
});

/** The pasted lines of 批量添加; parsePlaceLines reads them. */
export const placePasteSchema = z.object({
  text: z
    .string({ error: "请粘贴地名，每行一个：名称,辖区[,类型]" })
    .trim()
    .min(1, "请粘贴地名，每行一个：名称,辖区[,类型]")
    .max(MAX_PASTE_LINES * 60, `一次最多粘贴 ${MAX_PASTE_LINES} 行，请分批添加`)
    .refine((text) => text.split(/\r\n|\r|\n/).length <= MAX_PASTE_LINES, `一次最多粘贴 ${MAX_PASTE_LINES} 行，请分批添加`),
});

// ─── API tokens (接口令牌) ────────────────────────────────────────────────────

export const issueTokenSchema = z.object({
  username: z.string({ error: "请选择用户" }).trim().min(1, "请选择用户"),
  name: requiredText("用途说明", 40),
  /** Blank: the token does not expire (it can always be revoked). */
  expiresInDays: z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : typeof v === "string" ? Number(v) : v),
    z
      .number({ error: "有效期应为天数" })
      .int("有效期应为整数天")
      .min(1, "有效期至少 1 天")
      .max(3650, "有效期不超过 3650 天")
      .nullable(),
  ),
});

// ─── API clients (接口客户端) ─────────────────────────────────────────────────

const channelChoices = API_CLIENT_CHANNELS.map((c) => `${CHANNEL_LABELS[c]}（${c}）`).join("、");

export const apiClientSchema = z.object({
  name: requiredText("客户端名称", 40),
  /** The owner unit's code; the DAL checks that it exists and is active. */
  unit: z.string({ error: "请选择归属单位" }).trim().min(1, "请选择归属单位"),
  channel: z.enum(API_CLIENT_CHANNELS, { error: `请选择提交渠道：${channelChoices}` }),
  // A form sends checkboxes as a list; the CLI sends "a,b".
  scopes: z.preprocess(
    (v) => (typeof v === "string" ? v.split(",").map((s) => s.trim()).filter(Boolean) : v),
    z
      .array(z.enum(API_CLIENT_SCOPES, { error: `权限应为：${API_CLIENT_SCOPES.join("、")}` }), { error: "请至少选择一项权限" })
      .min(1, "请至少选择一项权限"),
  ),
});
export type ApiClientInput = z.infer<typeof apiClientSchema>;
