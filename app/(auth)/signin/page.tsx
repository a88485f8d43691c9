import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Sign in" };

/** The origin this request was made to, as the browser sees it (for resolving a callback path). */
async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("host") ?? "localhost";
  return process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).origin : `http://${host}`;
}

const notices: Record<string, string> = {
  "account-created":
    "Your account is ready: sign in with the email and password you just chose. If that email already had a Crux account, nothing about it has changed — sign in with its existing password.",
  "password-changed": "Your password was changed and every device was signed out. Sign in with the new password.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl, await requestOrigin());
  if (await getCurrentUser()) redirect(callbackUrl);
  const noticeKey = Array.isArray(params.notice) ? params.notice[0] : params.notice;
  const notice = noticeKey ? notices[noticeKey] : undefined;
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Sign in</h1>
      {notice ? (
        <p role="status" className="mb-4 rounded-lg border border-border bg-surface-2 p-3 text-sm">
          {notice}
        </p>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} />
      <p className="mt-4 text-sm text-muted">
        New to Crux?{" "}
        <Link href="/signup" className="font-medium text-accent underline-offset-2 hover:underline">
          Create an account
        </Link>
      </p>
    </>
  );
}
