// Security headers that depend on the request (issue 9 item 14): the nonce-based CSP and HSTS over
// https. The fixed ones come from next.config.ts.
//
// A nonce CSP makes every page render per request (app/layout.tsx says so, or a prerendered page's
// scripts would carry no nonce and be blocked). Here that costs little: staff pages read the
// session cookie and render per request anyway, and the public pages are small; in exchange an
// injected inline script cannot run ('unsafe-inline' would let it).
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, HSTS, servedOverHttps } from "@/lib/domain/security-headers";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy({ nonce, development: process.env.NODE_ENV === "development" });

  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });

  response.headers.set("Content-Security-Policy", csp);
  if (servedOverHttps(process.env.NEXTAUTH_URL, request.nextUrl.protocol, request.headers.get("x-forwarded-proto"))) {
    response.headers.set("Strict-Transport-Security", HSTS);
  }
  return response;
}

export const config = {
  // Everything but build assets, which carry no markup (next.config.ts still gives them nosniff).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
