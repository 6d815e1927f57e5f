import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "@/lib/dal/users";
import { authSecret } from "@/lib/env";

const SESSION_HOURS = 8;

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "账号密码",
      credentials: {
        username: { label: "用户名或手机号", type: "text" },
        password: { label: "密码", type: "password" },
      },
      async authorize(credentials) {
        const username = credentials?.username ?? "";
        const password = credentials?.password ?? "";
        if (!username || !password) throw new Error("请输入用户名和密码");
        // authenticate() throws a Chinese message that next-auth hands back to the form.
        const actor = await authenticate(username, password);
        return { id: actor.userId, name: actor.displayName, role: actor.role, unitId: actor.unitId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.unitId = user.unitId;
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
  },
};
