import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { PageHeader, Panel } from "@/components/ui/panel";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Your account" };

const roleLabel = { student: "Student", teacher: "Teacher", admin: "Administrator" } as const;

export default async function AccountPage() {
  const user = await requireUser();
  return (
    <>
      <PageHeader title="Your account" subtitle={`${user.name} · ${user.email} · ${roleLabel[user.role]}`} />
      <Panel className="max-w-lg">
        <h2 className="mb-1 text-lg font-semibold">Change your password</h2>
        <p className="mb-4 text-sm text-muted">Changing it signs you out everywhere else, on every device where you were signed in.</p>
        <ChangePasswordForm email={user.email} />
      </Panel>
    </>
  );
}
