"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

export function SignOutButton({ className = "" }: { className?: string }) {
  const [isPending, setIsPending] = useState(false);
  return (
    <button
      type="button"
      disabled={isPending}
      onClick={() => {
        setIsPending(true);
        void signOut({ callbackUrl: "/signin" });
      }}
      className={`inline-flex min-h-11 items-center rounded-lg px-3 text-sm text-muted hover:bg-surface-2 ${className}`}
    >
      {isPending ? "Signing out…" : "Sign out"}
    </button>
  );
}
