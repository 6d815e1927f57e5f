// Ticket event types: the timeline and audit log (DOMAIN.md §3). Visibility is decided here,
// once, so the citizen's tracking page can never show an internal step by accident.

export const EVENT_TYPES = {
  RECEIVED: { label: "受理", visibility: "PUBLIC" },
  ROUTED: { label: "自动分派", visibility: "INTERNAL" },
  ROUTING_FAILED: { label: "待人工派单", visibility: "INTERNAL" },
  DISPATCHED: { label: "派单", visibility: "PUBLIC" },
  SIGNED: { label: "签收", visibility: "PUBLIC" },
  CONTACTED: { label: "联系群众", visibility: "PUBLIC" },
  NOTE: { label: "办理记录", visibility: "INTERNAL" },
  ASSIST_REQUESTED: { label: "发起协办", visibility: "INTERNAL" },
  ASSIST_REPLIED: { label: "协办反馈", visibility: "INTERNAL" },
  RETURN_REQUESTED: { label: "申请退单", visibility: "INTERNAL" },
  RETURN_APPROVED: { label: "退单通过", visibility: "INTERNAL" },
  RETURN_REJECTED: { label: "退单驳回", visibility: "INTERNAL" },
  EXTENSION_REQUESTED: { label: "申请延期", visibility: "INTERNAL" },
  EXTENSION_APPROVED: { label: "延期办理", visibility: "PUBLIC" },
  EXTENSION_REJECTED: { label: "延期驳回", visibility: "INTERNAL" },
  ASSIGNED: { label: "指派", visibility: "INTERNAL" },
  GRADED: { label: "定级", visibility: "INTERNAL" },
  COORDINATED: { label: "部门协调", visibility: "INTERNAL" },
  REPLIED: { label: "答复群众", visibility: "PUBLIC" },
  EVALUATED: { label: "评价", visibility: "PUBLIC" },
  CALLBACK_ATTEMPT: { label: "回访未接通", visibility: "INTERNAL" },
  SUPERVISED: { label: "督办", visibility: "INTERNAL" },
  REOPENED: { label: "重办", visibility: "PUBLIC" },
  CLOSED: { label: "办结", visibility: "PUBLIC" },
  MERGED: { label: "并单", visibility: "PUBLIC" },
  DUPLICATE_MERGED: { label: "合并重复诉求", visibility: "INTERNAL" },
  INVALIDATED: { label: "无效", visibility: "PUBLIC" },
  OVERDUE: { label: "超期", visibility: "INTERNAL" },
  IMPORTED: { label: "导入", visibility: "INTERNAL" },
} as const satisfies Record<string, { label: string; visibility: "PUBLIC" | "INTERNAL" }>;

export type EventType = keyof typeof EVENT_TYPES;

export function eventLabel(type: string): string {
  return (EVENT_TYPES as Record<string, { label: string }>)[type]?.label ?? type;
}
