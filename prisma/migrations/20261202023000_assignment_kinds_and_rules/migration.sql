-- CreateEnum
CREATE TYPE "AssignmentKind" AS ENUM ('study_set', 'quiz', 'written');

-- CreateEnum
CREATE TYPE "ResultRelease" AS ENUM ('on_submission', 'after_due', 'by_teacher');

-- CreateEnum
CREATE TYPE "LatePolicy" AS ENUM ('accept_late', 'refuse');

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "kind" "AssignmentKind" NOT NULL DEFAULT 'study_set',
ADD COLUMN     "latePolicy" "LatePolicy" NOT NULL DEFAULT 'accept_late',
ADD COLUMN     "opensAt" TIMESTAMP(3),
ADD COLUMN     "questionIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "resultRelease" "ResultRelease" NOT NULL DEFAULT 'on_submission',
ADD COLUMN     "resultsReleasedAt" TIMESTAMP(3);

-- Existing duplicates (the same set assigned twice to one class) merge into the oldest assignment:
-- their attempts move to it, so no student's work is lost, and the later copies go.
WITH ranked AS (
  SELECT "id", FIRST_VALUE("id") OVER (PARTITION BY "classId", "studySetId", "kind" ORDER BY "createdAt", "id") AS "keepId"
  FROM "Assignment"
)
UPDATE "Attempt" SET "assignmentId" = ranked."keepId"
FROM ranked WHERE "Attempt"."assignmentId" = ranked."id" AND ranked."id" <> ranked."keepId";

WITH ranked AS (
  SELECT "id", FIRST_VALUE("id") OVER (PARTITION BY "classId", "studySetId", "kind" ORDER BY "createdAt", "id") AS "keepId"
  FROM "Assignment"
)
DELETE FROM "Assignment" USING ranked WHERE "Assignment"."id" = ranked."id" AND ranked."id" <> ranked."keepId";

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_classId_studySetId_kind_key" ON "Assignment"("classId", "studySetId", "kind");
