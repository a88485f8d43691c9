-- Stamps are locked in assignment-id order by every function that takes several, and the pruner never
-- waits for one (an independent review found both cycles on PostgreSQL).
--
-- The frame and rebuild bumps (an enrollment, a rename, a question edited, an attempt moved) updated
-- every stamp they named in the order the plan read them; the attempt log takes them in id order. Two
-- such transactions could each hold a stamp the other wanted. They now lock in id order first.
CREATE OR REPLACE FUNCTION "crux_bump_gradebooks"(ids TEXT[]) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "GradebookStamp" WHERE "assignmentId" = ANY (ids) ORDER BY "assignmentId" FOR NO KEY UPDATE;
  UPDATE "GradebookStamp" SET "version" = "version" + 1, "frameVersion" = "version" + 1 WHERE "assignmentId" = ANY (ids);
END $$;

CREATE OR REPLACE FUNCTION "crux_rebuild_gradebooks"(ids TEXT[]) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "GradebookStamp" WHERE "assignmentId" = ANY (ids) ORDER BY "assignmentId" FOR NO KEY UPDATE;
  UPDATE "GradebookStamp" SET "version" = "version" + 1, "frameVersion" = "version" + 1, "rebuildVersion" = "version" + 1 WHERE "assignmentId" = ANY (ids);
END $$;

-- The pruner takes only the stamps no one holds (SKIP LOCKED) and prunes those assignments' stale
-- rows; the others wait for its next run. It never waits for a stamp, so it is in no cycle: one
-- transaction may lock stamps in the order its deferred triggers were queued (an assignment edited,
-- then another's attempt marked), which no order the pruner picks can match.
CREATE OR REPLACE FUNCTION "crux_prune_gradebook_changes"(retention_secs FLOAT8) RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
  cutoff TIMESTAMPTZ := clock_timestamp() - make_interval(secs => retention_secs);
  locked TEXT[];
  n INTEGER;
BEGIN
  SELECT array_agg(l."assignmentId" ORDER BY l."assignmentId") INTO locked FROM (
    SELECT s."assignmentId" FROM "GradebookStamp" s
    WHERE s."assignmentId" IN (SELECT c."assignmentId" FROM "GradebookChange" c WHERE c."changedAt" < cutoff)
    ORDER BY s."assignmentId" FOR NO KEY UPDATE OF s SKIP LOCKED) l;
  IF locked IS NULL THEN RETURN 0; END IF;
  DELETE FROM "GradebookChange" WHERE "assignmentId" = ANY (locked) AND "changedAt" < cutoff;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;
