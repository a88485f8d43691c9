-- DropIndex
DROP INDEX "ReviewLog_userId_reviewedAt_idx";

-- CreateIndex
CREATE INDEX "ReviewLog_userId_reviewedAt_rating_state_idx" ON "ReviewLog"("userId", "reviewedAt", "rating", "state");
