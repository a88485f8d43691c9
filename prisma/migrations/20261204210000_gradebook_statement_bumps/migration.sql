-- CreateTable
CREATE TABLE "GradebookPending" (
    "transactionId" BIGINT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "assignmentId" TEXT,

    CONSTRAINT "GradebookPending_pkey" PRIMARY KEY ("transactionId","attemptId")
);

-- Attempts' work is logged once per transaction and assignment, not once per attempt row. Until now
-- a row-level trigger on Attempt, Response and PointScore bumped the stamp (and took its row lock)
-- for every attempt a statement changed: a bulk mark or release of 200 attempts moved it 200 times.
-- Now statement-level triggers note, from their transition tables, which attempts the statement
-- changed (GradebookPending: no lock on anything shared, and never committed), and a deferred
-- trigger on that table logs them all at commit: each assignment's stamp is locked, in the order of
-- the assignment ids (two bulk writers cannot lock two stamps in opposite orders), and bumped once,
-- and every attempt noted gets that version in GradebookChange — the log stays exact, as every
-- attempt changed is listed with a version above any copy that missed it. The stamps are still
-- locked only for the moment of the commit.

-- Notes attempts changed by this statement; `assignment_id` null: looked up at commit (a response or
-- a mark), else the attempt's own (kept for a deleted attempt, whose row is gone by then).
CREATE FUNCTION "crux_note_attempt_changes"(attempt_ids TEXT[], assignment_ids TEXT[]) RETURNS VOID LANGUAGE sql AS $$
  INSERT INTO "GradebookPending" ("transactionId", "attemptId", "assignmentId")
  SELECT DISTINCT ON (c."attemptId") pg_current_xact_id()::text::bigint, c."attemptId", c."assignmentId"
  FROM unnest(attempt_ids, assignment_ids) AS c("attemptId", "assignmentId")
  WHERE c."attemptId" IS NOT NULL
  ORDER BY c."attemptId", c."assignmentId" NULLS LAST
  ON CONFLICT ("transactionId", "attemptId") DO UPDATE SET "assignmentId" = EXCLUDED."assignmentId"
    WHERE EXCLUDED."assignmentId" IS NOT NULL
$$;

-- At commit, once per transaction (the first of its pending rows' events does the work, the others
-- find nothing left): each attempt is logged under its assignment now (or, deleted, the one noted).
CREATE FUNCTION "crux_log_attempt_changes"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  tx BIGINT := pg_current_xact_id()::text::bigint;
  attempt_ids TEXT[];
  assignment_ids TEXT[];
BEGIN
  WITH noted AS (DELETE FROM "GradebookPending" WHERE "transactionId" = tx RETURNING "attemptId", "assignmentId")
  SELECT array_agg(n."attemptId"), array_agg(coalesce(a."assignmentId", n."assignmentId"))
  INTO attempt_ids, assignment_ids
  FROM noted n LEFT JOIN "Attempt" a ON a."id" = n."attemptId"
  WHERE coalesce(a."assignmentId", n."assignmentId") IS NOT NULL;
  IF attempt_ids IS NULL THEN RETURN NULL; END IF;
  PERFORM FROM "GradebookStamp" WHERE "assignmentId" = ANY (assignment_ids) ORDER BY "assignmentId" FOR NO KEY UPDATE;
  WITH bumped AS (
    UPDATE "GradebookStamp" SET "version" = "version" + 1 WHERE "assignmentId" = ANY (assignment_ids) RETURNING "assignmentId", "version")
  INSERT INTO "GradebookChange" ("attemptId", "assignmentId", "version", "transactionId", "changedAt")
  SELECT c."attemptId", c."assignmentId", b."version", tx, clock_timestamp()
  FROM unnest(attempt_ids, assignment_ids) AS c("attemptId", "assignmentId") JOIN bumped b ON b."assignmentId" = c."assignmentId"
  ON CONFLICT ("attemptId") DO UPDATE
    SET "assignmentId" = EXCLUDED."assignmentId", "version" = EXCLUDED."version", "transactionId" = EXCLUDED."transactionId", "changedAt" = EXCLUDED."changedAt";
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "GradebookPending_log" AFTER INSERT ON "GradebookPending" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "crux_log_attempt_changes"();

-- Attempt: who started what, when, its status and hand-in time. An attempt moved between
-- assignments still rebuilds both (a row-level trigger at commit, as before: moves are rare).
DROP TRIGGER "Attempt_gradebook_stamp_insert" ON "Attempt";
DROP TRIGGER "Attempt_gradebook_stamp_update" ON "Attempt";
DROP TRIGGER "Attempt_gradebook_stamp_delete" ON "Attempt";
DROP FUNCTION "crux_attempt_stamp"();

CREATE FUNCTION "crux_attempt_moved"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "crux_rebuild_gradebooks"(array_remove(ARRAY[OLD."assignmentId", NEW."assignmentId"], NULL));
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "Attempt_gradebook_moved" AFTER UPDATE ON "Attempt" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD."assignmentId" IS DISTINCT FROM NEW."assignmentId") EXECUTE FUNCTION "crux_attempt_moved"();

