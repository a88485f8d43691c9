-- AlterTable
ALTER TABLE "GradebookStamp" ADD COLUMN     "frameVersion" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "rebuildVersion" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "GradebookChange" (
    "attemptId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "version" BIGINT NOT NULL,
    "transactionId" BIGINT NOT NULL,

    CONSTRAINT "GradebookChange_pkey" PRIMARY KEY ("attemptId")
);

-- CreateIndex
CREATE INDEX "GradebookChange_assignmentId_version_idx" ON "GradebookChange"("assignmentId", "version");

-- AddForeignKey
ALTER TABLE "GradebookChange" ADD CONSTRAINT "GradebookChange_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Nothing written before this migration was logged: no gradebook cached before it may catch up.
UPDATE "GradebookStamp" SET "frameVersion" = "version", "rebuildVersion" = "version";

-- A gradebook cached at version c can be brought up to version n attempt by attempt when no bump in
-- (c, n] broke the log (rebuildVersion <= c, same epoch): the attempts to re-read are then exactly
-- those whose GradebookChange.version is above c. Each bump of one attempt's work — the attempt, its
-- responses, their point marks — moves the stamp and sets the attempt's row to the new version in
-- the same statement, at the writer's commit (the triggers stay deferred). Versions only grow within
-- an epoch and bumps of one assignment are serialised by its stamp's row lock, so an attempt's row
-- always holds the version of its latest change: a process that missed any number of versions
-- re-reads every attempt changed since its copy. Every other write the gradebook reads (the
-- assignment, its quiz and due dates, the roster, names, questions, rubric points, themes — the
-- frame the work is shown in) sets frameVersion: a copy older than it reads the frame again but
-- still catches up on the work. Only an attempt moved between assignments (its row can list one
-- assignment) and a removed change row break the log, and set rebuildVersion: everything is read again.

-- The frame changed.
CREATE OR REPLACE FUNCTION "crux_bump_gradebooks"(ids TEXT[]) RETURNS VOID LANGUAGE sql AS $$
  UPDATE "GradebookStamp" SET "version" = "version" + 1, "frameVersion" = "version" + 1 WHERE "assignmentId" = ANY (ids)
$$;

-- The log cannot be trusted for what came before: everything is read again.
CREATE FUNCTION "crux_rebuild_gradebooks"(ids TEXT[]) RETURNS VOID LANGUAGE sql AS $$
  UPDATE "GradebookStamp" SET "version" = "version" + 1, "frameVersion" = "version" + 1, "rebuildVersion" = "version" + 1 WHERE "assignmentId" = ANY (ids)
$$;

-- One attempt's work changed (or the attempt was deleted). Once per attempt and transaction: when
-- this transaction already logged the attempt, its stamp was bumped too, and as every bump lands at
-- the same commit one is enough — grading an answer writes a mark per rubric point, each firing this,
-- and the later ones then cost one index lookup. "Logged by this transaction" needs both the stored
-- 64-bit transaction id (xmin alone comes round every 2^32 transactions) and the row version's xmin
-- (the 64-bit counter restarts in a cluster restored from a dump, so a stored id can come round
-- again there; a row this transaction wrote has its xmin). A false "no" only bumps once more.
CREATE FUNCTION "crux_bump_attempt_change"(assignment_id TEXT, attempt_id TEXT) RETURNS VOID LANGUAGE sql AS $$
  WITH bumped AS (
    UPDATE "GradebookStamp" SET "version" = "version" + 1
    WHERE "assignmentId" = assignment_id
      AND NOT EXISTS (SELECT FROM "GradebookChange" c
                      WHERE c."attemptId" = attempt_id AND c."assignmentId" = assignment_id
                        AND c."transactionId" = pg_current_xact_id()::text::bigint
                        AND c.xmin::text::bigint = pg_current_xact_id()::text::bigint % 4294967296)
    RETURNING "version")
  INSERT INTO "GradebookChange" ("attemptId", "assignmentId", "version", "transactionId")
  SELECT attempt_id, assignment_id, "version", pg_current_xact_id()::text::bigint FROM bumped
  ON CONFLICT ("attemptId") DO UPDATE
    SET "assignmentId" = EXCLUDED."assignmentId", "version" = EXCLUDED."version", "transactionId" = EXCLUDED."transactionId"
$$;

-- Responses and point marks: their attempt's change (none when the attempt is gone: its own trigger logged it).
CREATE OR REPLACE FUNCTION "crux_bump_attempt_gradebook"(attempt_id TEXT) RETURNS VOID LANGUAGE sql AS $$
  SELECT "crux_bump_attempt_change"("assignmentId", "id") FROM "Attempt" WHERE "id" = attempt_id AND "assignmentId" IS NOT NULL
$$;

-- Attempt: its own change, kept when it is deleted (a re-read finds it gone); one moved to another
-- assignment leaves the old one's rows unlisted, so both are read again in full.
CREATE FUNCTION "crux_attempt_stamp"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."assignmentId" IS DISTINCT FROM NEW."assignmentId" THEN
    PERFORM "crux_rebuild_gradebooks"(array_remove(ARRAY[OLD."assignmentId", NEW."assignmentId"], NULL));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "crux_bump_attempt_change"(OLD."assignmentId", OLD."id");
  ELSIF NEW."assignmentId" IS NOT NULL THEN
    PERFORM "crux_bump_attempt_change"(NEW."assignmentId", NEW."id");
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER "Attempt_gradebook_stamp_insert" ON "Attempt";
DROP TRIGGER "Attempt_gradebook_stamp_update" ON "Attempt";
DROP TRIGGER "Attempt_gradebook_stamp_delete" ON "Attempt";
CREATE CONSTRAINT TRIGGER "Attempt_gradebook_stamp_insert" AFTER INSERT ON "Attempt" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW."assignmentId" IS NOT NULL) EXECUTE FUNCTION "crux_attempt_stamp"();
CREATE CONSTRAINT TRIGGER "Attempt_gradebook_stamp_update" AFTER UPDATE ON "Attempt" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN ((NEW."assignmentId", NEW."userId", NEW."questionId", NEW."status", NEW."startedAt", NEW."submittedAt")
                     IS DISTINCT FROM (OLD."assignmentId", OLD."userId", OLD."questionId", OLD."status", OLD."startedAt", OLD."submittedAt"))
  EXECUTE FUNCTION "crux_attempt_stamp"();
CREATE CONSTRAINT TRIGGER "Attempt_gradebook_stamp_delete" AFTER DELETE ON "Attempt" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD."assignmentId" IS NOT NULL) EXECUTE FUNCTION "crux_attempt_stamp"();

-- A change row removed (other than with its assignment, whose stamp goes too) could hide a change:
-- its assignment is read again in full. Truncating the table starts every stamp on a new epoch.
CREATE FUNCTION "crux_gradebook_change_delete"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "crux_rebuild_gradebooks"(ARRAY[OLD."assignmentId"]);
  RETURN NULL;
END $$;
CREATE TRIGGER "GradebookChange_delete" AFTER DELETE ON "GradebookChange"
  FOR EACH ROW EXECUTE FUNCTION "crux_gradebook_change_delete"();
CREATE TRIGGER "GradebookChange_gradebook_truncate" AFTER TRUNCATE ON "GradebookChange" FOR EACH STATEMENT EXECUTE FUNCTION "crux_gradebook_stamps_new_epoch"();
