"use client";

import { Button } from "@/components/ui/button";

/**
 * What an error boundary shows: never the error's own text (in production it is masked anyway),
 * only the reference under which the server logged the detail (Next.js's digest; see
 * instrumentation.ts onRequestError), so support can find it.
 */
export function ErrorNotice({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-md space-y-3 px-4 py-10 text-center">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="text-sm text-muted">Nothing you saved has been lost. Try again, or come back in a moment.</p>
      {error.digest ? <p className="text-xs text-muted">Reference {error.digest}</p> : null}
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
