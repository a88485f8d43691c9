-- AlterTable
ALTER TABLE "RegradeRequest" ADD COLUMN     "isAccepted" BOOLEAN;
