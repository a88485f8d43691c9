-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "marksAcceptedAt" TIMESTAMP(3),
ADD COLUMN     "marksAcceptedById" TEXT;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_marksAcceptedById_fkey" FOREIGN KEY ("marksAcceptedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
