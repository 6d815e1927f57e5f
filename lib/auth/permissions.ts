// Role → permission table (DOMAIN.md §1). Fails closed: an unknown role or permission is refused.
// ADMIN administers the system (users, units, rules, calendar, keys) and neither reads nor
// creates tickets; its one data task is the 12345 batch import, which the CLI runs as an ADMIN.

export const ROLES = ["CITIZEN", "DISPATCHER", "HANDLER", "LEAD", "MANAGER", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  CITIZEN: "群众",
  DISPATCHER: "热线坐席",
  HANDLER: "承办民警",
  LEAD: "大队领导",
  MANAGER: "支队领导",
  ADMIN: "系统管理员",
};

const PERMISSION_TABLE = {
  /** submit a complaint */
  "ticket:create": ["CITIZEN", "DISPATCHER"],
  /** read every unit's tickets */
  "ticket:read:all": ["DISPATCHER", "MANAGER"],
  /** read the tickets the actor's unit owns or assists on */
  "ticket:read:unit": ["HANDLER", "LEAD"],
  /** read one's own submitted tickets (我的诉求) */
  "ticket:read:own": ["CITIZEN"],
  /** sign, contact, note, ask for assistance, request a return or extension, reply */
  "ticket:handle": ["HANDLER", "LEAD"],
  /** assign a handler or squadron, grade difficulty */
  "ticket:assign": ["LEAD"],
  /** approve or reject an extension (延期) */
  "extension:decide": ["LEAD", "DISPATCHER"],
  /** dispatch by hand, decide returns (退单), merge duplicates */
  "ticket:dispatch": ["DISPATCHER"],
  /** record a phone callback (回访) */
  "callback:record": ["DISPATCHER"],
  /** 督办, 重办, 无效, and a second return */
  "ticket:supervise": ["MANAGER"],
  "ticket:reopen": ["MANAGER"],
  "ticket:invalidate": ["MANAGER"],
  "return:override": ["MANAGER"],
  /** rates and dashboards */
  "metrics:read:all": ["DISPATCHER", "MANAGER"],
  "metrics:read:unit": ["HANDLER", "LEAD"],
  "dashboard:view": ["MANAGER", "LEAD"],
  /** 智能分类: the classifier's full answer, with similar past tickets (POST /api/v1/classify) */
  "ticket:classify": ["DISPATCHER", "MANAGER", "ADMIN"],
  /** 12345 batch import */
  "import:run": ["DISPATCHER", "ADMIN"],
  /** 话务记录: record the calls one takes, and search the knowledge base while answering */
  "call:record": ["DISPATCHER"],
  /** the centre's call log and call report (话务报表) */
  "call:read": ["DISPATCHER", "MANAGER"],
  /** import the call-centre switch's hourly figures (CSV / Excel) */
  "call:import": ["DISPATCHER", "ADMIN"],
  /** users, units, categories, routing rules, time limits, calendar, API tokens */
  "admin:manage": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSION_TABLE;
export const PERMISSIONS = Object.keys(PERMISSION_TABLE) as Permission[];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function can(role: unknown, permission: Permission): boolean {
  if (!isRole(role)) return false;
  const allowed: readonly Role[] | undefined = Object.hasOwn(PERMISSION_TABLE, permission)
    ? PERMISSION_TABLE[permission]
    : undefined;
  return allowed?.includes(role) ?? false;
}

export function isStaff(role: Role): boolean {
  return role !== "CITIZEN";
}
