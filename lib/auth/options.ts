import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { safeCallbackPath } from "@/lib/auth/home";
import { authenticate, endSessions } from "@/lib/dal/users";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/rate-limit";

const SESSION_HOURS = 8;

/**
 * Everything but the secret, which may have to be read from the database (lib/site-secret.ts):
 * the route handler and getToken() add it.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
  // Stated rather than inferred, because lib/auth/session.ts reads the cookie by the same name.
  useSecureCookies: env().NEXTAUTH_URL?.startsWith("https:") ?? false,
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "账号密码",
      credentials: {
        username: { label: "用户名或手机号", type: "text" },
        password: { label: "密码", type: "password" },
      },
      async authorize(credentials, req) {
        const username = credentials?.username ?? "";
        const password = credentials?.password ?? "";
        if (!username || !password) throw new Error("请输入用户名和密码");
        // next-auth hands over the request headers as a plain object.
        const address = clientIp(new Headers((req.headers ?? {}) as Record<string, string>));
        // authenticate() throws a Chinese message that next-auth hands back to the form.
        const actor = await authenticate(username, password, address);
        return { id: actor.userId, name: actor.displayName, role: actor.role, unitId: actor.unitId, sessionVersion: actor.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.unitId = user.unitId;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.uid,
        role: token.role,
        unitId: token.unitId,
      };
      return session;
    },
    // next-auth follows callbackUrl after sign-in and sign-out: only our own paths (issue 9 item 8).
    redirect({ url, baseUrl }) {
      const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
      return baseUrl + (safeCallbackPath(path) ?? "/");
    },
  },
  events: {
    // Signing out ends the session everywhere, not only in this browser: a copied cookie dies too.
    async signOut({ token }) {
      if (token?.uid && typeof token.sv === "number") await endSessions(token.uid, token.sv);
    },
  },
};
