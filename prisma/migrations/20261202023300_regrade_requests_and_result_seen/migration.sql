-- CreateEnum
CREATE TYPE "RegradeStatus" AS ENUM ('open', 'answered');

-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "resultSeenAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RegradeRequest" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "rubricPointId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "RegradeStatus" NOT NULL DEFAULT 'open',
    "answer" TEXT,
    "answeredById" TEXT,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegradeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RegradeRequest_responseId_rubricPointId_idx" ON "RegradeRequest"("responseId", "rubricPointId");

-- CreateIndex
CREATE INDEX "RegradeRequest_status_createdAt_idx" ON "RegradeRequest"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "RegradeRequest" ADD CONSTRAINT "RegradeRequest_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegradeRequest" ADD CONSTRAINT "RegradeRequest_rubricPointId_fkey" FOREIGN KEY ("rubricPointId") REFERENCES "RubricPoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegradeRequest" ADD CONSTRAINT "RegradeRequest_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegradeRequest" ADD CONSTRAINT "RegradeRequest_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


