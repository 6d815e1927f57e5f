// Cross-site request forgery guard for writes authenticated by the session cookie (issue 9 item
// 12). A browser attaches the cookie to a form another site posts to us; such a form can only send
// text/plain, urlencoded or multipart bodies and always carries that site's Origin. Requiring JSON
// and our own origin refuses it. Bearer-token callers are not browsers and are not checked.
import { AppError, Forbidden } from "@/lib/errors";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export const CROSS_SITE_MESSAGE = "跨站请求已被拒绝：请在本系统页面内操作，或使用接口令牌（Bearer）调用";
export const JSON_ONLY_MESSAGE = "请求体须为 JSON（Content-Type: application/json）；浏览器会话只接受 JSON 写入";

function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** The request came from a page of ours: Fetch Metadata says so, or Origin names our host. */
export function isSameOrigin(headers: Headers, publicUrl?: string): boolean {
  if (headers.get("sec-fetch-site") === "same-origin") return true;
  const origin = hostOf(headers.get("origin")); // "null" and absent both fail here
  if (!origin) return false;
  // The host the browser addressed (a proxy forwards it), or the configured public address.
  const ownHosts = [headers.get("x-forwarded-host"), headers.get("host"), hostOf(publicUrl)];
  return ownHosts.some((host) => host !== null && host.toLowerCase() === origin.toLowerCase());
}

function isJson(contentType: string | null): boolean {
  return contentType?.split(";")[0]?.trim().toLowerCase() === "application/json";
}

/**
 * Throws unless a cookie-authenticated request is a read, or a same-origin JSON write:
 * 403 for another origin, 415 for a body a cross-site form could have sent.
 */
export function assertSessionWriteAllowed(request: Request, publicUrl?: string): void {
  if (!WRITE_METHODS.has(request.method.toUpperCase())) return;
  if (!isSameOrigin(request.headers, publicUrl)) throw new Forbidden(CROSS_SITE_MESSAGE);
  if (!isJson(request.headers.get("content-type"))) throw new AppError(JSON_ONLY_MESSAGE, 415);
}
