-- AlterTable
ALTER TABLE "Material" ADD COLUMN     "sentenceStarts" INTEGER[] NOT NULL DEFAULT ARRAY[]::INTEGER[];
