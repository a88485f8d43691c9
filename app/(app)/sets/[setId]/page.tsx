import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { WrittenSources } from "@/components/authoring/written-sources";
import { CardBrowser } from "@/components/study/card-browser";
import { buttonClass } from "@/components/ui/button";
import { Badge, EmptyState, PageHeader, Panel } from "@/components/ui/panel";
import { orNull } from "@/lib/server/page-data";
import { requireUser } from "@/lib/server/session";
import { getStudySetFor } from "@/lib/server/study";
import { getSetDeletionFor, listWrittenSourcesFor } from "@/lib/server/authoring";
import { ActionForm } from "@/components/classes/action-form";
import { deleteStudySetAction } from "./actions";
import { getAssignOptions } from "@/lib/server/assignments";
import { AssignSetForm } from "@/components/classes/assign-set-form";
import { formatDateTime, formatSource, plural, questionKindLabel, timeInputHint } from "@/lib/format";
import { assignmentKindLabel } from "@/lib/classes/assignments";
import { formatMarksCount } from "@/lib/writing/marks";

export const metadata: Metadata = { title: "Study set" };

/** `?class=` names the class the assign form starts on (the class page links here with it); checked on the server against the teacher's classes. */
export default async function SetPage({ params, searchParams }: { params: Promise<{ setId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ setId }, query, user] = await Promise.all([params, searchParams, requireUser()]);
  const [set, writtenSources] = await Promise.all([orNull(getStudySetFor(user, setId)), orNull(listWrittenSourcesFor(user, setId))]);
  if (!set) notFound();
  const isOwner = set.ownerId === user.id;
  const [assignOptions, deletion] = await Promise.all([
    isOwner && user.role !== "student" ? getAssignOptions(user, set.id, query.class) : null,
    isOwner ? getSetDeletionFor(user, set.id) : null,
  ]);
  const sourcesOf = new Map((writtenSources ?? []).map((w) => [w.questionId, w.sources]));
  const written = set.questions.filter((q) => q.kind === "written");
  const timed = set.questions.filter((q) => q.kind !== "written");
  return (
    <>
      <PageHeader title={set.title} subtitle={set.description ?? undefined}>
        {isOwner ? (
          <Link href={`/sets/${set.id}/edit`} className={buttonClass("secondary")}>
            Edit / review
          </Link>
        ) : null}
        {set.cards.length > 0 ? (
          <Link href={`/sets/${set.id}/review`} className={buttonClass("primary")}>
            Review cards
          </Link>
        ) : null}
      </PageHeader>

      <section aria-labelledby="cards-heading" className="mb-6">
        <h2 id="cards-heading" className="mb-3 text-lg font-semibold">
          Flashcards <span className="text-sm font-normal text-muted">({set.cards.length})</span>
        </h2>
        {set.cards.length === 0 ? <EmptyState>No cards in this set yet.</EmptyState> : <CardBrowser cards={set.cards} />}
      </section>

      <div className="grid gap-4 lg:grid-cols-2">
        <Panel aria-labelledby="written-heading">
          <h2 id="written-heading" className="mb-2 text-lg font-semibold">
            Written-answer questions
          </h2>
          {written.length === 0 ? (
            <EmptyState>No written questions in this set.</EmptyState>
          ) : (
            <ul className="space-y-3">
              {written.map((q) => (
                <li key={q.id} className="rounded-lg bg-surface-2 p-3">
                  <p className="text-sm leading-relaxed">{q.prompt}</p>
                  <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
                    <p className="text-xs text-muted">
                      {formatMarksCount(q.marks)} · {q.wordLimit ? `${q.wordLimit} words · ` : ""}
                      {Math.round(q.timeLimitSec / 60)} min
                    </p>
                    <Link href={`/sets/${set.id}/write/${q.id}`} className={buttonClass("secondary", "min-h-11")} aria-label={`Practise: ${q.prompt.slice(0, 80)}`}>
                      Practise
                    </Link>
                  </div>
                  <WrittenSources sources={sourcesOf.get(q.id) ?? []} isOwner={isOwner} />
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel aria-labelledby="timed-heading">
          <h2 id="timed-heading" className="mb-2 text-lg font-semibold">
            Timed questions <span className="text-sm font-normal text-muted">({timed.length})</span>
          </h2>
          {timed.length === 0 ? (
            <EmptyState>No timed questions in this set.</EmptyState>
          ) : (
            <>
            <ul className="flex flex-wrap gap-1.5">
              {Object.entries(
                timed.reduce<Record<string, number>>((acc, q) => ({ ...acc, [q.kind]: (acc[q.kind] ?? 0) + 1 }), {}),
              ).map(([kind, n]) => (
                <li key={kind}>
                  <Badge>
                    {questionKindLabel[kind] ?? kind}: {n}
                  </Badge>
                </li>
              ))}
            </ul>
            <Link href={`/sets/${set.id}/quiz`} className={buttonClass("primary", "mt-3 w-full sm:w-auto")}>
              Take a quiz
            </Link>
            </>
          )}
        </Panel>
      </div>

      {assignOptions ? (
        <Panel className="mt-6 scroll-mt-4" id="assign" aria-labelledby="assign-heading">
          <h2 id="assign-heading" className="mb-2 text-lg font-semibold">
            Assign to a class
          </h2>
          {assignOptions.assignments.length > 0 ? (
            <>
              <h3 className="text-sm font-medium">Already assigned</h3>
              <ul className="mb-3 divide-y divide-border text-sm">
                {assignOptions.assignments.map((a) => (
                  <li key={a.id} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2">
                    <span>
                      <span className="font-medium">{a.title}</span>{" "}
                      <span className="text-muted">
                        · {assignmentKindLabel[a.kind]} · {a.className}
                        {a.dueAt ? ` · due ${formatDateTime(a.dueAt)}` : ""}
                      </span>
                    </span>
                    <Link href={`/classes/${a.classId}/assignments/${a.id}`} className="text-accent underline-offset-2 hover:underline">
                      Gradebook<span className="sr-only"> of {a.title} ({a.className})</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {set.status !== "published" ? (
            <EmptyState>Publish the set first: students only see published sets.</EmptyState>
          ) : assignOptions.classes.length === 0 ? (
            <EmptyState>
              You have no classes yet. <Link href="/classes" className="text-accent underline-offset-2 hover:underline">Create one</Link> to assign this set.
            </EmptyState>
          ) : (
            <AssignSetForm
              studySetId={set.id}
              defaultTitle={set.title}
              classes={assignOptions.classes.map((c) => ({ id: c.id, name: c.name }))}
              defaultClassId={assignOptions.preselectedClassId ?? undefined}
              writtenQuestions={written.map((q) => ({ id: q.id, prompt: q.prompt }))}
              quizQuestions={timed.map((q) => ({ id: q.id, prompt: q.prompt }))}
              timeHint={timeInputHint(new Date())}
            />
          )}
        </Panel>
      ) : null}

      {deletion ? (
        <Panel className="mt-6" aria-labelledby="delete-heading">
          <h2 id="delete-heading" className="mb-2 text-lg font-semibold">
            Delete the set
          </h2>
          {deletion.isAllowed ? (
            <details>
              <summary className="cursor-pointer text-sm text-bad">
                Delete this set<span className="sr-only"> “{set.title}”</span>
              </summary>
              <p className="mt-2 text-sm text-muted">{deletion.consequence}</p>
              <ActionForm
                action={deleteStudySetAction}
                input={{ setId: set.id }}
                submitLabel={
                  <>
                    Yes, delete<span className="sr-only"> the set “{set.title}”</span>
                  </>
                }
                pendingLabel="Deleting…"
                variant="danger"
                className="mt-2"
              />
            </details>
          ) : (
            <p className="text-sm text-muted">{deletion.reason}</p>
          )}
        </Panel>
      ) : null}

      {set.credits.length > 0 || set.materials.length > 0 ? (
        <Panel className="mt-6" aria-labelledby="sources-heading">
          <h2 id="sources-heading" className="mb-2 text-lg font-semibold">
            Sources
          </h2>
          <ul className="space-y-2 text-sm">
            {(set.credits.length > 0
              ? set.credits.map((c) => ({ key: `${c.outlet}-${c.title}`, line: `${c.outlet}, ${c.date}`, title: c.title, note: c.note }))
              : set.materials.map((m) => ({ key: m.id, line: formatSource(m.outlet, m.publishedAt), title: m.source, note: undefined }))
            ).map((c) => (
              <li key={c.key}>
                <span className="font-medium">{c.title}</span> — <span className="text-muted">{c.line}</span>
                {c.note ? <span className="block text-xs text-muted">{c.note}</span> : null}
              </li>
            ))}
          </ul>
          <p className="mt-3 text-xs text-muted">
            {plural(set.materials.length, "study note")} written by Crux in its own words from these sources; every card cites the sentence it rests on.
          </p>
        </Panel>
      ) : null}
    </>
  );
}
