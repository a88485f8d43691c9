/**
 * npm run bench:gradebook — the gradebook scenario of bench:api without the web server: seeds one
 * class of 200 students × 20 written questions (4 rubric points each) on a fresh PostgreSQL
 * database and times the teacher's gradebook use case in process. Prints one JSON line:
 *   {"scenario":"gradebook","students":200,"questions":20,"serverMs":…,"coldMs":…,"frameMs":…,"fullMs":…,"p50Ms":…,"p95Ms":…,"p99Ms":…,"rps":…,"errors":0,"lost":0}
 * Needs DATABASE_URL (a PostgreSQL server where it may create and drop a database).
 */
import { closeDb, getDb, installDb, openPostgresDb } from "@/lib/db/client";
import { seedGradebookClass, timeGradebookUseCase } from "./bench-api/scenarios/gradebook";
import { createMigratedTestDatabase } from "../test/db/postgres";

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    console.error("bench:gradebook needs DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres): the target is PostgreSQL.");
    process.exit(2);
  }
  const database = await createMigratedTestDatabase("bench-gradebook");
  try {
    installDb(openPostgresDb(database.url));
    const seeded = await seedGradebookClass(await getDb());
    const timing = await timeGradebookUseCase(await getDb(), seeded);
    console.log(`gradebook: ${seeded.students} students × ${seeded.questions} questions — median ${timing.serverMs} ms, p95 ${timing.p95Ms} ms unchanged between loads; ${timing.coldMs} ms median right after a mark changed, ${timing.frameMs} ms after a due date moved, ${timing.fullMs} ms read and built afresh (target < 100 ms)`);
    console.log(JSON.stringify({ scenario: "gradebook", students: seeded.students, questions: seeded.questions, ...timing, lost: 0 }));
  } finally {
    await closeDb();
    await database.drop();
  }
}

await main();
