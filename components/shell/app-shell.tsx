import Link from "next/link";
import type { UserRecord } from "@/lib/db/users";
import { NavLinks, type NavItem } from "./nav-links";
import { SignOutButton } from "./sign-out-button";
import { ThemeToggle } from "./theme-toggle";

const roleLabel = { student: "Student", teacher: "Teacher", admin: "Admin" } as const;

/** Mobile first: a top bar and bottom tabs on phones; a sidebar from the md breakpoint up. */
export function AppShell({ user, children }: { user: UserRecord; children: React.ReactNode }) {
  const items: NavItem[] = [
    { href: "/home", label: "Home", icon: "home" },
    ...(user.role === "student"
      ? ([
          { href: "/review", label: "Review", icon: "review" },
          { href: "/assignments", label: "Assignments", icon: "assignments" },
        ] as const)
      : []),
    { href: "/sets", label: "Study sets", icon: "sets" },
    { href: "/attempts", label: "Attempts", icon: "attempts" },
    ...(user.role === "student" ? [{ href: "/progress", label: "Progress", icon: "progress" } as const] : []),
    { href: "/classes", label: "Classes", icon: "classes" },
  ];
  return (
    <div className="min-h-dvh md:grid md:grid-cols-[15rem_1fr]">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-2">
        Skip to content
      </a>
      <aside className="hidden border-r border-border bg-surface md:flex md:min-h-dvh md:flex-col md:p-4">
        <Link href="/home" className="mb-6 px-3 text-xl font-bold tracking-tight">
          Crux
        </Link>
        <nav aria-label="Main">
          <NavLinks items={items} variant="sidebar" />
        </nav>
        <div className="mt-auto space-y-2 border-t border-border pt-4">
          <Link href="/account" className="block rounded-lg px-3 py-1 text-sm hover:bg-surface-2">
            <span className="block font-medium">{user.name}</span>
            <span className="text-muted">{roleLabel[user.role]} · Account</span>
          </Link>
          <div className="flex items-center justify-between">
            <SignOutButton />
            <ThemeToggle />
          </div>
        </div>
      </aside>

      <div className="flex min-h-dvh flex-col">
        <header className="sticky top-0 z-20 flex items-center justify-between border-b border-border bg-surface/95 px-4 py-1 backdrop-blur md:hidden">
          <Link href="/home" className="text-lg font-bold tracking-tight">
            Crux
          </Link>
          <div className="flex items-center">
            <ThemeToggle />
            <Link href="/account" className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm text-muted hover:bg-surface-2">
              Account
            </Link>
            <SignOutButton />
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 pb-24 pt-5 md:px-8 md:pb-10 md:pt-8">
          {children}
        </main>
        <nav aria-label="Main" className="fixed inset-x-0 bottom-0 z-20 border-t border-border bg-surface pb-[env(safe-area-inset-bottom)] md:hidden">
          <NavLinks items={items} variant="bottom" />
        </nav>
      </div>
    </div>
  );
}
