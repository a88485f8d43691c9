/**
 * Seeds the study packs and the demo accounts (idempotent). Uses the same database selection as
 * the app: DATABASE_URL → PostgreSQL (migrate it first: npm run db:migrate:deploy); unset → the
 * embedded PGlite database, which is migrated on open.
 */
import "./load-env.mjs";
import { hashPassword } from "@/lib/auth/password";
import { closeDb } from "@/lib/db/client";
import { DEMO_CLASS, DEMO_STUDENTS, DEMO_TEACHER, seedAssignment, seedDemoAccounts, seedStudyPack } from "@/lib/db/seed";
import { studyPacks } from "@/lib/study-pack";

async function main() {
  const started = Date.now();
  const { teacherId, classId } = await seedDemoAccounts(hashPassword);
  for (const pack of studyPacks) {
    const { id, isCreated } = await seedStudyPack(pack, teacherId);
    await seedAssignment({ classId, studySetId: id, createdById: teacherId, title: `Study: ${pack.title}`, now: new Date(), dueInDays: 7 });
    console.log(`${isCreated ? "seeded" : "kept"} study pack "${pack.title}" (${pack.set.cards.length} cards, ${pack.set.questions.length} questions)`);
  }
  console.log(`demo accounts: ${[DEMO_TEACHER, ...DEMO_STUDENTS].map((a) => a.email).join(", ")}; class ${DEMO_CLASS.name} (${DEMO_CLASS.joinCode})`);
  console.log(`seed done in ${Date.now() - started} ms`);
}

main()
  .then(() => closeDb())
  .catch(async (e: unknown) => {
    console.error("seed failed:", e instanceof Error ? e.message : e);
    await closeDb().catch(() => undefined);
    process.exit(1);
  });
