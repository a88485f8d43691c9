"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { signUpAction } from "@/app/(auth)/signup/actions";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

export function SignUpForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      role: String(form.get("role") ?? ""),
    };
    setIsPending(true);
    setError(null);
    setFieldErrors({});
    const result = await signUpAction(input);
    if (!result.ok) {
      setIsPending(false);
      setError(result.error);
      setFieldErrors(result.fieldErrors ?? {});
      return;
    }
    const signedIn = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    if (!signedIn || signedIn.error) {
      router.replace("/signin");
      return;
    }
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
        hint="At least 8 characters."
        errors={fieldErrors.password}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">I am a</legend>
        <div className="grid grid-cols-2 gap-2">
          {(["student", "teacher"] as const).map((role) => (
            <label key={role} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-border px-3 has-[:checked]:border-accent has-[:checked]:bg-accent-soft">
              <input type="radio" name="role" value={role} defaultChecked={role === "student"} />
              <span className="capitalize">{role}</span>
            </label>
          ))}
        </div>
        {fieldErrors.role ? <p className="text-sm text-bad">{fieldErrors.role.join(" ")}</p> : null}
      </fieldset>
      <Button type="submit" disabled={isPending} className="w-full">
        {isPending ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
