-- CreateEnum
CREATE TYPE "QuizMode" AS ENUM ('timed', 'practice');

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "extraTimeAddedSec" INTEGER,
ADD COLUMN     "extraTimeMultiplier" DOUBLE PRECISION,
ADD COLUMN     "quizId" TEXT;

-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "answeredAt" TIMESTAMP(3),
ADD COLUMN     "firstSeenAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Quiz" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "studySetId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "questionIds" TEXT[],
    "selection" JSONB,
    "mode" "QuizMode" NOT NULL DEFAULT 'timed',
    "timeLimitSec" INTEGER,
    "graceSec" INTEGER NOT NULL DEFAULT 5,
    "markCorrect" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "markWrong" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "markBlank" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Quiz_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Quiz_ownerId_createdAt_idx" ON "Quiz"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "Quiz_studySetId_idx" ON "Quiz"("studySetId");

-- CreateIndex
CREATE INDEX "Attempt_quizId_userId_idx" ON "Attempt"("quizId", "userId");

-- CreateIndex
CREATE INDEX "Attempt_kind_status_deadlineAt_idx" ON "Attempt"("kind", "status", "deadlineAt");

-- AddForeignKey
ALTER TABLE "Quiz" ADD CONSTRAINT "Quiz_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quiz" ADD CONSTRAINT "Quiz_studySetId_fkey" FOREIGN KEY ("studySetId") REFERENCES "StudySet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attempt" ADD CONSTRAINT "Attempt_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE CASCADE ON UPDATE CASCADE;
