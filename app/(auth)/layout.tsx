import Link from "next/link";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center px-4 py-10">
      <Link href="/" className="mb-6 text-3xl font-bold tracking-tight">
        Crux
      </Link>
      <main className="w-full max-w-sm rounded-xl border border-border bg-surface p-6 shadow-sm">{children}</main>
      <p className="mt-6 max-w-sm text-center text-xs text-muted">
        Model answers, flashcards and timed questions from your reading, with every fact traced to its source.
      </p>
    </div>
  );
}
