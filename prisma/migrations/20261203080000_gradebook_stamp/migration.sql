-- CreateTable
CREATE TABLE "GradebookStamp" (
    "assignmentId" TEXT NOT NULL,
    "epoch" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "GradebookStamp_pkey" PRIMARY KEY ("assignmentId")
);

-- AddForeignKey
ALTER TABLE "GradebookStamp" ADD CONSTRAINT "GradebookStamp_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "GradebookStamp" ("assignmentId") SELECT "id" FROM "Assignment";

-- Every write a gradebook reads adds one to its assignment's stamp in the writer's transaction, so a
-- cached gradebook is never served once the write has committed (see model GradebookStamp).
--
-- The triggers are row-level constraint triggers, DEFERRABLE INITIALLY DEFERRED: they run at
-- COMMIT, after the transaction's own statements, so the stamp's row is locked only for the moment
-- of the commit — students handing in at one deadline do not queue on it for the length of their
-- grading, and no transaction holds it while it waits for another row. Their WHEN clauses compare
-- only the columns the gradebook reads, so an answer autosaved while it is written (its text,
-- version, save time) or a card reviewed fires nothing at all. Draft questions a generation job
-- writes into an assigned set fire nothing either: only accepted objective questions can be a
-- gradebook's columns without being listed by it.

CREATE FUNCTION "crux_bump_gradebooks"(ids TEXT[]) RETURNS VOID LANGUAGE sql AS $$
  UPDATE "GradebookStamp" SET "version" = "version" + 1 WHERE "assignmentId" = ANY (ids)
$$;

-- Every assignment of a class (its roster, its name, its students' names).
CREATE FUNCTION "crux_bump_class_gradebooks"(class_id TEXT) RETURNS VOID LANGUAGE sql AS $$
  SELECT "crux_bump_gradebooks"(ARRAY(SELECT "id" FROM "Assignment" WHERE "classId" = class_id))
$$;

-- Every assignment whose columns may include the question: those that list it (a written
-- assignment's questions, an assigned quiz's), and, when it is or was an accepted objective question,
-- those that take the set's accepted objective questions (no list of their own).
CREATE FUNCTION "crux_bump_question_gradebooks"(question_id TEXT, set_id TEXT, is_set_column BOOLEAN) RETURNS VOID LANGUAGE sql AS $$
  SELECT "crux_bump_gradebooks"(ARRAY(
    SELECT a."id" FROM "Assignment" a LEFT JOIN "Quiz" z ON z."id" = a."quizId"
    WHERE (a."kind" = 'written' AND question_id = ANY (a."questionIds"))
       OR question_id = ANY (z."questionIds")
       OR (is_set_column AND a."studySetId" = set_id AND a."kind" <> 'written' AND a."quizId" IS NULL)))
$$;

-- Assignment: its stamp is born with it (at once, not deferred); any change to it bumps it.
CREATE FUNCTION "crux_assignment_stamp_insert"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "GradebookStamp" ("assignmentId") VALUES (NEW."id") ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER "Assignment_gradebook_stamp_insert" AFTER INSERT ON "Assignment"
  FOR EACH ROW EXECUTE FUNCTION "crux_assignment_stamp_insert"();

CREATE FUNCTION "crux_assignment_stamp_update"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "crux_bump_gradebooks"(ARRAY[NEW."id"]);
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "Assignment_gradebook_stamp_update" AFTER UPDATE ON "Assignment" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "crux_assignment_stamp_update"();

-- Quiz: the questions and the mark for a right answer of the assignment that uses it.
CREATE FUNCTION "crux_quiz_stamp_update"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "crux_bump_gradebooks"(ARRAY(SELECT "id" FROM "Assignment" WHERE "quizId" = NEW."id"));
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "Quiz_gradebook_stamp_update" AFTER UPDATE ON "Quiz" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN ((NEW."questionIds", NEW."markCorrect") IS DISTINCT FROM (OLD."questionIds", OLD."markCorrect"))
  EXECUTE FUNCTION "crux_quiz_stamp_update"();

-- DueExtension (a student's due time decides "late") and Attempt (who started what, when, its status
-- and hand-in time) carry their assignment's id.
CREATE FUNCTION "crux_assignment_row_stamp"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' AND NEW."assignmentId" IS NOT NULL THEN PERFORM "crux_bump_gradebooks"(ARRAY[NEW."assignmentId"]); END IF;
  IF TG_OP <> 'INSERT' AND OLD."assignmentId" IS NOT NULL THEN PERFORM "crux_bump_gradebooks"(ARRAY[OLD."assignmentId"]); END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "DueExtension_gradebook_stamp" AFTER INSERT OR UPDATE OR DELETE ON "DueExtension" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "crux_assignment_row_stamp"();
CREATE CONSTRAINT TRIGGER "Attempt_gradebook_stamp_insert" AFTER INSERT ON "Attempt" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW."assignmentId" IS NOT NULL) EXECUTE FUNCTION "crux_assignment_row_stamp"();
CREATE CONSTRAINT TRIGGER "Attempt_gradebook_stamp_update" AFTER UPDATE ON "Attempt" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN ((NEW."assignmentId", NEW."userId", NEW."questionId", NEW."status", NEW."startedAt", NEW."submittedAt")
                     IS DISTINCT FROM (OLD."assignmentId", OLD."userId", OLD."questionId", OLD."status", OLD."startedAt", OLD."submittedAt"))
  EXECUTE FUNCTION "crux_assignment_row_stamp"();
