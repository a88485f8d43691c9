import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { UserRecord } from "@/lib/db/users";
import { getDb } from "@/lib/db/client";
import { createDraftStudySet } from "@/lib/db/authoring";
import { claimGenerationJob, claimNextGenerationJob, recordJobProgress } from "@/lib/db/jobs";
import { createStudySetFromMaterial, getAuthoringFor, importModelAnswerFor } from "@/lib/server/authoring";
import { getJobStatusFor, JOB_LEASE_MS, MAX_JOB_RUNS, resumeGenerationJobs, retryGenerationJobFor, runGenerationJob } from "@/lib/server/jobs";
import { createTestUser } from "../support/actors";
import { closeEnginePool } from "@/lib/server/engine-pool";
import { useTestDatabase } from "../support/database";
import { RIVER_ARTICLE, SECOND_ARTICLE } from "./authoring-fixtures";
import { describeWithShared, readShared } from "../support/shared-material";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");
const at = (ms: number) => () => new Date(NOW.getTime() + ms);

let owner: UserRecord;
let otherTeacher: UserRecord;

const makeUser = (name: string, role: "student" | "teacher"): Promise<UserRecord> => createTestUser(name, role, "jobs.example");

/** A new set from the two test articles, with its job queued. */
function newSet(questions = "") {
  return createStudySetFromMaterial(owner, {
    fields: { title: "Indus waters", pasteText: RIVER_ARTICLE, pasteOutlet: "Test Times", pastePublishedAt: "2025-05-02", questions },
    files: [{ name: "glaciers.md", size: Buffer.byteLength(SECOND_ARTICLE), bytes: async () => new TextEncoder().encode(SECOND_ARTICLE) }],
  });
}

async function jobRow(id: string) {
  const db = await getDb();
  return db.generationJob.findUniqueOrThrow({ where: { id } });
}

let owners = 0;
beforeAll(async () => {
  otherTeacher = await makeUser("other", "teacher");
});
// One author per test: a job a test leaves running would otherwise hold the next test's jobs in line.
beforeEach(async () => {
  owner = await makeUser(`owner${++owners}`, "teacher");
});
afterAll(() => closeEnginePool());

