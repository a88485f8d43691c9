import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/classes/action-form";
import { CopyInviteLink } from "@/components/classes/copy-invite-link";
import { buttonClass } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { Badge, EmptyState, PageHeader, Panel } from "@/components/ui/panel";
import { getClassFor } from "@/lib/server/classes";
import { listAssignableSetsFor } from "@/lib/server/assignments";
import { orNull } from "@/lib/server/page-data";
import { requireUser } from "@/lib/server/session";
import { formatDate, formatDateTime, plural, timeInputHint } from "@/lib/format";
import { describeExtraTime } from "@/lib/classes/accommodations";
import { assignmentKindLabel, releaseConfirmation, resultReleasePhrase } from "@/lib/classes/assignments";
import {
  addCoTeacherAction,
  deleteAssignmentAction,
  extendDueDateAction,
  releaseResultsAction,
  removeCoTeacherAction,
  removeStudentAction,
  renewCoTeacherCodeAction,
  renewJoinCodeAction,
  restoreStudentAction,
  setExtraTimeAction,
  setJoiningAction,
} from "./actions";

export const metadata: Metadata = { title: "Class" };

export default async function ClassPage({ params }: { params: Promise<{ classId: string }> }) {
  const [{ classId }, user] = await Promise.all([params, requireUser()]);
  const detail = await orNull(getClassFor(user, classId));
  if (!detail) notFound();
  const isOwner = detail.teacherId === user.id || user.role === "admin";
  const isTeacher = isOwner || detail.coTeachers.some((t) => t.id === user.id);
  // Only those who teach the class may assign to it (an administrator may look, not assign).
  const canAssign = detail.teacherId === user.id || detail.coTeachers.some((t) => t.id === user.id);
  const assignableSets = canAssign ? await listAssignableSetsFor(user) : [];
  const isClosed = detail.joiningClosedAt !== null;
  return (
    <>
      <PageHeader title={detail.name} subtitle={`Teacher: ${detail.teacherName} · ${plural(detail.studentCount, "student")}`}>
        {isTeacher ? (
          <nav aria-label="Class pages" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <Link href={`/classes/${detail.id}/overview`} className="text-accent underline-offset-2 hover:underline">
              Class overview
            </Link>
            <Link href={`/classes/${detail.id}/to-check`} className="text-accent underline-offset-2 hover:underline">
              To check
            </Link>
          </nav>
        ) : null}
      </PageHeader>
      {isTeacher ? (
        <Panel aria-labelledby="joining-heading" className="mb-4 space-y-3">
          <h2 id="joining-heading" className="text-lg font-semibold">
            Joining
          </h2>
          <p className="text-sm">
            Join code <code className="rounded bg-surface-2 px-2 py-1 font-mono text-base">{detail.joinCode}</code>{" "}
            {isClosed ? <Badge tone="warn">Joining closed {formatDateTime(detail.joiningClosedAt!)}</Badge> : <Badge tone="good">Open to new students</Badge>}
          </p>
          <CopyInviteLink joinCode={detail.joinCode} />
          <div className="flex flex-wrap gap-2">
            <ActionForm action={renewJoinCodeAction} input={{ classId: detail.id }} submitLabel="Renew the code" pendingLabel="Renewing…" doneMessage="New code made: the old code and link no longer work." />
            <ActionForm
              action={setJoiningAction}
              input={{ classId: detail.id, isClosed: !isClosed }}
              submitLabel={isClosed ? "Reopen joining" : "Close joining"}
              pendingLabel="Saving…"
              doneMessage={isClosed ? "Students can join again." : "Joining closed: students already in the class stay."}
            />
          </div>
        </Panel>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel aria-labelledby="assignments-heading">
          <h2 id="assignments-heading" className="mb-2 text-lg font-semibold">
            Assignments
          </h2>
          {detail.assignments.length === 0 ? (
            <EmptyState>{canAssign ? "No assignments yet. Assign one of your study sets below." : "No assignments yet."}</EmptyState>
          ) : (
            <ul className="divide-y divide-border">
              {detail.assignments.map((a) => (
                <li key={a.id} className="space-y-2 py-3">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <div>
                      <p className="font-medium">{a.title}</p>
                      <p className="text-sm text-muted">
                        {assignmentKindLabel[a.kind]} ·{" "}
                        {isTeacher ? (
                          <Link href={`/sets/${a.studySetId}`} className="text-accent underline-offset-2 hover:underline">
                            <span className="sr-only">Study set </span>
                            {a.studySetTitle}
                          </Link>
                        ) : (
                          a.studySetTitle
                        )}
                      </p>
                    </div>
                    <div className="flex flex-wrap items-center gap-2">
                      {a.dueAt ? <Badge>Due {formatDateTime(a.dueAt)}</Badge> : null}
                      {isTeacher ? (
                        <Link href={`/classes/${detail.id}/assignments/${a.id}`} className="text-sm text-accent underline-offset-2 hover:underline">
                          Gradebook<span className="sr-only"> of {a.title}</span>
                        </Link>
                      ) : null}
                    </div>
                  </div>
                  {isTeacher ? (
                    <>
                      <p className="text-sm text-muted">
                        Results: {resultReleasePhrase(a.resultRelease)}
                        {a.resultRelease === "by_teacher" ? (a.resultsReleasedAt ? ` · released ${formatDateTime(a.resultsReleasedAt)}` : " · not released yet") : ""}
                        {a.extensions.length > 0
                          ? ` · extended for ${a.extensions
                              .map((e) => `${detail.students.find((s) => s.id === e.studentId)?.name ?? "a removed student"} to ${formatDateTime(e.dueAt)}`)
                              .join(", ")}`
                          : ""}
                      </p>
                      {a.resultRelease === "by_teacher" && a.kind !== "study_set" ? (
                        a.resultsReleasedAt ? (
                          <ActionForm
                            action={releaseResultsAction}
                            input={{ assignmentId: a.id, isReleased: false }}
                            submitLabel={
                              <>
                                Withdraw results<span className="sr-only"> of {a.title}</span>
                              </>
                            }
                            pendingLabel="Saving…"
                            doneMessage="Results hidden again."
                          />
                        ) : (
                          // Releasing cannot be taken back from a student who has read them: a confirmation step says what they will see.
                          <details>
                            <summary className={buttonClass("primary", "cursor-pointer list-none [&::-webkit-details-marker]:hidden")}>
                              Release results…<span className="sr-only"> of {a.title}</span>
                            </summary>
                            <p className="mt-2 max-w-prose text-sm text-muted">{releaseConfirmation(a.kind)}</p>
                            <ActionForm
                              action={releaseResultsAction}
                              input={{ assignmentId: a.id, isReleased: true }}
                              submitLabel={
                                <>
                                  Yes, release results<span className="sr-only"> of {a.title}</span>
                                </>
                              }
                              pendingLabel="Releasing…"
                              variant="primary"
                              doneMessage="Results and model answers released."
                              className="mt-2"
                            />
                          </details>
                        )
                      ) : null}
                      {detail.students.length > 0 ? (
                        <details>
                          <summary className="cursor-pointer text-sm text-accent">
                            Extend the due date for a student<span className="sr-only"> ({a.title})</span>
                          </summary>
                          <ActionForm action={extendDueDateAction} input={{ assignmentId: a.id }} submitLabel="Extend" pendingLabel="Saving…" doneMessage="Due date extended." className="mt-2">
                            <SelectField label="Student" name="studentId" id={`extend-student-${a.id}`}>
                              {detail.students.map((s) => (
                                <option key={s.id} value={s.id}>
                                  {s.name}
                                </option>
                              ))}
                            </SelectField>
                            <Field label="New due time" name="dueAt" id={`extend-due-${a.id}`} type="datetime-local" hint={timeInputHint(new Date())} />
                          </ActionForm>
                        </details>
                      ) : null}
                      {a.hasAttempts ? null : (
                        <details>
                          <summary className="cursor-pointer text-sm text-bad">
                            Delete assignment<span className="sr-only"> “{a.title}” ({a.studySetTitle})</span>
                          </summary>
                          <p className="mt-2 text-sm text-muted">
                            {a.kind === "study_set"
                              ? "Students keep every card they have reviewed. "
                              : "No student has started it yet. "}
                            Deleting it removes it from the students&apos; lists{a.kind === "quiz" ? " with its quiz" : ""}
                            {a.extensions.length > 0 ? " and its due-date extensions" : ""}; you can assign the set again afterwards.
                          </p>
                          <ActionForm
                            action={deleteAssignmentAction}
                            input={{ assignmentId: a.id }}
                            submitLabel={
                              <>
                                Yes, delete<span className="sr-only"> assignment “{a.title}” ({a.studySetTitle})</span>
                              </>
                            }
                            pendingLabel="Deleting…"
                            variant="danger"
                            doneMessage="Assignment deleted."
                            className="mt-2"
                          />
                        </details>
                      )}
                    </>
                  ) : a.extensions[0] ? (
                    <p className="text-sm text-muted">Your due time is extended to {formatDateTime(a.extensions[0].dueAt)}.</p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {!isTeacher && detail.assignments.length > 0 ? (
            <p className="mt-2 text-sm text-muted">
              Start and hand in the work from your{" "}
              <Link href="/assignments" className="text-accent underline-offset-2 hover:underline">
                Assignments
              </Link>{" "}
              page.
            </p>
          ) : null}
          {canAssign ? (
            <section aria-labelledby="assign-set-heading" className="mt-4 border-t border-border pt-3">
              <h3 id="assign-set-heading" className="font-semibold">
                Assign a study set
              </h3>
              {assignableSets.length === 0 ? (
                <p className="mt-1 text-sm text-muted">
                  You have no published study sets to assign.{" "}
                  <Link href="/sets" className="text-accent underline-offset-2 hover:underline">
                    Open your study sets
                  </Link>{" "}
                  to publish one, or make a new one.
                </p>
              ) : (
                <>
                  <p className="mt-1 text-sm text-muted">Your published sets. Each opens its set page with this class chosen in its assign form.</p>
                  <ul className="mt-1 divide-y divide-border text-sm">
                    {assignableSets.map((set) => (
                      <li key={set.id} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2">
                        <span>
                          <span className="font-medium">{set.title}</span>{" "}
                          <span className="text-muted">
                            · {plural(set.cardCount, "card")} · {plural(set.questionCount, "question")}
                          </span>
                        </span>
                        <Link href={`/sets/${set.id}?class=${encodeURIComponent(detail.id)}#assign`} className="text-accent underline-offset-2 hover:underline">
                          Assign<span className="sr-only"> “{set.title}” to {detail.name}</span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          ) : null}
        </Panel>
        {isTeacher ? (
          <Panel aria-labelledby="students-heading">
            <h2 id="students-heading" className="mb-2 text-lg font-semibold">
              Students
            </h2>
            {detail.students.length === 0 ? (
              <EmptyState>No students yet. Share the join code {detail.joinCode} or the invite link with your class.</EmptyState>
            ) : (
              <ul className="divide-y divide-border">
                {detail.students.map((s) => (
                  <li key={s.id} className="space-y-2 py-3">
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <div>
                        <Link href={`/classes/${detail.id}/students/${s.id}`} className="font-medium text-accent underline-offset-2 hover:underline">
                          {s.name}
                        </Link>
                        <p className="text-sm text-muted">
                          {s.email} · joined {formatDate(s.joinedAt)} · {s.lastActiveAt ? `last active ${formatDateTime(s.lastActiveAt)}` : "no activity yet"}
                          {describeExtraTime(s) ? ` · extra time ${describeExtraTime(s)}` : ""}
                        </p>
                      </div>
                      <details className="text-right">
                        <summary className="cursor-pointer text-sm text-accent">
                          Remove<span className="sr-only"> {s.name} ({s.email})</span>
                        </summary>
                        <p className="mt-2 max-w-xs text-left text-sm text-muted">They will no longer see the class; their work stays on record and you can restore them.</p>
                        <ActionForm
                          action={removeStudentAction}
                          input={{ classId: detail.id, studentId: s.id }}
                          submitLabel={
                            <>
                              Yes, remove<span className="sr-only"> {s.name} ({s.email}) from the class</span>
                            </>
                          }
                          pendingLabel="Removing…"
                          variant="danger"
                          className="mt-2 justify-end"
                        />
                      </details>
                    </div>
                    <details>
                      <summary className="cursor-pointer text-sm text-accent">
                        Extra time<span className="sr-only"> for {s.name}</span>
                      </summary>
                      <ActionForm action={setExtraTimeAction} input={{ classId: detail.id, studentId: s.id }} submitLabel="Save extra time" pendingLabel="Saving…" doneMessage="Extra time saved: it applies to attempts started from now." className="mt-2">
                        <Field label="Time × (e.g. 1.5)" name="extraTimeMultiplier" id={`multiplier-${s.id}`} inputMode="decimal" defaultValue={s.extraTimeMultiplier ?? ""} />
                        <Field label="Added minutes" name="extraTimeMinutes" id={`minutes-${s.id}`} inputMode="numeric" defaultValue={s.extraTimeMinutes ?? ""} />
                      </ActionForm>
                    </details>
                  </li>
                ))}
              </ul>
            )}
            {detail.removedStudents.length > 0 ? (
              <>
                <h3 className="mt-4 mb-1 font-semibold">Removed students</h3>
                <p className="mb-2 text-sm text-muted">Their work stays on record; they no longer see the class.</p>
                <ul className="divide-y divide-border">
                  {detail.removedStudents.map((s) => (
                    <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <span>
                        {s.name} <span className="text-sm text-muted">· removed {formatDate(s.removedAt)}</span>
                      </span>
                      <ActionForm
                        action={restoreStudentAction}
                        input={{ classId: detail.id, studentId: s.id }}
                        submitLabel={
                          <>
                            Restore<span className="sr-only"> {s.name}</span>
                          </>
                        }
                        pendingLabel="Restoring…"
                      />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </Panel>
        ) : null}
        {isTeacher ? (
          <Panel aria-labelledby="co-teachers-heading">
            <h2 id="co-teachers-heading" className="mb-2 text-lg font-semibold">
              Co-teachers
            </h2>
            {detail.coTeachers.length === 0 ? (
              <EmptyState>No co-teachers. They see this class, its students&apos; work for it and its gradebooks.</EmptyState>
            ) : (
              <ul className="mb-3 divide-y divide-border">
                {detail.coTeachers.map((t) => (
                  <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>
                      {t.name} <span className="text-sm text-muted">· {t.email}</span>
                    </span>
                    {isOwner || t.id === user.id ? (
                      <ActionForm
                        action={removeCoTeacherAction}
                        input={{ classId: detail.id, teacherId: t.id }}
                        submitLabel={t.id === user.id ? "Leave the class" : <>Remove<span className="sr-only"> {t.name}</span></>}
                        pendingLabel="Saving…"
                        variant="ghost"
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {isOwner ? (
              <div className="space-y-3">
                <ActionForm action={addCoTeacherAction} input={{ classId: detail.id }} submitLabel="Add co-teacher" pendingLabel="Adding…" doneMessage="Co-teacher added.">
                  <Field label="Teacher's email" name="email" id="co-teacher-email" type="email" autoComplete="off" />
                </ActionForm>
                <p className="text-sm">
                  Co-teacher code{" "}
                  {detail.coTeacherCode ? <code className="rounded bg-surface-2 px-2 py-1 font-mono">{detail.coTeacherCode}</code> : <span className="text-muted">none yet</span>}
                  <span className="block text-muted">Another teacher enters it on their Classes page to share this class.</span>
                </p>
                <ActionForm action={renewCoTeacherCodeAction} input={{ classId: detail.id }} submitLabel={detail.coTeacherCode ? "Renew the co-teacher code" : "Make a co-teacher code"} pendingLabel="Saving…" />
              </div>
            ) : null}
          </Panel>
        ) : null}
      </div>
    </>
  );
}