CREATE CONSTRAINT TRIGGER "Attempt_gradebook_stamp_delete" AFTER DELETE ON "Attempt" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD."assignmentId" IS NOT NULL) EXECUTE FUNCTION "crux_assignment_row_stamp"();

-- Response and PointScore reach their assignment through their attempt (looked up at commit: when
-- the attempt itself was deleted, its own trigger has bumped the stamp).
CREATE FUNCTION "crux_bump_attempt_gradebook"(attempt_id TEXT) RETURNS VOID LANGUAGE sql AS $$
  SELECT "crux_bump_gradebooks"(ARRAY(SELECT "assignmentId" FROM "Attempt" WHERE "id" = attempt_id AND "assignmentId" IS NOT NULL))
$$;

-- Response: a quiz answer's score, and whether a written answer is provisional and not yet accepted.
CREATE FUNCTION "crux_response_stamp"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM "crux_bump_attempt_gradebook"(NEW."attemptId"); END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM "crux_bump_attempt_gradebook"(OLD."attemptId"); END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "Response_gradebook_stamp_insert" AFTER INSERT ON "Response" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW."score" IS NOT NULL OR NEW."isProvisional") EXECUTE FUNCTION "crux_response_stamp"();
CREATE CONSTRAINT TRIGGER "Response_gradebook_stamp_update" AFTER UPDATE ON "Response" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN ((NEW."attemptId", NEW."questionId", NEW."score", NEW."isProvisional", NEW."marksAcceptedAt")
                     IS DISTINCT FROM (OLD."attemptId", OLD."questionId", OLD."score", OLD."isProvisional", OLD."marksAcceptedAt"))
  EXECUTE FUNCTION "crux_response_stamp"();
CREATE CONSTRAINT TRIGGER "Response_gradebook_stamp_delete" AFTER DELETE ON "Response" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "crux_response_stamp"();

-- PointScore: every automatic and moderated mark.
CREATE FUNCTION "crux_point_score_stamp"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM "crux_bump_attempt_gradebook"((SELECT "attemptId" FROM "Response" WHERE "id" = NEW."responseId"));
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM "crux_bump_attempt_gradebook"((SELECT "attemptId" FROM "Response" WHERE "id" = OLD."responseId"));
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "PointScore_gradebook_stamp" AFTER INSERT OR UPDATE OR DELETE ON "PointScore" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "crux_point_score_stamp"();

-- Enrollment: the roster (joins, removals).
CREATE FUNCTION "crux_enrollment_stamp"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM "crux_bump_class_gradebooks"(NEW."classId"); END IF;
  IF TG_OP <> 'INSERT' AND (TG_OP = 'DELETE' OR OLD."classId" IS DISTINCT FROM NEW."classId") THEN PERFORM "crux_bump_class_gradebooks"(OLD."classId"); END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "Enrollment_gradebook_stamp_insert" AFTER INSERT ON "Enrollment" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "crux_enrollment_stamp"();
