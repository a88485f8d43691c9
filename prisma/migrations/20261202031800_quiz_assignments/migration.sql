-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "quizId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_quizId_key" ON "Assignment"("quizId");

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE SET NULL ON UPDATE CASCADE;


