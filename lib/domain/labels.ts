// Chinese names of the domain's codes (DOMAIN.md §3–4), in one place for UI, API and import.

export const TICKET_STATUSES = ["PENDING", "DISPATCHED", "IN_PROGRESS", "REPLIED", "CLOSED", "MERGED", "INVALID"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const STATUS_LABELS: Record<TicketStatus, string> = {
  PENDING: "待派单",
  DISPATCHED: "待签收",
  IN_PROGRESS: "办理中",
  REPLIED: "已答复待回访",
  CLOSED: "已办结",
  MERGED: "已并单",
  INVALID: "无效",
};

export const TICKET_TYPES = ["COMPLAINT", "REPORT", "HELP", "INQUIRY", "SUGGESTION", "PRAISE"] as const;
export type TicketType = (typeof TICKET_TYPES)[number];
export const TYPE_LABELS: Record<TicketType, string> = {
  COMPLAINT: "投诉",
  REPORT: "举报",
  HELP: "求助",
  INQUIRY: "咨询",
  SUGGESTION: "建议",
  PRAISE: "表扬",
};

/** One-line example of each type, shown on the intake forms. */
export const TYPE_EXAMPLES: Record<TicketType, string> = {
  COMPLAINT: "对民警执法、办事效率等不满意",
  REPORT: "举报交通违法行为或违规现象",
  HELP: "遇到困难需要交警帮助",
  INQUIRY: "咨询交管业务和政策",
  SUGGESTION: "对交通组织、管理提出建议",
  PRAISE: "表扬民警或单位",
};

export const CATEGORY_CODES = ["TRAFFIC_ORG", "CONGESTION", "ENFORCEMENT", "ACCIDENT", "SERVICE", "NON_POLICE"] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];
export const CATEGORY_LABELS: Record<CategoryCode, string> = {
  TRAFFIC_ORG: "交通组织",
  CONGESTION: "疏堵保畅",
  ENFORCEMENT: "执勤执法",
  ACCIDENT: "事故处理",
  SERVICE: "便民服务",
  NON_POLICE: "非警务",
};

export const CHANNELS = ["WEB", "PHONE_12123", "HOTLINE_12345", "PHONE", "WECHAT", "API", "IMPORT"] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  WEB: "网站",
  PHONE_12123: "12123 语音",
  HOTLINE_12345: "12345 转办",
  PHONE: "来电",
  WECHAT: "微信",
  API: "接口",
  IMPORT: "批量导入",
};

export const URGENCY_LABELS = { NORMAL: "一般", URGENT: "紧急" } as const;
export type Urgency = keyof typeof URGENCY_LABELS;
/** 难度等级, set by the owner unit's lead. */
export const GRADE_LABELS = { NORMAL: "一般", COMPLEX: "复杂", DIFFICULT: "疑难" } as const;
export type Grade = keyof typeof GRADE_LABELS;
export const SATISFACTION_LABELS = {
  SATISFIED: "满意",
  BASIC: "基本满意",
  UNSATISFIED: "不满意",
  NONE: "未评价",
} as const;

/** The three deadlines of DOMAIN.md §5 (lib/domain/overdue.ts DeadlineKind), as staff name them. */
export const DEADLINE_LABELS = { SIGN: "签收", CONTACT: "首次联系", CLOSE: "办结" } as const;

/** The unit kinds of DOMAIN.md §2. */
export const UNIT_KIND_LABELS = {
  DETACHMENT: "支队",
  DISPATCH: "指挥中心",
  BRIGADE: "大队",
  SQUADRON: "中队",
  EXTERNAL: "外部门",
} as const;