CREATE FUNCTION "crux_attempt_rows_changed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "crux_note_attempt_changes"(ARRAY(SELECT "id" FROM new_rows WHERE "assignmentId" IS NOT NULL ORDER BY "id"),
                                        ARRAY(SELECT "assignmentId" FROM new_rows WHERE "assignmentId" IS NOT NULL ORDER BY "id"));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "crux_note_attempt_changes"(ARRAY(SELECT "id" FROM old_rows WHERE "assignmentId" IS NOT NULL ORDER BY "id"),
                                        ARRAY(SELECT "assignmentId" FROM old_rows WHERE "assignmentId" IS NOT NULL ORDER BY "id"));
  ELSE
    PERFORM "crux_note_attempt_changes"(array_agg(n."id" ORDER BY n."id"), array_agg(n."assignmentId" ORDER BY n."id"))
    FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    WHERE n."assignmentId" IS NOT NULL AND n."assignmentId" IS NOT DISTINCT FROM o."assignmentId"
      AND (n."userId", n."questionId", n."status", n."startedAt", n."submittedAt") IS DISTINCT FROM (o."userId", o."questionId", o."status", o."startedAt", o."submittedAt")
    HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "Attempt_gradebook_insert" AFTER INSERT ON "Attempt" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "crux_attempt_rows_changed"();
CREATE TRIGGER "Attempt_gradebook_update" AFTER UPDATE ON "Attempt" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "crux_attempt_rows_changed"();
CREATE TRIGGER "Attempt_gradebook_delete" AFTER DELETE ON "Attempt" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "crux_attempt_rows_changed"();

-- Response: a quiz answer's score, and whether a written answer is provisional and not yet accepted.
DROP TRIGGER "Response_gradebook_stamp_insert" ON "Response";
DROP TRIGGER "Response_gradebook_stamp_update" ON "Response";
DROP TRIGGER "Response_gradebook_stamp_delete" ON "Response";
DROP FUNCTION "crux_response_stamp"();

CREATE FUNCTION "crux_response_rows_changed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  ids TEXT[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := ARRAY(SELECT DISTINCT "attemptId" FROM new_rows WHERE "score" IS NOT NULL OR "isProvisional");
  ELSIF TG_OP = 'DELETE' THEN
    ids := ARRAY(SELECT DISTINCT "attemptId" FROM old_rows);
  ELSE
    ids := ARRAY(
      SELECT DISTINCT x FROM new_rows n JOIN old_rows o ON o."id" = n."id", unnest(ARRAY[n."attemptId", o."attemptId"]) AS x
      WHERE (n."attemptId", n."questionId", n."score", n."isProvisional", n."marksAcceptedAt")
            IS DISTINCT FROM (o."attemptId", o."questionId", o."score", o."isProvisional", o."marksAcceptedAt"));
  END IF;
  IF cardinality(ids) > 0 THEN PERFORM "crux_note_attempt_changes"(ids, array_fill(NULL::text, ARRAY[cardinality(ids)])); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "Response_gradebook_insert" AFTER INSERT ON "Response" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "crux_response_rows_changed"();
CREATE TRIGGER "Response_gradebook_update" AFTER UPDATE ON "Response" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "crux_response_rows_changed"();
CREATE TRIGGER "Response_gradebook_delete" AFTER DELETE ON "Response" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "crux_response_rows_changed"();

-- PointScore: every automatic and moderated mark, through its response's attempt (a mark deleted
-- with its response finds none: the response's own trigger noted the attempt).
DROP TRIGGER "PointScore_gradebook_stamp" ON "PointScore";
DROP FUNCTION "crux_point_score_stamp"();

CREATE FUNCTION "crux_point_score_rows_changed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  ids TEXT[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := ARRAY(SELECT DISTINCT r."attemptId" FROM (SELECT DISTINCT "responseId" FROM new_rows) p JOIN "Response" r ON r."id" = p."responseId");
  ELSIF TG_OP = 'DELETE' THEN
    ids := ARRAY(SELECT DISTINCT r."attemptId" FROM (SELECT DISTINCT "responseId" FROM old_rows) p JOIN "Response" r ON r."id" = p."responseId");
  ELSE
    ids := ARRAY(SELECT DISTINCT r."attemptId"
                 FROM (SELECT "responseId" FROM new_rows UNION SELECT "responseId" FROM old_rows) p JOIN "Response" r ON r."id" = p."responseId");
  END IF;
  IF cardinality(ids) > 0 THEN PERFORM "crux_note_attempt_changes"(ids, array_fill(NULL::text, ARRAY[cardinality(ids)])); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "PointScore_gradebook_insert" AFTER INSERT ON "PointScore" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "crux_point_score_rows_changed"();
CREATE TRIGGER "PointScore_gradebook_update" AFTER UPDATE ON "PointScore" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "crux_point_score_rows_changed"();
CREATE TRIGGER "PointScore_gradebook_delete" AFTER DELETE ON "PointScore" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "crux_point_score_rows_changed"();

DROP FUNCTION "crux_bump_attempt_gradebook"(TEXT);
DROP FUNCTION "crux_bump_attempt_change"(TEXT, TEXT);
