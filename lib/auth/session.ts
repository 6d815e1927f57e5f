import "server-only";
import { getToken, type JWT } from "next-auth/jwt";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { NextRequest } from "next/server";
import { cache } from "react";
import { isApiClient, loadActor, type Actor, type Caller } from "@/lib/auth/actor";
import { bearerToken } from "@/lib/auth/api-token";
import { assertSessionWriteAllowed } from "@/lib/auth/csrf";
import { authOptions } from "@/lib/auth/options";
import { callerFromApiToken } from "@/lib/dal/api-clients";
import { env } from "@/lib/env";
import { authSecret } from "@/lib/site-secret";
import { Forbidden, Unauthenticated } from "@/lib/errors";

/**
 * The signed session token of a route handler's request, or of the page or action being rendered.
 * Read from the request itself when there is one, so a route handler judges the cookie it was
 * actually sent (and integration tests can send one).
 */
async function sessionClaims(request?: Request): Promise<JWT | null> {
  const cookie = request ? request.headers.get("cookie") : (await headers()).get("cookie");
  if (!cookie) return null;
  const req = new NextRequest("http://session.invalid/", { headers: { cookie } });
  return getToken({ req, secret: await authSecret(), secureCookie: authOptions.useSecureCookies });
}

/**
 * The caller of a page, server action or route handler: a Bearer API token if the request
 * carries one (a user's or an API client's), else the session cookie. Null when neither
 * identifies an active user or client, or when the session was ended since it was issued (its
 * version is behind the user's: signed out, password reset, role or unit changed, deactivated).
 * A route handler's write by cookie must also be a same-origin JSON request (lib/auth/csrf.ts);
 * server actions have Next's own origin check.
 */
export async function currentCaller(request?: Request): Promise<Caller | null> {
  return request ? callerOf(request) : renderCaller();
}

/**
 * The caller of the page or action being rendered, once per render: the layout and the page both
 * ask, and each answer costs a session decryption and a user read (issue 15). React's cache()
 * lives as long as one server request.
 */
const renderCaller = cache(() => callerOf());

async function callerOf(request?: Request): Promise<Caller | null> {
  const token = request ? bearerToken(request.headers.get("authorization")) : null;
  if (token) return callerFromApiToken(token);
  const claims = await sessionClaims(request);
  // Sessions issued before versions existed carry none: they count as ended.
  if (!claims?.uid || typeof claims.sv !== "number") return null;
  const actor = await loadActor(claims.uid, claims.sv);
  if (actor && request) assertSessionWriteAllowed(request, env().NEXTAUTH_URL);
  return actor;
}

/** For the few routes an API client may call (ticket intake and reads): a user or a client. */
export async function requireCaller(request?: Request): Promise<Caller> {
  const caller = await currentCaller(request);
  if (!caller) throw new Unauthenticated();
  return caller;
}

/**
 * A person (signed in, or by a user's API token). An API client is refused here, so every route
 * that has not been opened to clients on purpose stays closed to them.
 */
export async function currentActor(request?: Request): Promise<Actor | null> {
  const caller = await currentCaller(request);
  if (isApiClient(caller)) throw new Forbidden("接口客户端只能提交和查询工单，不能调用此接口");
  return caller;
}

export async function requireActor(request?: Request): Promise<Actor> {
  const actor = await currentActor(request);
  if (!actor) throw new Unauthenticated();
  return actor;
}

/**
 * For pages: the signed-in actor, or a redirect to the sign-in page. (Layouts redirect too, but
 * they render in parallel with the page, so every page asks for itself.)
 */
export async function requirePageActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  return actor;
}
