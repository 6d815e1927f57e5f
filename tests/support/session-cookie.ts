import { encode, type JWT } from "next-auth/jwt";
import type { User } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { authSecret } from "@/lib/site-secret";

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<User>;

/**
 * Signs in the way next-auth's credentials callback does (our authorize(), then our jwt callback)
 * and returns the session cookie a browser would hold, for calling route handlers directly.
 */
export async function signInCookie(username: string, password: string): Promise<{ cookie: string; token: JWT }> {
  const provider = authOptions.providers[0] as unknown as { options: { authorize: Authorize } };
  const user = await provider.options.authorize({ username, password }, { headers: {} });
  const jwt = authOptions.callbacks!.jwt! as unknown as (p: { token: JWT; user: User }) => Promise<JWT> | JWT;
  const token = await jwt({ token: {} as JWT, user });
  return { cookie: await cookieFor(token), token };
}

export async function cookieFor(token: Partial<JWT>): Promise<string> {
  return `next-auth.session-token=${await encode({ token: token as JWT, secret: await authSecret() })}`;
}
