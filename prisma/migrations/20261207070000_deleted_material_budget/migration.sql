-- A study set's owner may delete it (lib/server/authoring.ts deleteStudySetFor). Material it leaves unused
-- goes with it, but material stored within the last day keeps counting against the owner's daily budget
-- through its size recorded here (lib/db/material-budget.ts).

-- CreateTable
CREATE TABLE "DeletedMaterial" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "storedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeletedMaterial_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DeletedMaterial_ownerId_storedAt_idx" ON "DeletedMaterial"("ownerId", "storedAt");

-- AddForeignKey
ALTER TABLE "DeletedMaterial" ADD CONSTRAINT "DeletedMaterial_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


