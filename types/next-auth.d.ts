import type { DefaultSession } from "next-auth";
import type { Role } from "@/lib/auth/schemas";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; sessionVersion: number } & DefaultSession["user"];
  }
  interface User {
    id: string;
    role: Role;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    /** The account's session version when this token was issued. */
    sv?: number;
  }
}
