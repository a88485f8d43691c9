"use client";

import { useState } from "react";
import { changePasswordAction } from "@/app/(app)/account/actions";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { useCredentialsForm } from "./use-credentials-form";

/** Changes the password, then signs this browser in again (the change ended every session). */
export function ChangePasswordForm({ email }: { email: string }) {
  const { error, fieldErrors, isPending, runThenSignIn, router } = useCredentialsForm();
  const [done, setDone] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const input = {
      currentPassword: String(form.get("currentPassword") ?? ""),
      newPassword: String(form.get("newPassword") ?? ""),
      confirmPassword: String(form.get("confirmPassword") ?? ""),
    };
    setDone(false);
    if (!(await runThenSignIn(() => changePasswordAction(input), { email, password: input.newPassword }, "password-changed"))) return;
    formElement.reset();
    setDone(true);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={error} />
      {done ? (
        <p role="status" className="rounded-lg border border-border bg-surface-2 p-3 text-sm">
          Password changed. Other devices have been signed out.
        </p>
      ) : null}
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required errors={fieldErrors.currentPassword} />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters and hard to guess: three or four unrelated words work well."
        errors={fieldErrors.newPassword}
      />
      <Field label="New password again" name="confirmPassword" type="password" autoComplete="new-password" required errors={fieldErrors.confirmPassword} />
      <Button type="submit" disabled={isPending}>
        {isPending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
