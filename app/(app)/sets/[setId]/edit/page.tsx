import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddWrittenQuestionForm } from "@/components/authoring/add-written-question-form";
import { ImportModelAnswerForm } from "@/components/authoring/import-model-answer-form";
import { JobProgress } from "@/components/authoring/job-progress";
import { PublishBar } from "@/components/authoring/publish-bar";
import { ReviewBoard } from "@/components/authoring/review-board";
import { Badge, PageHeader, Panel } from "@/components/ui/panel";
import { formatDate, formatSource } from "@/lib/format";
import { getAuthoringFor } from "@/lib/server/authoring";
import { wakeGenerationDispatcher } from "@/lib/server/generation-dispatcher";
import { orNull } from "@/lib/server/page-data";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Review study set" };

export default async function EditSetPage({ params }: { params: Promise<{ setId: string }> }) {
  const [{ setId }, user] = await Promise.all([params, requireUser()]);
  const page = await orNull(getAuthoringFor(user, setId, new Date()));
  if (!page) notFound();
  const { set, counts, job } = page;
  // A job left without a worker (queued, or its worker died in a restart) starts again from here.
  if (job?.isWaitingForWorker) wakeGenerationDispatcher();
  const isProcessing = job?.status === "queued" || job?.status === "running";

  return (
    <>
      <PageHeader title={set.title} subtitle="Review the drafts: each shows the sentence it comes from. Only accepted items reach learners.">
        <div className="flex flex-wrap items-center gap-3">
          {set.status === "published" ? <Badge tone="accent">Published{set.publishedAt ? ` ${formatDate(set.publishedAt)}` : ""}</Badge> : <Badge tone="neutral">Draft</Badge>}
          <Link href={`/sets/${set.id}`} className="text-sm text-accent underline-offset-2 hover:underline">
            View as a learner
          </Link>
        </div>
      </PageHeader>

      <div className="mb-6 grid gap-4 lg:grid-cols-2">
        {job && (isProcessing || job.status === "failed") ? (
          <JobProgress key={`${job.id}-${job.status}`} setId={set.id} jobId={job.id} initial={{ status: job.status, progress: job.progress, total: job.total, stage: job.stage, error: job.error, queuePosition: job.queuePosition }} />
        ) : (
          <Panel aria-labelledby="materials-heading">
            <h2 id="materials-heading" className="mb-2 text-lg font-semibold">
              Material
            </h2>
            <ul className="space-y-1 text-sm">
              {set.materials.map((m) => (
                <li key={m.id}>
                  <span className="font-medium">{m.title}</span>
                  <span className="text-muted"> — {[formatSource(m.outlet, m.publishedAt), m.source === "pasted" ? "pasted text" : m.source].filter(Boolean).join(" · ")}</span>
                </li>
              ))}
            </ul>
          </Panel>
        )}
        <PublishBar setId={set.id} counts={counts} status={set.status} isProcessing={isProcessing} />
      </div>

      {!isProcessing ? <ReviewBoard set={set} /> : null}

      {!isProcessing ? (
        <div className="mt-2 grid gap-4 lg:grid-cols-2">
          <Panel>
            <AddWrittenQuestionForm setId={set.id} />
          </Panel>
          <Panel>
            <ImportModelAnswerForm setId={set.id} />
          </Panel>
        </div>
      ) : null}
    </>
  );
}
