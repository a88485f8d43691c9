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
  -- Stamps are locked in assignment-id order, as every writer's commit locks them
  -- (crux_log_attempt_changes); the UPDATE below would lock them in its plan's order.
  PERFORM FROM "GradebookStamp" WHERE "assignmentId" IN (SELECT "assignmentId" FROM removed) ORDER BY "assignmentId" FOR NO KEY UPDATE;
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

-- Prunes the change rows not written for `retention_secs`; returns how many went. Every writer takes
-- an assignment's stamp before its change rows (a mark's commit locks the stamp, then upserts the
-- row; an assignment's deletion deletes the stamp, which cascades to the rows), and several stamps in
-- assignment-id order. A bare DELETE of the rows would take them first and the stamps after (the
-- trigger above raising rebuildVersion), the opposite order, and deadlock with either. So: first
-- lock the stamps of the assignments that have stale rows, in id order (one whose stamp went in the
-- meantime is skipped, its rows went with it), then delete those assignments' stale rows. A writer
-- that comes meanwhile waits for the stamp; no row can turn stale behind the lock (a write sets
-- changedAt to now), and the cutoff is fixed once.
CREATE FUNCTION "crux_prune_gradebook_changes"(retention_secs FLOAT8) RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
  cutoff TIMESTAMPTZ := clock_timestamp() - make_interval(secs => retention_secs);
  locked TEXT[];
  n INTEGER;
BEGIN
  SELECT array_agg(l."assignmentId" ORDER BY l."assignmentId") INTO locked FROM (
    SELECT s."assignmentId" FROM "GradebookStamp" s
    WHERE s."assignmentId" IN (SELECT c."assignmentId" FROM "GradebookChange" c WHERE c."changedAt" < cutoff)
    ORDER BY s."assignmentId" FOR NO KEY UPDATE OF s) l;
  IF locked IS NULL THEN RETURN 0; END IF;
  DELETE FROM "GradebookChange" WHERE "assignmentId" = ANY (locked) AND "changedAt" < cutoff;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;
