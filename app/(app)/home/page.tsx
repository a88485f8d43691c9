import type { Metadata } from "next";
import Link from "next/link";
import { SetList } from "@/components/study/set-list";
import { ClassList } from "@/components/classes/class-list";
import { CreateClassForm } from "@/components/classes/create-class-form";
import { JoinClassForm } from "@/components/classes/join-class-form";
import { StudentAssignmentList } from "@/components/classes/student-assignment-list";
import { buttonClass } from "@/components/ui/button";
import { PageHeader, Panel } from "@/components/ui/panel";
import { getStudentHome, getTeacherHome } from "@/lib/server/dashboard";
import { requireUser } from "@/lib/server/session";
import { formatDateTime, formatDayKey, plural } from "@/lib/format";
import type { UserRecord } from "@/lib/db/users";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const user = await requireUser();
  return user.role === "student" ? <StudentHomePage user={user} /> : <TeacherHomePage user={user} />;
}

async function StudentHomePage({ user }: { user: UserRecord }) {
  const now = new Date();
  const home = await getStudentHome(user, now);
  const total = home.due.dueCount + home.due.newToday;
  return (
    <>
      <PageHeader title={`Hello, ${user.name.split(" ")[0]}`} subtitle="Here is what is waiting for you today." />
      {home.changedMarks.length > 0 ? (
        <Panel aria-labelledby="changed-heading" className="mb-4 border-accent" data-testid="mark-changed">
          <h2 id="changed-heading" className="text-lg font-semibold">
            {home.changedMarks.some((c) => c.hasRegradeAnswer) ? "Your teacher changed a mark or answered a regrade request" : "Your teacher changed a mark"}
          </h2>
          <ul className="mt-1 space-y-1 text-sm">
            {home.changedMarks.map((c) => (
              <li key={c.attemptId}>
                <Link href={`/attempts/${c.attemptId}`} className="text-accent underline-offset-2 hover:underline">
                  {c.questionPrompt}
                </Link>{" "}
                <span className="text-muted">
                  · {c.hasRegradeAnswer ? "regrade request answered, " : ""}
                  {formatDateTime(c.changedAt)}
                </span>
              </li>
            ))}
          </ul>
        </Panel>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel aria-labelledby="due-heading">
          <h2 id="due-heading" className="text-lg font-semibold">
            Due for review
          </h2>
          <p className="mt-2 text-3xl font-bold" data-testid="due-count">
            {total}
          </p>
          <p className="text-sm text-muted">
            {plural(home.due.dueCount, "card")} due · {plural(home.due.newToday, "new card")} for today · {plural(home.reviewedToday, "review")} done today
            {home.due.examDate ? ` · exam ${formatDayKey(home.due.examDate)}` : ""}
          </p>
          {home.due.dueCount === 0 && home.due.nextDueAt ? (
            <p className="mt-1 text-sm text-muted">Next review: {formatDateTime(home.due.nextDueAt)}</p>
          ) : null}
          {total > 0 ? (
            <Link href="/review" className={buttonClass("primary", "mt-4")}>
              Start reviewing
            </Link>
          ) : null}
          <Link href="/account#review-settings" className="ml-3 text-sm text-accent underline-offset-2 hover:underline">
            Exam date and daily limits
          </Link>
        </Panel>
        <Panel aria-labelledby="assigned-heading">
          <h2 id="assigned-heading" className="text-lg font-semibold">
            Assigned work
          </h2>
          <StudentAssignmentList assignments={home.assigned.filter((a) => a.state !== "done" || a.isLate)} empty="Nothing to do. Join your teacher's class with its code to see their work here." />
          <Link href="/assignments" className="mt-2 inline-block text-sm text-accent underline-offset-2 hover:underline">
            All your assignments
          </Link>
        </Panel>
      </div>
      <section className="mt-6" aria-labelledby="sets-heading">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="sets-heading" className="text-lg font-semibold">
            Your study sets
          </h2>
          <Link href="/sets/new" className={buttonClass("secondary")}>
            New study set
          </Link>
        </div>
        <SetList sets={home.sets} empty="No study sets yet." />
      </section>
      <section className="mt-6 grid gap-4 lg:grid-cols-2" aria-labelledby="classes-heading">
        <Panel>
          <h2 id="classes-heading" className="mb-2 text-lg font-semibold">
            Your classes
          </h2>
          <ClassList classes={home.classes} role="student" />
        </Panel>
        <Panel>
          <h2 className="mb-2 text-lg font-semibold">Join a class</h2>
          <JoinClassForm />
        </Panel>
      </section>
    </>
  );
}

async function TeacherHomePage({ user }: { user: UserRecord }) {
  const home = await getTeacherHome(user);
  return (
    <>
      <PageHeader title={`Hello, ${user.name.split(" ")[0]}`} subtitle="Your classes and study sets." />
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel aria-labelledby="classes-heading">
          <h2 id="classes-heading" className="mb-2 text-lg font-semibold">
            Classes
          </h2>
          <ClassList classes={home.classes} role="teacher" />
        </Panel>
        <Panel>
          <h2 className="mb-2 text-lg font-semibold">New class</h2>
          <CreateClassForm />
        </Panel>
      </div>
      <section className="mt-6" aria-labelledby="sets-heading">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="sets-heading" className="text-lg font-semibold">
            Study sets
          </h2>
          <Link href="/sets/new" className={buttonClass("primary")}>
            New study set
          </Link>
        </div>
        <SetList sets={home.sets} empty="No study sets yet." />
      </section>
    </>
  );
}
