import type { DefaultSession } from "next-auth";
import type { Role } from "@/lib/auth/permissions";

declare module "next-auth" {
  interface User {
    role: Role;
    unitId: string | null;
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
  }
}
