// Chinese names for what the admin pages show: audit entities, actions and fields.
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { CATEGORY_LABELS, CHANNEL_LABELS, UNIT_KIND_LABELS } from "@/lib/domain/labels";
import { PLACE_KIND_LABELS } from "@/lib/domain/gazetteer";
import { formatLocalDateTime } from "@/lib/domain/local-time";

/** The sections of 系统管理, in the order of the sub-navigation and the overview cards. */
export const ADMIN_SECTIONS = [
  { href: "/admin/routing", label: "分派规则", description: "按分类、子分类、辖区和关键词把工单分派给大队；保存前可预览“会派给哪个单位、为什么”。" },
  { href: "/admin/time-limits", label: "办理时限", description: "签收、首次联系和办结时限，按诉求类型、紧急程度和难度等级设置。" },
  { href: "/admin/calendar", label: "节假日日历", description: "法定节假日和调休上班日，决定按工作日计算的办结时限。" },
  { href: "/admin/users", label: "用户", description: "工作人员和群众账户：新建、调整角色和单位、重置密码、停用、解除锁定。" },
  { href: "/admin/units", label: "单位", description: "支队、指挥中心、大队、中队和外部协作部门；单位代码创建后不可修改。" },
  { href: "/admin/categories", label: "诉求分类", description: "分类名称、说明和示例，以及子分类；分类代码即 Open311 服务代码，不可修改。" },
  { href: "/admin/districts", label: "辖区边界", description: "各辖区的 GeoJSON 边界：只有定位、没有填写辖区的诉求按定位所在辖区分派。" },
  { href: "/admin/gazetteer", label: "地名库", description: "各辖区的道路和地标：诉求写了地名、没选辖区时，按地名所属辖区分派；可批量粘贴。" },
  { href: "/admin/knowledge", label: "知识库", description: "坐席当场解答用的标准答复：问题、关键词和答复；可看到每条被使用的次数。" },
  { href: "/admin/classifier", label: "智能分类模型", description: "分类模型的版本和留出评估：各分类准确率、混淆矩阵、与当时模型的对比；可立即训练。" },
  { href: "/admin/tokens", label: "接口令牌", description: "为对接系统签发 API 令牌（只显示一次），查看使用情况，随时吊销。" },
  { href: "/admin/notifications", label: "通知发件箱", description: "受理、答复等短信通知：待发、已发和发送失败的原因；失败的可以重发。" },
  { href: "/admin/api-clients", label: "接口客户端", description: "不依附于工作人员账户的对接系统：归属单位、提交渠道、权限范围；令牌只显示一次，可随时吊销。" },
] as const;

export const ENTITY_LABELS: Record<string, string> = {
  RoutingRule: "分派规则",
  TimeLimitPolicy: "办理时限",
  CalendarDay: "节假日日历",
  User: "用户",
  Unit: "单位",
  Category: "诉求分类",
  SubCategory: "子分类",
  ApiToken: "接口令牌",
  Notification: "通知",
  District: "辖区",
  ApiClient: "接口客户端",
  PlaceName: "地名库",
  KnowledgeEntry: "知识库",
};

export const NOTIFICATION_STATUS_LABELS: Record<string, string> = {
  PENDING: "待发送",
  SENDING: "发送中",
  SENT: "已发送",
  FAILED: "发送失败",
};

export const ACTION_LABELS: Record<string, string> = {
  CREATE: "新建",
  UPDATE: "修改",
  DEACTIVATE: "停用",
  REACTIVATE: "启用",
  DELETE: "删除",
  RESET_PASSWORD: "重置密码",
  UNLOCK: "解除锁定",
  ISSUE: "签发",
  REVOKE: "吊销",
  RESEND: "重发",
};

export const FIELD_LABELS: Record<string, string> = {
  name: "名称",
  categoryCode: "分类",
  subCategory: "子分类",
  district: "辖区",
  keyword: "关键词",
  unitCode: "单位",
  priority: "优先级",
  active: "启用",
  type: "类型",
  urgency: "紧急程度",
  grade: "难度",
  signHours: "签收时限",
  contactHours: "首次联系时限",
  closeAmount: "办结时限",
  closeUnit: "办结时限单位",
  date: "日期",
  kind: "类别",
  username: "用户名",
  displayName: "姓名",
  role: "角色",
  password: "密码",
  failedLogins: "连续失败次数",
  lockedUntil: "锁定至",
  code: "代码",
  parentCode: "上级单位",
  description: "说明",
  example: "示例",
  prefix: "令牌前缀",
  expiresAt: "有效期至",
  revokedAt: "吊销时间",
  boundary: "边界",
  geojson: "GeoJSON",
  channel: "提交渠道",
  scopes: "权限",
  title: "问题",
  keywords: "关键词",
  answer: "标准答复",
};

const VALUE_LABELS: Record<string, Record<string, string>> = {
  role: ROLE_LABELS,
  kind: { ...UNIT_KIND_LABELS, ...PLACE_KIND_LABELS, HOLIDAY: "法定节假日", WORKDAY: "调休上班日" },
  categoryCode: CATEGORY_LABELS,
  closeUnit: { CLOCK_HOURS: "小时", WORKING_DAYS: "工作日" },
  channel: CHANNEL_LABELS,
};

const AUDIT_VALUE_CHARS = 120;

/** A value from an audit snapshot, readable: codes named, booleans as 是/否, null as —. */
export function formatAuditValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "是" : "否";
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return formatLocalDateTime(new Date(text));
  // A district's GeoJSON runs to pages; the log shows its start, the database keeps it whole.
  if (text.length > AUDIT_VALUE_CHARS) return `${text.slice(0, AUDIT_VALUE_CHARS)}…（共 ${text.length} 字符）`;
  return VALUE_LABELS[field]?.[text] ?? text;
}
