-- AlterTable
ALTER TABLE "GradebookChange" ADD COLUMN     "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "GradebookChange_changedAt_idx" ON "GradebookChange"("changedAt");

-- Change rows can be pruned. A row of version v matters only to a copy older than v (a copy at c
-- re-reads the attempts whose rows are above c), so removing rows raises their assignment's
-- rebuildVersion to the highest version removed and moves nothing else: a copy at or above it still
-- catches up attempt by attempt, an older one is rebuilt in full, and no copy is served stale (the
-- version does not move: the gradebook itself did not change). Once per statement, each stamp once.
-- When the stamp is gone too (its assignment deleted) there is nothing to raise.
DROP TRIGGER "GradebookChange_delete" ON "GradebookChange";
DROP FUNCTION "crux_gradebook_change_delete"();
CREATE FUNCTION "crux_gradebook_changes_removed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "GradebookStamp" s SET "rebuildVersion" = greatest(s."rebuildVersion", g."version")
  FROM (SELECT "assignmentId", max("version") AS "version" FROM removed GROUP BY "assignmentId") g
  WHERE s."assignmentId" = g."assignmentId" AND s."rebuildVersion" < g."version";
  RETURN NULL;
END $$;
CREATE TRIGGER "GradebookChange_delete" AFTER DELETE ON "GradebookChange" REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION "crux_gradebook_changes_removed"();

-- Each change row records when it was last written (the clock at the writer's commit), which is
-- what pruning goes by.
CREATE OR REPLACE FUNCTION "crux_bump_attempt_change"(assignment_id TEXT, attempt_id TEXT) RETURNS VOID LANGUAGE sql AS $$
  WITH bumped AS (
    UPDATE "GradebookStamp" SET "version" = "version" + 1
    WHERE "assignmentId" = assignment_id
      AND NOT EXISTS (SELECT FROM "GradebookChange" c
                      WHERE c."attemptId" = attempt_id AND c."assignmentId" = assignment_id
                        AND c."transactionId" = pg_current_xact_id()::text::bigint
                        AND c.xmin::text::bigint = pg_current_xact_id()::text::bigint % 4294967296)
    RETURNING "version")
  INSERT INTO "GradebookChange" ("attemptId", "assignmentId", "version", "transactionId", "changedAt")
  SELECT attempt_id, assignment_id, "version", pg_current_xact_id()::text::bigint, clock_timestamp() FROM bumped
  ON CONFLICT ("attemptId") DO UPDATE
    SET "assignmentId" = EXCLUDED."assignmentId", "version" = EXCLUDED."version", "transactionId" = EXCLUDED."transactionId", "changedAt" = EXCLUDED."changedAt"
$$;
