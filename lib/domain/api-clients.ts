// API clients (接口客户端, DOMAIN.md §7): integrations that call the REST and Open311 interfaces as
// themselves rather than as a staff member. What a client may do is a short list of scopes, each
// granted by an administrator; nothing else — no workflow step, no admin page, no metrics.
import type { Channel } from "@/lib/domain/labels";

export const API_CLIENT_SCOPES = ["tickets:submit", "tickets:read:own", "tickets:read:unit", "updates:post", "calls:report"] as const;
export type ApiClientScope = (typeof API_CLIENT_SCOPES)[number];

export const API_CLIENT_SCOPE_LABELS: Record<ApiClientScope, string> = {
  "tickets:submit": "提交诉求",
  "tickets:read:own": "查询本客户端提交的工单",
  "tickets:read:unit": "查询归属单位承办、协办的工单",
  "updates:post": "为本客户端提交的工单转交群众补充（Open311 servicerequestupdates）",
  "calls:report": "上报呼叫中心交换机的话务统计（POST /api/v1/calls）",
};

/**
 * The channels a client may submit on: the intake channels other than the citizens' web form
 * (WEB, whose submitter is a person) and the batch import (IMPORT, which has its own path).
 */
export const API_CLIENT_CHANNELS = ["API", "HOTLINE_12345", "PHONE_12123", "WECHAT"] as const satisfies readonly Channel[];
export type ApiClientChannel = (typeof API_CLIENT_CHANNELS)[number];

export function isApiClientScope(value: unknown): value is ApiClientScope {
  return typeof value === "string" && (API_CLIENT_SCOPES as readonly string[]).includes(value);
}

export function isApiClientChannel(value: unknown): value is ApiClientChannel {
  return typeof value === "string" && (API_CLIENT_CHANNELS as readonly string[]).includes(value);
}

/** The stored form: comma-separated, in the canonical order, each once. */
export function formatScopes(scopes: readonly ApiClientScope[]): string {
  return API_CLIENT_SCOPES.filter((scope) => scopes.includes(scope)).join(",");
}

/**
 * The scopes a stored value grants. Fails closed: a name this version does not know (a typo, a
 * scope of a newer version) grants nothing.
 */
export function parseScopes(stored: string): ApiClientScope[] {
  const names = new Set(stored.split(",").map((name) => name.trim()));
  return API_CLIENT_SCOPES.filter((scope) => names.has(scope));
}
