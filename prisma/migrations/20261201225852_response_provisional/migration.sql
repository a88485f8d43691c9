-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "gradeConfidence" DOUBLE PRECISION,
ADD COLUMN     "isProvisional" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Response_isProvisional_gradedAt_idx" ON "Response"("isProvisional", "gradedAt");
