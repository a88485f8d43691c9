"use client";

import { signUpAction } from "@/app/(auth)/signup/actions";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { useCredentialsForm } from "./use-credentials-form";

/**
 * Sign-up answers the same whether or not the email already has an account (so it cannot be used
 * to find out who uses Crux): on success the form signs in with what was typed; when that does not
 * work — the email already had an account with another password — it sends the person to sign in,
 * explaining that an existing account is unchanged.
 */
export function SignUpForm() {
  const { error, fieldErrors, isPending, runThenSignIn, router } = useCredentialsForm();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      teacherCode: String(form.get("teacherCode") ?? ""),
    };
    if (!(await runThenSignIn(() => signUpAction(input), input, "account-created"))) return;
    router.replace("/home");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={error} />
      <Field label="Name" name="name" autoComplete="name" required errors={fieldErrors.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" inputMode="email" required errors={fieldErrors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters and hard to guess: three or four unrelated words work well."
        errors={fieldErrors.password}
      />
      <Field
        label="Teacher code (teachers only)"
        name="teacherCode"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        hint="Leave empty to join as a student. Teachers get a code from their Crux administrator."
        errors={fieldErrors.teacherCode}
      />
      <Button type="submit" disabled={isPending} className="w-full">
        {isPending ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
