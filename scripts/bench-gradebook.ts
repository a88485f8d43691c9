/**
 * Gradebook benchmark (issue 11): one class of 200 students, a written assignment of 20 questions
 * (4 rubric points each), every student's graded answer with point marks and some moderations, on
 * a fresh PostgreSQL database. Times the teacher's whole gradebook use case (queries + gradebook,
 * heatmap and agreement) and prints one JSON line in the shape `npm run bench:api` prints:
 *   {"scenario":"gradebook","students":200,"questions":20,"serverMs":…,"p50Ms":…,"p95Ms":…,"p99Ms":…,"rps":…,"errors":0,"lost":0}
 * `gradebookScenario` is the module the bench:api scenario registry plugs in.
 * Needs DATABASE_URL (a PostgreSQL server where it may create and drop a database).
 */
import { closeDb, installDb, openPostgresDb } from "@/lib/db/client";
import { getDb } from "@/lib/db/client";
import { getAssignmentGradebookFor } from "@/lib/server/gradebook";
import { createMigratedTestDatabase } from "../test/db/postgres";

export interface GradebookBenchResult {
  scenario: "gradebook";
  students: number;
  questions: number;
  serverMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  rps: number;
  errors: number;
  lost: number;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** Seeds the class and times `runs` gradebook loads against the installed database. */
export async function gradebookScenario(options: { students?: number; questions?: number; pointsPerQuestion?: number; runs?: number } = {}): Promise<GradebookBenchResult> {
  const studentCount = options.students ?? 200;
  const questionCount = options.questions ?? 20;
  const pointsPerQuestion = options.pointsPerQuestion ?? 4;
  const runs = options.runs ?? 30;
  const db = await getDb();
  const teacher = await db.user.create({ data: { name: "Bench teacher", email: `bench-teacher-${Date.now()}@example.com`, role: "teacher", passwordHash: "x" } });
  const classroom = await db.classroom.create({ data: { name: "Bench class", joinCode: `B${Date.now().toString(36).toUpperCase()}`.slice(0, 12), teacherId: teacher.id } });
  const set = await db.studySet.create({ data: { ownerId: teacher.id, title: "Bench set", status: "published" } });
  const questions = [];
  for (let q = 0; q < questionCount; q++) {
    questions.push(
      await db.question.create({
        data: {
          studySetId: set.id,
          kind: "written",
          prompt: `Question ${q + 1}`,
          explanation: "-",
          marks: pointsPerQuestion,
          timeLimitSec: 660,
          position: q,
          rubricPoints: { create: Array.from({ length: pointsPerQuestion }, (_, p) => ({ key: `c${p + 1}`, point: `Point ${p + 1}`, marks: 1, kind: "content" as const, position: p })) },
        },
        select: { id: true, rubricPoints: { select: { id: true } } },
      }),
    );
  }
  const assignment = await db.assignment.create({
    data: { classId: classroom.id, studySetId: set.id, createdById: teacher.id, title: "Bench", kind: "written", questionIds: questions.map((q) => q.id) },
  });
  const started = new Date("2026-03-01T10:00:00Z");
  await db.user.createMany({ data: Array.from({ length: studentCount }, (_, i) => ({ id: `bench-s-${i}`, name: `Student ${i}`, email: `bench-s-${i}-${assignment.id}@example.com`, passwordHash: "x" })) });
  await db.enrollment.createMany({ data: Array.from({ length: studentCount }, (_, i) => ({ classId: classroom.id, studentId: `bench-s-${i}` })) });
  for (let i = 0; i < studentCount; i++) {
    const attempts = questions.map((q, qi) => ({
      id: `bench-a-${i}-${qi}`,
      userId: `bench-s-${i}`,
      kind: "written_practice" as const,
      studySetId: set.id,
      assignmentId: assignment.id,
      questionId: q.id,
      status: "graded" as const,
      startedAt: started,
      submittedAt: new Date(started.getTime() + 600_000),
    }));
    await db.attempt.createMany({ data: attempts });
    await db.response.createMany({ data: questions.map((q, qi) => ({ id: `bench-r-${i}-${qi}`, attemptId: `bench-a-${i}-${qi}`, questionId: q.id, content: { text: "answer" }, flags: [], isProvisional: (i + qi) % 17 === 0 })) });
    await db.pointScore.createMany({
      data: questions.flatMap((q, qi) =>
        q.rubricPoints.flatMap((rp, pi) => {
          const auto = { responseId: `bench-r-${i}-${qi}`, rubricPointId: rp.id, source: "auto" as const, awarded: (i + qi + pi) % 3 === 0 ? 0 : 1, max: 1, evidence: [], feedback: "-" };
          return (i + pi) % 23 === 0 ? [auto, { ...auto, source: "moderated" as const, awarded: 1 - auto.awarded, reason: "Checked.", moderatedById: teacher.id }] : [auto];
        }),
      ),
    });
  }
  const actor = { id: teacher.id, role: "teacher" as const };
  const now = new Date("2026-03-02T10:00:00Z");
  let errors = 0;
  for (let w = 0; w < 3; w++) await getAssignmentGradebookFor(actor, assignment.id, now);
  const times: number[] = [];
  const t0 = performance.now();
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    try {
      const book = await getAssignmentGradebookFor(actor, assignment.id, now);
      if (book.gradebook.rows.length !== studentCount) errors++;
    } catch {
      errors++;
    }
    times.push(performance.now() - start);
  }
  const total = performance.now() - t0;
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    scenario: "gradebook",
    students: studentCount,
    questions: questionCount,
    serverMs: round(quantile(times, 0.5)),
    p50Ms: round(quantile(times, 0.5)),
    p95Ms: round(quantile(times, 0.95)),
    p99Ms: round(quantile(times, 0.99)),
    rps: round((runs / total) * 1000),
    errors,
    lost: 0,
  };
}

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    console.error("bench:gradebook needs DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres): the target is PostgreSQL.");
    process.exit(2);
  }
  const database = await createMigratedTestDatabase("bench-gradebook");
  try {
    installDb(openPostgresDb(database.url));
    const result = await gradebookScenario();
    console.log(`gradebook: ${result.students} students × ${result.questions} questions — median ${result.serverMs} ms, p95 ${result.p95Ms} ms (target < 100 ms)`);
    console.log(JSON.stringify(result));
  } finally {
    await closeDb();
    await database.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
