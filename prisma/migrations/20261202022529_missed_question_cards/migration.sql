/*
  Warnings:

  - A unique constraint covering the columns `[ownerId,missedFromSetId]` on the table `StudySet` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "sourceQuestionId" TEXT;

-- AlterTable
ALTER TABLE "StudySet" ADD COLUMN     "missedFromSetId" TEXT;

-- CreateIndex
CREATE INDEX "Card_sourceQuestionId_idx" ON "Card"("sourceQuestionId");

-- CreateIndex
CREATE UNIQUE INDEX "StudySet_ownerId_missedFromSetId_key" ON "StudySet"("ownerId", "missedFromSetId");

-- AddForeignKey
ALTER TABLE "StudySet" ADD CONSTRAINT "StudySet_missedFromSetId_fkey" FOREIGN KEY ("missedFromSetId") REFERENCES "StudySet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Card" ADD CONSTRAINT "Card_sourceQuestionId_fkey" FOREIGN KEY ("sourceQuestionId") REFERENCES "Question"("id") ON DELETE SET NULL ON UPDATE CASCADE;
