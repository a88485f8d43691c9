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

-- Every write a gradebook reads adds one to its assignment's stamp, in the writer's transaction, so
-- a cached gradebook is never served after the write commits (see model GradebookStamp). The
-- triggers are per statement and read the statement's transition tables, so a grading run that
-- inserts a hundred point marks bumps each stamp once. Updates that change nothing the gradebook
-- reads (an autosaved answer's text, a join code) do not bump, so answering in an exam never
-- queues on the stamp's row. Stamps are updated in key order (one UPDATE ... = ANY), so two writers
-- take them in the same order.

CREATE FUNCTION "crux_bump_gradebooks"(ids TEXT[]) RETURNS VOID LANGUAGE sql AS $$
  UPDATE "GradebookStamp" SET "version" = "version" + 1 WHERE "assignmentId" = ANY (ids)
$$;

-- Every assignment of the given classes.
CREATE FUNCTION "crux_bump_class_gradebooks"(class_ids TEXT[]) RETURNS VOID LANGUAGE sql AS $$
  SELECT "crux_bump_gradebooks"(ARRAY(SELECT "id" FROM "Assignment" WHERE "classId" = ANY (class_ids)))
$$;

-- Every assignment that may show the given questions: those of their sets (a quiz drawn from the set's
-- accepted questions) and those that list them.
CREATE FUNCTION "crux_bump_question_gradebooks"(question_ids TEXT[]) RETURNS VOID LANGUAGE sql AS $$
  SELECT "crux_bump_gradebooks"(ARRAY(
    SELECT a."id" FROM "Assignment" a
    WHERE a."studySetId" IN (SELECT q."studySetId" FROM "Question" q WHERE q."id" = ANY (question_ids))
       OR a."questionIds" && question_ids))
$$;

-- Assignment: its stamp is born with it; any change to it bumps it.
CREATE FUNCTION "crux_assignment_stamp_insert"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "GradebookStamp" ("assignmentId") SELECT "id" FROM new_rows ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER "Assignment_gradebook_stamp_insert" AFTER INSERT ON "Assignment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_assignment_stamp_insert"();

CREATE FUNCTION "crux_assignment_stamp_update"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "crux_bump_gradebooks"(ARRAY(SELECT "id" FROM new_rows));
  RETURN NULL;
END $$;
CREATE TRIGGER "Assignment_gradebook_stamp_update" AFTER UPDATE ON "Assignment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_assignment_stamp_update"();

-- Quiz: the questions and the mark for a right answer of the assignment that uses it.
CREATE FUNCTION "crux_quiz_stamp_update"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "crux_bump_gradebooks"(ARRAY(
    SELECT a."id" FROM "Assignment" a JOIN new_rows n ON n."id" = a."quizId" JOIN old_rows o ON o."id" = n."id"
    WHERE (n."questionIds", n."markCorrect") IS DISTINCT FROM (o."questionIds", o."markCorrect")));
  RETURN NULL;
END $$;
CREATE TRIGGER "Quiz_gradebook_stamp_update" AFTER UPDATE ON "Quiz"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_quiz_stamp_update"();

-- DueExtension: a student's due time decides "late".
CREATE FUNCTION "crux_extension_stamp"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "crux_bump_gradebooks"(ARRAY(SELECT DISTINCT "assignmentId" FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "crux_bump_gradebooks"(ARRAY(SELECT "assignmentId" FROM new_rows UNION SELECT "assignmentId" FROM old_rows));
  ELSE
    PERFORM "crux_bump_gradebooks"(ARRAY(SELECT DISTINCT "assignmentId" FROM old_rows));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "DueExtension_gradebook_stamp_insert" AFTER INSERT ON "DueExtension"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_extension_stamp"();
CREATE TRIGGER "DueExtension_gradebook_stamp_update" AFTER UPDATE ON "DueExtension"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_extension_stamp"();
CREATE TRIGGER "DueExtension_gradebook_stamp_delete" AFTER DELETE ON "DueExtension"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_extension_stamp"();

-- Attempt: who started what, when, its status and hand-in time.
CREATE FUNCTION "crux_attempt_stamp"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "crux_bump_gradebooks"(ARRAY(SELECT DISTINCT "assignmentId" FROM new_rows WHERE "assignmentId" IS NOT NULL));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "crux_bump_gradebooks"(ARRAY(
      SELECT x."assignmentId" FROM new_rows n JOIN old_rows o ON o."id" = n."id",
        LATERAL (VALUES (n."assignmentId"), (o."assignmentId")) AS x ("assignmentId")
      WHERE x."assignmentId" IS NOT NULL
        AND (n."assignmentId", n."userId", n."questionId", n."status", n."startedAt", n."submittedAt")
            IS DISTINCT FROM (o."assignmentId", o."userId", o."questionId", o."status", o."startedAt", o."submittedAt")));
  ELSE
    PERFORM "crux_bump_gradebooks"(ARRAY(SELECT DISTINCT "assignmentId" FROM old_rows WHERE "assignmentId" IS NOT NULL));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "Attempt_gradebook_stamp_insert" AFTER INSERT ON "Attempt"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_attempt_stamp"();
CREATE TRIGGER "Attempt_gradebook_stamp_update" AFTER UPDATE ON "Attempt"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_attempt_stamp"();
CREATE TRIGGER "Attempt_gradebook_stamp_delete" AFTER DELETE ON "Attempt"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_attempt_stamp"();

-- Response: a quiz answer's score, and whether a written answer is provisional and not yet accepted.
-- An answer saved while it is written (its text, version, save time) changes none of these.
CREATE FUNCTION "crux_response_stamp"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "crux_bump_gradebooks"(ARRAY(
      SELECT DISTINCT a."assignmentId" FROM new_rows n JOIN "Attempt" a ON a."id" = n."attemptId"
      WHERE a."assignmentId" IS NOT NULL AND (n."score" IS NOT NULL OR n."isProvisional")));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "crux_bump_gradebooks"(ARRAY(
      SELECT DISTINCT a."assignmentId" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
        JOIN "Attempt" a ON a."id" IN (n."attemptId", o."attemptId")
      WHERE a."assignmentId" IS NOT NULL
        AND (n."attemptId", n."questionId", n."score", n."isProvisional", n."marksAcceptedAt")
            IS DISTINCT FROM (o."attemptId", o."questionId", o."score", o."isProvisional", o."marksAcceptedAt")));
  ELSE
    PERFORM "crux_bump_gradebooks"(ARRAY(
      SELECT DISTINCT a."assignmentId" FROM old_rows o JOIN "Attempt" a ON a."id" = o."attemptId"
      WHERE a."assignmentId" IS NOT NULL AND (o."score" IS NOT NULL OR o."isProvisional")));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "Response_gradebook_stamp_insert" AFTER INSERT ON "Response"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_response_stamp"();
CREATE TRIGGER "Response_gradebook_stamp_update" AFTER UPDATE ON "Response"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_response_stamp"();
CREATE TRIGGER "Response_gradebook_stamp_delete" AFTER DELETE ON "Response"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_response_stamp"();

-- PointScore: every automatic and moderated mark.
CREATE FUNCTION "crux_point_score_stamp"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "crux_bump_gradebooks"(ARRAY(
      SELECT DISTINCT a."assignmentId" FROM (SELECT DISTINCT "responseId" FROM new_rows) n
        JOIN "Response" r ON r."id" = n."responseId" JOIN "Attempt" a ON a."id" = r."attemptId"
      WHERE a."assignmentId" IS NOT NULL));
  ELSE
    PERFORM "crux_bump_gradebooks"(ARRAY(
      SELECT DISTINCT a."assignmentId" FROM (SELECT "responseId" FROM old_rows UNION SELECT "responseId" FROM new_rows) n
        JOIN "Response" r ON r."id" = n."responseId" JOIN "Attempt" a ON a."id" = r."attemptId"
      WHERE a."assignmentId" IS NOT NULL));
  END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION "crux_point_score_stamp_delete"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "crux_bump_gradebooks"(ARRAY(
    SELECT DISTINCT a."assignmentId" FROM (SELECT DISTINCT "responseId" FROM old_rows) o
      JOIN "Response" r ON r."id" = o."responseId" JOIN "Attempt" a ON a."id" = r."attemptId"
    WHERE a."assignmentId" IS NOT NULL));
  RETURN NULL;
END $$;
CREATE TRIGGER "PointScore_gradebook_stamp_insert" AFTER INSERT ON "PointScore"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_point_score_stamp"();
CREATE TRIGGER "PointScore_gradebook_stamp_update" AFTER UPDATE ON "PointScore"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_point_score_stamp"();
CREATE TRIGGER "PointScore_gradebook_stamp_delete" AFTER DELETE ON "PointScore"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_point_score_stamp_delete"();

-- Enrollment: the roster (joins, removals).
CREATE FUNCTION "crux_enrollment_stamp"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "crux_bump_class_gradebooks"(ARRAY(SELECT DISTINCT "classId" FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "crux_bump_class_gradebooks"(ARRAY(
      SELECT x."classId" FROM new_rows n JOIN old_rows o ON o."id" = n."id",
        LATERAL (VALUES (n."classId"), (o."classId")) AS x ("classId")
      WHERE (n."classId", n."studentId", n."removedAt") IS DISTINCT FROM (o."classId", o."studentId", o."removedAt")));
  ELSE
    PERFORM "crux_bump_class_gradebooks"(ARRAY(SELECT DISTINCT "classId" FROM old_rows));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "Enrollment_gradebook_stamp_insert" AFTER INSERT ON "Enrollment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_enrollment_stamp"();
CREATE TRIGGER "Enrollment_gradebook_stamp_update" AFTER UPDATE ON "Enrollment"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_enrollment_stamp"();
CREATE TRIGGER "Enrollment_gradebook_stamp_delete" AFTER DELETE ON "Enrollment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_enrollment_stamp"();

-- Classroom: its name heads the gradebook.
CREATE FUNCTION "crux_classroom_stamp_update"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "crux_bump_class_gradebooks"(ARRAY(
    SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id" WHERE n."name" IS DISTINCT FROM o."name"));
  RETURN NULL;
END $$;
CREATE TRIGGER "Classroom_gradebook_stamp_update" AFTER UPDATE ON "Classroom"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_classroom_stamp_update"();

-- User: a student's name and e-mail, in every class they are on the roster of.
CREATE FUNCTION "crux_user_stamp_update"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "crux_bump_class_gradebooks"(ARRAY(
    SELECT DISTINCT e."classId" FROM new_rows n JOIN old_rows o ON o."id" = n."id" JOIN "Enrollment" e ON e."studentId" = n."id"
    WHERE (n."name", n."email") IS DISTINCT FROM (o."name", o."email")));
  RETURN NULL;
END $$;
CREATE TRIGGER "User_gradebook_stamp_update" AFTER UPDATE ON "User"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_user_stamp_update"();

-- Question: the columns (prompt, marks, order; a set's accepted objective questions for a drawn quiz).
CREATE FUNCTION "crux_question_stamp"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "crux_bump_question_gradebooks"(ARRAY(SELECT "id" FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "crux_bump_question_gradebooks"(ARRAY(
      SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
      WHERE (n."studySetId", n."kind", n."prompt", n."marks", n."position", n."status")
            IS DISTINCT FROM (o."studySetId", o."kind", o."prompt", o."marks", o."position", o."status")));
    PERFORM "crux_bump_gradebooks"(ARRAY(
      SELECT a."id" FROM "Assignment" a JOIN old_rows o ON o."studySetId" = a."studySetId" JOIN new_rows n ON n."id" = o."id"
      WHERE n."studySetId" IS DISTINCT FROM o."studySetId"));
  ELSE
    PERFORM "crux_bump_gradebooks"(ARRAY(
      SELECT a."id" FROM "Assignment" a
      WHERE a."studySetId" IN (SELECT "studySetId" FROM old_rows) OR a."questionIds" && ARRAY(SELECT "id" FROM old_rows)));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "Question_gradebook_stamp_insert" AFTER INSERT ON "Question"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_question_stamp"();
CREATE TRIGGER "Question_gradebook_stamp_update" AFTER UPDATE ON "Question"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_question_stamp"();
CREATE TRIGGER "Question_gradebook_stamp_delete" AFTER DELETE ON "Question"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_question_stamp"();

-- RubricPoint: a written assignment's columns (text, marks, kind, order, theme).
CREATE FUNCTION "crux_rubric_point_stamp"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "crux_bump_question_gradebooks"(ARRAY(SELECT DISTINCT "questionId" FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "crux_bump_question_gradebooks"(ARRAY(SELECT "questionId" FROM new_rows UNION SELECT "questionId" FROM old_rows));
  ELSE
    PERFORM "crux_bump_question_gradebooks"(ARRAY(SELECT DISTINCT "questionId" FROM old_rows));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "RubricPoint_gradebook_stamp_insert" AFTER INSERT ON "RubricPoint"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_rubric_point_stamp"();
CREATE TRIGGER "RubricPoint_gradebook_stamp_update" AFTER UPDATE ON "RubricPoint"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_rubric_point_stamp"();
CREATE TRIGGER "RubricPoint_gradebook_stamp_delete" AFTER DELETE ON "RubricPoint"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_rubric_point_stamp"();

-- Model-answer sections and points: a rubric point's theme is its model-answer section's heading.
CREATE FUNCTION "crux_model_answer_section_stamp_update"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "crux_bump_question_gradebooks"(ARRAY(
    SELECT DISTINCT m."questionId" FROM new_rows n JOIN old_rows o ON o."id" = n."id" JOIN "ModelAnswer" m ON m."id" = n."modelAnswerId"
    WHERE n."heading" IS DISTINCT FROM o."heading"));
  RETURN NULL;
END $$;
CREATE TRIGGER "ModelAnswerSection_gradebook_stamp_update" AFTER UPDATE ON "ModelAnswerSection"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_model_answer_section_stamp_update"();

CREATE FUNCTION "crux_model_answer_point_stamp_update"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "crux_bump_question_gradebooks"(ARRAY(
    SELECT DISTINCT m."questionId" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
      JOIN "ModelAnswerSection" s ON s."id" IN (n."sectionId", o."sectionId") JOIN "ModelAnswer" m ON m."id" = s."modelAnswerId"
    WHERE n."sectionId" IS DISTINCT FROM o."sectionId"));
  RETURN NULL;
END $$;
CREATE TRIGGER "ModelAnswerPoint_gradebook_stamp_update" AFTER UPDATE ON "ModelAnswerPoint"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "crux_model_answer_point_stamp_update"();
