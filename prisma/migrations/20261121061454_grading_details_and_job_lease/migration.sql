-- AlterTable
ALTER TABLE "GenerationJob" ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "runCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "gradeDetails" JSONB;
