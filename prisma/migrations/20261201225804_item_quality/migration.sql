-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "qualityReasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "qualityScore" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "qualityReasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "qualityScore" DOUBLE PRECISION;
