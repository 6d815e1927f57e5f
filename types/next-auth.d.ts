import type { DefaultSession } from "next-auth";
import type { Role } from "@/lib/auth/permissions";

declare module "next-auth" {
  interface User {
    role: Role;
    unitId: string | null;
    sessionVersion: number;
  }
  interface Session {
    user: DefaultSession["user"] & { id: string; role: Role; unitId: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    unitId: string | null;
    /** User.sessionVersion at sign-in; a session whose copy is behind the user's has ended. */
    sv: number;
  }
}
