/**
 * The placeholder a slow page shows while it loads (its segment's loading.tsx). Only for pages that never
 * call notFound(): a loading.tsx starts the response with 200, so a page under one cannot answer 404.
 */
export function PageSkeleton() {
  return (
    <div aria-busy="true" aria-live="polite" className="space-y-3">
      <span className="sr-only">Loading…</span>
      <div className="h-7 w-48 animate-pulse rounded bg-surface-2" />
      <div className="h-24 animate-pulse rounded-xl bg-surface-2" />
      <div className="h-24 animate-pulse rounded-xl bg-surface-2" />
    </div>
  );
}