describe("claiming a generation job", () => {
  it("gives a queued job to exactly one of two racing workers", async () => {
    const { jobId } = await newSet();
    const claims = await Promise.all([claimGenerationJob(jobId, NOW, JOB_LEASE_MS), claimGenerationJob(jobId, NOW, JOB_LEASE_MS)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const job = await jobRow(jobId);
    expect(job.status).toBe("running");
    expect(job.runCount).toBe(1);
    expect(job.leaseUntil).toEqual(new Date(NOW.getTime() + JOB_LEASE_MS));
    expect(job.startedAt).toEqual(NOW);
  });

  it("leaves a running job alone while its lease holds", async () => {
    const { jobId } = await newSet();
    expect(await claimGenerationJob(jobId, NOW, JOB_LEASE_MS)).not.toBeNull();
    expect(await claimGenerationJob(jobId, new Date(NOW.getTime() + JOB_LEASE_MS - 1), JOB_LEASE_MS)).toBeNull();
  });

  it("reclaims a running job whose lease has lapsed, and fences out the old worker", async () => {
    const { jobId } = await newSet();
    const first = await claimGenerationJob(jobId, NOW, JOB_LEASE_MS);
    const later = new Date(NOW.getTime() + JOB_LEASE_MS + 1);
    const second = await claimGenerationJob(jobId, later, JOB_LEASE_MS);
    expect(second?.runCount).toBe(2);
    expect(await recordJobProgress(first!, { stage: "stale worker", progress: 1 }, later, JOB_LEASE_MS)).toBe(false);
    expect(await recordJobProgress(second!, { stage: "new worker", progress: 1 }, later, JOB_LEASE_MS)).toBe(true);
    expect((await jobRow(jobId)).stage).toBe("new worker");
  });
});

describe("one running job per author", () => {
  it("keeps an author's second job in line while the first runs, showing its place, and runs it after", async () => {
    const first = await newSet();
    const second = await newSet();
    expect((await claimNextGenerationJob(NOW, JOB_LEASE_MS))?.job.id).toBe(first.jobId);
    expect(await claimGenerationJob(second.jobId, NOW, JOB_LEASE_MS)).toBeNull();
    expect((await getJobStatusFor(owner, second.jobId, NOW)).queuePosition).toBe(2);
    const db = await getDb();
    await db.generationJob.update({ where: { id: first.jobId }, data: { status: "succeeded", leaseUntil: null } });
    expect((await claimGenerationJob(second.jobId, NOW, JOB_LEASE_MS))?.job.id).toBe(second.jobId);
    await db.generationJob.update({ where: { id: second.jobId }, data: { status: "succeeded", leaseUntil: null } });
  });
});

describe("running a generation job", () => {
  it("writes every item as a draft whose evidence quotes its material exactly, and succeeds", async () => {
    const { setId, jobId } = await newSet("Examine how the suspension of the Indus Waters Treaty strains India–Pakistan relations.");
    expect(await runGenerationJob(jobId, at(1_000))).toBe("succeeded");
    const job = await jobRow(jobId);
    expect(job.status).toBe("succeeded");
    expect(job.progress).toBe(job.total);
    expect(job.total).toBe(4);
    expect(job.stage).toMatch(/^Done: \d+ cards?, \d+ questions? to review$/);
    expect(job.leaseUntil).toBeNull();
    expect(job.finishedAt).toEqual(at(1_000)());

    const db = await getDb();
    const set = await db.studySet.findUniqueOrThrow({
      where: { id: setId },
      select: { status: true, cards: { select: { status: true } }, questions: { select: { status: true, kind: true, prompt: true, modelAnswer: { select: { id: true } }, rubricPoints: { select: { id: true } } } } },
    });
    expect(set.status).toBe("draft");
    // Five cards from the two short articles (a sixth, "When? Analysts say the dispute has shifted…", went on 7 Dec 2026:
    // an analysts' view is not a checkable fact).
    expect(set.cards.length).toBeGreaterThanOrEqual(5);
    expect(set.questions.length).toBeGreaterThan(3);
    expect([...set.cards, ...set.questions].every((i) => i.status === "draft")).toBe(true);
    const typed = set.questions.find((q) => q.prompt.startsWith("Examine how the suspension"));
    expect(typed?.kind).toBe("written");
    expect(typed?.modelAnswer).not.toBeNull();
    expect(typed?.rubricPoints.length).toBeGreaterThan(2);

    const spans = await db.evidenceSpan.findMany({
      where: { OR: [{ card: { studySetId: setId } }, { question: { studySetId: setId } }, { option: { question: { studySetId: setId } } }, { modelAnswerPoint: { section: { modelAnswer: { question: { studySetId: setId } } } } }] },
      include: { material: { select: { text: true, outlet: true } } },
    });
    expect(spans.length).toBeGreaterThan(set.cards.length);
    for (const span of spans) expect(span.material.text.slice(span.start, span.end)).toBe(span.quote);
    expect(spans.some((s) => s.material.outlet === "Test Times")).toBe(true);
  });

  it("does nothing for a job that has already finished", async () => {
    const { jobId } = await newSet();
    expect(await runGenerationJob(jobId, at(0))).toBe("succeeded");
    const db = await getDb();
    const cards = await db.card.count();
    expect(await runGenerationJob(jobId, at(10_000))).toBe("not-claimed");
    expect(await db.card.count()).toBe(cards);
  });

  it("resumes a job whose worker died mid-run, without duplicating anything", async () => {
    const { setId, jobId } = await newSet();
    await claimGenerationJob(jobId, NOW, JOB_LEASE_MS); // the worker then "crashes"
    expect(await resumeGenerationJobs(at(JOB_LEASE_MS - 1))).not.toHaveProperty(jobId);
    const outcomes = await resumeGenerationJobs(at(JOB_LEASE_MS + 1));
    expect(outcomes[jobId]).toBe("succeeded");
    const job = await jobRow(jobId);
    expect(job.runCount).toBe(2);
    const db = await getDb();
    const fronts = (await db.card.findMany({ where: { studySetId: setId }, select: { front: true } })).map((c) => c.front);
    expect(new Set(fronts).size).toBe(fronts.length);
  });

  it("records a readable error when the material has nothing to read, and writes no items", async () => {
    const { setId, jobId } = await createDraftStudySet({
      ownerId: owner.id,
      title: "Numbers only",
      subject: null,
      materials: [{ id: "m1", title: "Figures", source: "figures.txt", text: "1 2 3 4 5 6 7 8 9" }],
      jobInput: { questions: [], marks: null },
    });
    expect(await runGenerationJob(jobId, at(0))).toBe("failed");
    const job = await jobRow(jobId);
    expect(job.status).toBe("failed");
    expect(job.error).toMatch(/no readable text/);
    expect(job.finishedAt).not.toBeNull();
    const db = await getDb();
    expect(await db.card.count({ where: { studySetId: setId } })).toBe(0);
  });

  it("records a readable error when the material states no facts to learn", async () => {
    const { jobId } = await createDraftStudySet({
      ownerId: owner.id,
      title: "Chatter",
      subject: null,
      materials: [{ id: "m1", title: "Chatter", source: "chatter.txt", text: "hello there and welcome back to the show." }],
      jobInput: { questions: [], marks: null },
    });
    expect(await runGenerationJob(jobId, at(0))).toBe("failed");
    expect((await jobRow(jobId)).error).toMatch(/No cards or questions could be drawn/);
  });

  it("says why fact-dense material made no item: its sentences lean on earlier ones, not that it lacks facts", async () => {
    const { jobId } = await createDraftStudySet({
      ownerId: owner.id,
      title: "Duties",
      subject: null,
      materials: [{ id: "m1", title: "Duties", source: "duties.txt", text: "They were added in 1983 by the 31st Amendment on the advice of the Harun Mir Committee." }],
      jobInput: { questions: [], marks: null },
    });
    expect(await runGenerationJob(jobId, at(0))).toBe("failed");
    const { error } = await jobRow(jobId);
    expect(error).toMatch(/reads on its own/);
    expect(error).not.toMatch(/names, figures, dates/);
  });

  it(`stops a job that has been interrupted ${MAX_JOB_RUNS} times`, async () => {
    const { jobId } = await newSet();
    for (let run = 0; run < MAX_JOB_RUNS; run++) await claimGenerationJob(jobId, new Date(NOW.getTime() + run * (JOB_LEASE_MS + 1)), JOB_LEASE_MS);
    expect(await runGenerationJob(jobId, at(MAX_JOB_RUNS * (JOB_LEASE_MS + 1)))).toBe("failed");
    expect((await jobRow(jobId)).error).toMatch(/interrupted/);
  });
});

const ARTICLES = ["000_3c3262873357d12f.txt", "001_6b9bfc7575ccc962.txt", "003_9a46242b15251fab.txt", "004_6819430c7062e888.txt"].map((f) => `material/${f}`);
const ANSWER = "material/002_a7cf54e59027631e.txt";

describeWithShared("the shared material, uploaded (reads ../shared/material)", [...ARTICLES, ANSWER], () => {
  it("becomes drafts with exact evidence, and its model answer imports with all nine body points", async () => {
    const { setId, jobId } = await createStudySetFromMaterial(owner, {
      fields: { title: "TTP and the border", questions: "Analyse how clashes along the Pakistan–Afghanistan border destabilise bilateral relations and complicate counter-terrorism cooperation." },
      files: ARTICLES.map((file) => {
        const text = readShared(file);
        return { name: path.basename(file), size: Buffer.byteLength(text), bytes: async () => new TextEncoder().encode(text) };
      }),
    });
    expect(await runGenerationJob(jobId, at(0))).toBe("succeeded");
    const { questionId } = await importModelAnswerFor(owner, {
      setId,
      question: "Analyse how clashes along the Pakistan–Afghanistan border destabilise bilateral relations and complicate counter-terrorism cooperation.",
      text: readShared(ANSWER),
    });
    const { set } = await getAuthoringFor(owner, setId, NOW);
    expect(set.cards.length).toBeGreaterThan(20);
    expect(set.questions.filter((q) => q.kind !== "written").length).toBeGreaterThan(10);
    const imported = set.questions.find((q) => q.id === questionId)!;
    expect(imported.modelAnswer!.sections.flatMap((s) => s.points)).toHaveLength(9);
    const db = await getDb();
    const spans = await db.evidenceSpan.findMany({ where: { material: { studySets: { some: { studySetId: setId } } } }, include: { material: { select: { text: true } } } });
    for (const span of spans) expect(span.material.text.slice(span.start, span.end)).toBe(span.quote);
    const texts = (await db.material.findMany({ where: { studySets: { some: { studySetId: setId } } }, select: { text: true } })).map((m) => m.text).join("\n");
    expect(texts).not.toMatch(/Print PDF|Latest Comments/);
  });
});

describe("trying a failed job again", () => {
  it("queues a fresh job with the same request, for the owner only, and only after a failure", async () => {
    const { setId, jobId } = await newSet();
    await expect(retryGenerationJobFor(owner, setId)).rejects.toMatchObject({ code: "CONFLICT" });
    await claimGenerationJob(jobId, NOW, JOB_LEASE_MS);
    const db = await getDb();
    await db.generationJob.update({ where: { id: jobId }, data: { status: "failed", error: "The server stopped.", leaseUntil: null } });
    await expect(retryGenerationJobFor(otherTeacher, setId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { jobId: retried } = await retryGenerationJobFor(owner, setId);
    expect(retried).not.toBe(jobId);
    const [before, fresh] = [await jobRow(jobId), await jobRow(retried)];
    expect(fresh).toMatchObject({ status: "queued", studySetId: setId, runCount: 0, total: before.total });
    expect(fresh.input).toEqual(before.input);
    expect(await runGenerationJob(retried, at(0))).toBe("succeeded");
    expect(await db.card.count({ where: { studySetId: setId } })).toBeGreaterThan(0);
  });
});

describe("who may follow a job", () => {
  it("shows the owner its progress", async () => {
    const { jobId, setId } = await newSet();
    const status = await getJobStatusFor(owner, jobId, NOW);
    expect(status).toMatchObject({ id: jobId, studySetId: setId, status: "queued", isWaitingForWorker: true });
  });

  it("refuses another teacher", async () => {
    const { jobId } = await newSet();
    await expect(getJobStatusFor(otherTeacher, jobId, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("answers NOT_FOUND for an unknown job", async () => {
    await expect(getJobStatusFor(owner, "nope", NOW)).rejects.toBeInstanceOf(AppError);
  });
});
