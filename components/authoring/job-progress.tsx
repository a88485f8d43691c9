"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { retryGenerationJobAction } from "@/app/(app)/sets/[setId]/edit/actions";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "./item-controls";

export interface JobSnapshot {
  status: "queued" | "running" | "succeeded" | "failed";
  progress: number;
  total: number;
  stage: string | null;
  error: string | null;
  /** Place in line while queued (1 = next), else null. */
  queuePosition: number | null;
}

const POLL_MS = 1500;

/**
 * Live progress of a generation job: polls its status route (which also restarts a job whose worker
 * died) and refreshes the page once the job has finished, so the drafts appear.
 */
export function JobProgress({ setId, jobId, initial }: { setId: string; jobId: string; initial: JobSnapshot }) {
  const router = useRouter();
  const retry = useActionRunner();
  const [job, setJob] = useState<JobSnapshot>(initial);
  const [isOffline, setIsOffline] = useState(false);
  const isActive = job.status === "queued" || job.status === "running";
  const refreshed = useRef(false);

  useEffect(() => {
    if (!isActive) return;
    let isCancelled = false;
    const timer = setInterval(() => {
      fetch(`/api/jobs/${jobId}`, { cache: "no-store" })
        .then(async (response) => {
          const body = (await response.json()) as { ok: boolean; job?: JobSnapshot };
          if (isCancelled || !body.ok || !body.job) return;
          setIsOffline(false);
          setJob(body.job);
        })
        .catch(() => {
          if (!isCancelled) setIsOffline(true);
        });
    }, POLL_MS);
    return () => {
      isCancelled = true;
      clearInterval(timer);
    };
  }, [jobId, isActive]);

  useEffect(() => {
    if (!isActive && !refreshed.current && job.status !== initial.status) {
      refreshed.current = true;
      router.refresh();
    }
  }, [isActive, job.status, initial.status, router]);

  if (job.status === "failed") {
    return (
      <div role="alert" className="rounded-xl border border-bad/40 bg-surface p-4">
        <p className="font-semibold text-bad">Processing failed</p>
        <p className="mt-1 text-sm">{job.error ?? "The material could not be processed."}</p>
        {retry.error ? <p className="mt-2 text-sm text-bad">{retry.error}</p> : null}
        <Button variant="secondary" className="mt-3" disabled={retry.isPending} onClick={() => retry.run(() => retryGenerationJobAction(setId))}>
          {retry.isPending ? "Starting again…" : "Try again"}
        </Button>
      </div>
    );
  }
  if (job.status === "succeeded") {
    return (
      <p role="status" className="rounded-xl border border-border bg-surface p-4 text-sm">
        {job.stage ?? "Done."}
      </p>
    );
  }
  const percent = job.total > 0 ? Math.round((Math.min(job.progress, job.total) / job.total) * 100) : 0;
  return (
    <div className="rounded-xl border border-border bg-surface p-4" aria-busy="true">
      <p className="font-semibold" id={`job-${jobId}-label`}>
        {job.status === "queued"
          ? job.queuePosition && job.queuePosition > 1
            ? `Waiting in line: ${job.queuePosition - 1} ${job.queuePosition === 2 ? "set" : "sets"} ahead of this one…`
            : "Waiting to start…"
          : "Processing the material…"}
      </p>
      <div
        role="progressbar"
        aria-labelledby={`job-${jobId}-label`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={job.stage ?? `${percent}%`}
        className="mt-3 h-2 overflow-hidden rounded-full bg-surface-2"
      >
        <div className="h-full rounded-full bg-accent transition-[width]" style={{ width: `${Math.max(4, percent)}%` }} />
      </div>
      <p className="mt-2 text-sm text-muted" aria-live="polite">
        {job.stage ?? "Starting"} · {percent}%
      </p>
      {isOffline ? <p className="mt-1 text-sm text-warn">Lost contact with the server; still trying. The job keeps running.</p> : null}
      <p className="mt-1 text-xs text-muted">You can leave this page: processing continues and is saved.</p>
    </div>
  );
}
