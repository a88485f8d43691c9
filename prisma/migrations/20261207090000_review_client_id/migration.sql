-- A rating is idempotent: the review screen names each rating (crypto.randomUUID) and a rating sent again after its
-- response was lost is found by that id, not applied twice (a second log line, the card scheduled twice). An undone
-- review leaves a row behind, so an undo sent again is answered with the card instead of "already undone" (which
-- dropped the card from the session), and the rating sent again after its undo is not applied again.
-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "clientReviewId" TEXT;

-- CreateTable
CREATE TABLE "UndoneReview" (
    "reviewLogId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "clientReviewId" TEXT,
    "undoneAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UndoneReview_pkey" PRIMARY KEY ("reviewLogId")
);

-- CreateIndex
CREATE INDEX "UndoneReview_cardId_idx" ON "UndoneReview"("cardId");

-- CreateIndex
CREATE UNIQUE INDEX "UndoneReview_userId_clientReviewId_key" ON "UndoneReview"("userId", "clientReviewId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewLog_userId_clientReviewId_key" ON "ReviewLog"("userId", "clientReviewId");

-- AddForeignKey
ALTER TABLE "UndoneReview" ADD CONSTRAINT "UndoneReview_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UndoneReview" ADD CONSTRAINT "UndoneReview_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE CASCADE ON UPDATE CASCADE;


