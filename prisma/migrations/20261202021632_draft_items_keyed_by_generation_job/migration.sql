-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "generationJobId" TEXT;

-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "generationJobId" TEXT;

-- CreateIndex
CREATE INDEX "Card_generationJobId_idx" ON "Card"("generationJobId");

-- CreateIndex
CREATE INDEX "Question_generationJobId_idx" ON "Question"("generationJobId");
