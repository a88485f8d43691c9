import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { safeCallbackPath } from "../auth/callback-url";
import { isAppError } from "../errors";
import { getSessionUser, revokeSessions } from "../db/users";
import { signIn } from "./accounts";
import { clientAddressOf } from "./client-address";
import { maskedErrorMessage, reportServerError } from "./report-error";
import { decodeSessionToken, encodeSessionToken } from "./session-token";

/** Seconds a session token is valid after it was (re-)issued. */
export const SESSION_MAX_AGE_SEC = 30 * 24 * 3600;

/** Session cookies are `Secure` (and `__Secure-` prefixed) whenever the app's public URL is HTTPS. */
export function isServedOverHttps(publicUrl = process.env.NEXTAUTH_URL): boolean {
  return !!publicUrl && publicUrl.startsWith("https://");
}

/**
 * True unless the account is gone or has moved past the token's session version. A database
 * failure is reported and answered true here: lib/server/session.ts checks again strictly before
 * any page, action or route handler uses the session, so nothing is served on a revoked token.
 */
async function isSessionCurrent(userId: string, sessionVersion: number | undefined): Promise<boolean> {
  try {
    const found = await getSessionUser(userId);
    return !!found && found.sessionVersion === sessionVersion;
  } catch (e) {
    reportServerError("session check", e, { userId });
    return true;
  }
}

/**
 * next-auth configuration: email + password, JWT sessions carrying the user's id, role and session
 * version (lib/server/session.ts refuses a token whose version the account has moved past: sign-out
 * and password changes revoke every session).
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SEC },
  // next-auth's token format with the encryption key derived once (lib/server/session-token.ts).
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  useSecureCookies: isServedOverHttps(),
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const clientAddress = clientAddressOf(req?.headers ?? {});
        try {
          const user = await signIn(credentials ?? {}, clientAddress, new Date());
          return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
        } catch (e) {
          // next-auth hands this message to the sign-in form: an AppError's own, anything else masked.
          if (isAppError(e)) throw new Error(e.message);
          throw new Error(maskedErrorMessage(reportServerError("sign-in", e, { clientAddress })));
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
        return token;
      }
      // Every read of the session, next-auth's own /api/auth/session included: a revoked token is
      // refused (next-auth then answers "no session" and clears the cookie).
      if (token.uid && !(await isSessionCurrent(token.uid, token.sv))) throw new Error("This session was ended by a sign-out or a password change.");
      return token;
    },
    session({ session, token }) {
      if (token.uid && token.role) session.user = { ...session.user, id: token.uid, role: token.role, sessionVersion: token.sv ?? -1 };
      return session;
    },
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
    },
  },
  events: {
    async signOut({ token }) {
      // Every session of the account carrying this version ends, not only this browser's cookie.
      if (token?.uid && typeof token.sv === "number") await revokeSessions(token.uid, token.sv);
    },
  },
};
