import type { Metadata } from "next";
import { ChangeNameForm } from "@/components/auth/change-name-form";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { TeacherCodesPanel } from "@/components/auth/teacher-codes-panel";
import { ReviewSettingsForm } from "@/components/study/review-settings-form";
import { getLearnerSettingsFor } from "@/lib/server/learner-settings";
import { dayKeyIn } from "@/lib/format";
import { examDateBounds } from "@/lib/srs/exam-date";
import { PageHeader, Panel } from "@/components/ui/panel";
import { describeInvitationState } from "@/lib/server/admin";
import { formatDateTime } from "@/lib/format";
import { requireUser } from "@/lib/server/session";
import { listTeacherCodesFor } from "@/lib/server/teacher-codes";

export const metadata: Metadata = { title: "Your account" };

const roleLabel = { student: "Student", teacher: "Teacher", admin: "Administrator" } as const;

export default async function AccountPage() {
  const user = await requireUser();
  const now = new Date();
  const [codes, settings] = await Promise.all([user.role === "admin" ? listTeacherCodesFor(user) : Promise.resolve([]), getLearnerSettingsFor(user)]);
  return (
    <>
      <PageHeader title="Your account" subtitle={`${user.name} · ${user.email} · ${roleLabel[user.role]}`} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel>
          <h2 className="mb-1 text-lg font-semibold">Your name</h2>
          <p className="mb-4 text-sm text-muted">How you appear on your pages and to your teachers, in class rosters and gradebooks.</p>
          <ChangeNameForm name={user.name} />
        </Panel>
        <Panel>
          <h2 className="mb-1 text-lg font-semibold">Change your password</h2>
          <p className="mb-4 text-sm text-muted">Changing it signs you out everywhere else, on every device where you were signed in.</p>
          <ChangePasswordForm email={user.email} />
        </Panel>
        <Panel id="review-settings" aria-labelledby="review-settings-heading">
          <h2 id="review-settings-heading" className="mb-1 text-lg font-semibold">
            Review settings
          </h2>
          <p className="mb-4 text-sm text-muted">How your daily flashcard queue is planned.</p>
          <ReviewSettingsForm initial={settings} examDates={examDateBounds(dayKeyIn(now))} />
        </Panel>
        {user.role === "admin" ? (
          <Panel>
            <h2 className="mb-1 text-lg font-semibold">Teacher invitations</h2>
            <p className="mb-4 text-sm text-muted">A teacher enters a code when creating their account; each works once.</p>
            <TeacherCodesPanel
              codes={codes.map((c) => {
                const state = describeInvitationState(c, now);
                return { id: c.id, hint: c.hint, note: c.note, state, expiresLabel: formatDateTime(c.expiresAt), isRevocable: state === "unused" };
              })}
            />
          </Panel>
        ) : null}
      </div>
    </>
  );
}
