// Security headers of every response (issue 9 item 14). Pure: proxy.ts supplies the nonce, the
// scheme and the path; next.config.ts the headers that need none of them.

export type CspOptions = {
  /** Fresh per request; Next.js puts it on its own scripts (read from the request's CSP header). */
  nonce: string;
  /** next dev: React's debugging needs eval. */
  development: boolean;
};

/**
 * Scripts run only with this response's nonce, and what they load ('strict-dynamic': Next's
 * chunks, ECharts); an injected <script> or inline handler does not. Styles stay 'unsafe-inline':
 * React renders style attributes and ECharts sets them, and a nonce would switch that off.
 * Nothing may frame us (the staff pages' buttons were clickable inside another site's frame).
 */
export function contentSecurityPolicy({ nonce, development }: CspOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers that are the same on every response, pages, API and static files alike. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

/** One-time links carry their secret in the path: pages under them send no Referer at all. */
export const SECRET_PATH_SOURCES = ["/evaluate/:token*"];

export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * HSTS only over https (the public address is https, or the request came that way): sent over
 * plain http it would be ignored, and on a plain-http intranet site it must never be promised.
 */
export function servedOverHttps(publicUrl: string | undefined, requestProtocol: string, forwardedProto: string | null): boolean {
  return (
    publicUrl?.startsWith("https:") === true ||
    requestProtocol === "https:" ||
    forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https"
  );
}