CREATE CONSTRAINT TRIGGER "Enrollment_gradebook_stamp_update" AFTER UPDATE ON "Enrollment" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN ((NEW."classId", NEW."studentId", NEW."removedAt") IS DISTINCT FROM (OLD."classId", OLD."studentId", OLD."removedAt"))
  EXECUTE FUNCTION "crux_enrollment_stamp"();
CREATE CONSTRAINT TRIGGER "Enrollment_gradebook_stamp_delete" AFTER DELETE ON "Enrollment" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "crux_enrollment_stamp"();

-- Classroom: its name heads the gradebook.
CREATE FUNCTION "crux_classroom_stamp_update"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "crux_bump_class_gradebooks"(NEW."id");
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "Classroom_gradebook_stamp_update" AFTER UPDATE ON "Classroom" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW."name" IS DISTINCT FROM OLD."name") EXECUTE FUNCTION "crux_classroom_stamp_update"();

-- User: a student's name and e-mail, in every class they are on the roster of.
CREATE FUNCTION "crux_user_stamp_update"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "crux_bump_gradebooks"(ARRAY(
    SELECT a."id" FROM "Assignment" a WHERE a."classId" IN (SELECT "classId" FROM "Enrollment" WHERE "studentId" = NEW."id")));
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "User_gradebook_stamp_update" AFTER UPDATE ON "User" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN ((NEW."name", NEW."email") IS DISTINCT FROM (OLD."name", OLD."email")) EXECUTE FUNCTION "crux_user_stamp_update"();

-- Question: a column's prompt, marks and order, and which of a set's questions are its objective columns.
CREATE FUNCTION "crux_question_stamp"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM "crux_bump_question_gradebooks"(NEW."id", NEW."studySetId", NEW."status" = 'accepted' AND NEW."kind" <> 'written');
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM "crux_bump_question_gradebooks"(OLD."id", OLD."studySetId", OLD."status" = 'accepted' AND OLD."kind" <> 'written');
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "Question_gradebook_stamp_insert" AFTER INSERT ON "Question" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW."status" = 'accepted' AND NEW."kind" <> 'written') EXECUTE FUNCTION "crux_question_stamp"();
CREATE CONSTRAINT TRIGGER "Question_gradebook_stamp_update" AFTER UPDATE ON "Question" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN ((NEW."studySetId", NEW."kind", NEW."prompt", NEW."marks", NEW."position", NEW."status")
                     IS DISTINCT FROM (OLD."studySetId", OLD."kind", OLD."prompt", OLD."marks", OLD."position", OLD."status"))
  EXECUTE FUNCTION "crux_question_stamp"();
CREATE CONSTRAINT TRIGGER "Question_gradebook_stamp_delete" AFTER DELETE ON "Question" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "crux_question_stamp"();

-- RubricPoint: a written assignment's columns (text, marks, kind, order, theme).
CREATE FUNCTION "crux_rubric_point_stamp"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM "crux_bump_question_gradebooks"(NEW."questionId", NULL, false); END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM "crux_bump_question_gradebooks"(OLD."questionId", NULL, false); END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "RubricPoint_gradebook_stamp" AFTER INSERT OR UPDATE OR DELETE ON "RubricPoint" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "crux_rubric_point_stamp"();

-- A rubric point's theme is the heading of the model-answer section its model-answer point is in;
-- the point may belong to any question's model answer, so the questions are those of the rubric
-- points that link to it.
CREATE FUNCTION "crux_bump_model_point_gradebooks"(point_ids TEXT[]) RETURNS VOID LANGUAGE sql AS $$
  SELECT "crux_bump_question_gradebooks"(q."questionId", NULL, false)
  FROM (SELECT DISTINCT "questionId" FROM "RubricPoint" WHERE "modelAnswerPointId" = ANY (point_ids)) q
$$;

