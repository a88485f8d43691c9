"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** The class's invite link (this site's address + /classes/join/<code>) with a copy button. */
export function CopyInviteLink({ joinCode }: { joinCode: string }) {
  const path = `/classes/join/${encodeURIComponent(joinCode)}`;
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);
  const [origin] = useState(() => (typeof window === "undefined" ? "" : window.location.origin));
  const link = `${origin}${path}`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(`${window.location.origin}${path}`);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor="invite-link" className="text-sm font-medium">
        Invite link
      </label>
      <input id="invite-link" readOnly value={link} suppressHydrationWarning onFocus={(e) => e.currentTarget.select()} className="min-h-11 w-72 max-w-full rounded-lg border border-border bg-surface-2 px-3 font-mono text-sm" />
      <Button type="button" variant="secondary" onClick={() => void copy()}>
        Copy link
      </Button>
      <span role="status" aria-live="polite" className="text-sm text-muted">
        {copied === "copied" ? "Link copied." : copied === "failed" ? "Copy did not work: select the link and copy it." : ""}
      </span>
    </div>
  );
}
