-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "originKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Card_studySetId_originKey_key" ON "Card"("studySetId", "originKey");