CREATE FUNCTION "crux_model_answer_section_stamp_update"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "crux_bump_model_point_gradebooks"(ARRAY(SELECT "id" FROM "ModelAnswerPoint" WHERE "sectionId" = NEW."id"));
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "ModelAnswerSection_gradebook_stamp_update" AFTER UPDATE ON "ModelAnswerSection" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW."heading" IS DISTINCT FROM OLD."heading") EXECUTE FUNCTION "crux_model_answer_section_stamp_update"();

CREATE FUNCTION "crux_model_answer_point_stamp_update"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "crux_bump_model_point_gradebooks"(ARRAY[NEW."id"]);
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "ModelAnswerPoint_gradebook_stamp_update" AFTER UPDATE ON "ModelAnswerPoint" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW."sectionId" IS DISTINCT FROM OLD."sectionId") EXECUTE FUNCTION "crux_model_answer_point_stamp_update"();

-- TRUNCATE fires no row trigger: any truncation of a table the gradebook reads starts every stamp
-- on a new epoch, so nothing cached before it is served again.
CREATE FUNCTION "crux_gradebook_stamps_new_epoch"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "GradebookStamp" SET "epoch" = gen_random_uuid();
  RETURN NULL;
END $$;
CREATE TRIGGER "Assignment_gradebook_truncate" AFTER TRUNCATE ON "Assignment" FOR EACH STATEMENT EXECUTE FUNCTION "crux_gradebook_stamps_new_epoch"();
CREATE TRIGGER "Quiz_gradebook_truncate" AFTER TRUNCATE ON "Quiz" FOR EACH STATEMENT EXECUTE FUNCTION "crux_gradebook_stamps_new_epoch"();
CREATE TRIGGER "DueExtension_gradebook_truncate" AFTER TRUNCATE ON "DueExtension" FOR EACH STATEMENT EXECUTE FUNCTION "crux_gradebook_stamps_new_epoch"();
CREATE TRIGGER "Attempt_gradebook_truncate" AFTER TRUNCATE ON "Attempt" FOR EACH STATEMENT EXECUTE FUNCTION "crux_gradebook_stamps_new_epoch"();
CREATE TRIGGER "Response_gradebook_truncate" AFTER TRUNCATE ON "Response" FOR EACH STATEMENT EXECUTE FUNCTION "crux_gradebook_stamps_new_epoch"();
CREATE TRIGGER "PointScore_gradebook_truncate" AFTER TRUNCATE ON "PointScore" FOR EACH STATEMENT EXECUTE FUNCTION "crux_gradebook_stamps_new_epoch"();
CREATE TRIGGER "Enrollment_gradebook_truncate" AFTER TRUNCATE ON "Enrollment" FOR EACH STATEMENT EXECUTE FUNCTION "crux_gradebook_stamps_new_epoch"();
CREATE TRIGGER "Classroom_gradebook_truncate" AFTER TRUNCATE ON "Classroom" FOR EACH STATEMENT EXECUTE FUNCTION "crux_gradebook_stamps_new_epoch"();
CREATE TRIGGER "User_gradebook_truncate" AFTER TRUNCATE ON "User" FOR EACH STATEMENT EXECUTE FUNCTION "crux_gradebook_stamps_new_epoch"();
CREATE TRIGGER "Question_gradebook_truncate" AFTER TRUNCATE ON "Question" FOR EACH STATEMENT EXECUTE FUNCTION "crux_gradebook_stamps_new_epoch"();
CREATE TRIGGER "RubricPoint_gradebook_truncate" AFTER TRUNCATE ON "RubricPoint" FOR EACH STATEMENT EXECUTE FUNCTION "crux_gradebook_stamps_new_epoch"();
CREATE TRIGGER "ModelAnswerSection_gradebook_truncate" AFTER TRUNCATE ON "ModelAnswerSection" FOR EACH STATEMENT EXECUTE FUNCTION "crux_gradebook_stamps_new_epoch"();
CREATE TRIGGER "ModelAnswerPoint_gradebook_truncate" AFTER TRUNCATE ON "ModelAnswerPoint" FOR EACH STATEMENT EXECUTE FUNCTION "crux_gradebook_stamps_new_epoch"();
