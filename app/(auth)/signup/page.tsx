import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getCurrentUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect("/home");
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Create an account</h1>
      <SignUpForm />
      <p className="mt-4 text-sm text-muted">
        Already have one?{" "}
        <Link href="/signin" className="font-medium text-accent underline-offset-2 hover:underline">
          Sign in
        </Link>
      </p>
    </>
  );
}
