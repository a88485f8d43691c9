-- CreateTable
CREATE TABLE "LearnerSettings" (
    "userId" TEXT NOT NULL,
    "examDate" DATE,
    "newCardsPerDay" INTEGER NOT NULL DEFAULT 20,
    "desiredRetention" DOUBLE PRECISION NOT NULL DEFAULT 0.9,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LearnerSettings_pkey" PRIMARY KEY ("userId")
);

-- AddForeignKey
ALTER TABLE "LearnerSettings" ADD CONSTRAINT "LearnerSettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
