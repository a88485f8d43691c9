-- DropForeignKey
ALTER TABLE "GradebookChange" DROP CONSTRAINT "GradebookChange_assignmentId_fkey";

-- DropForeignKey
ALTER TABLE "GradebookStamp" DROP CONSTRAINT "GradebookStamp_assignmentId_fkey";

-- AddForeignKey
ALTER TABLE "GradebookChange" ADD CONSTRAINT "GradebookChange_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "GradebookStamp"("assignmentId") ON DELETE CASCADE ON UPDATE CASCADE;

-- One lock order for an assignment's deletion and a write to its attempts' work.
-- A mark (any write to an attempt, its responses, their point marks) holds those rows from its
-- statements on and, at its commit, locks the assignment's stamp and logs the change. Deleting the
-- assignment locked the assignment's row, then deleted its stamp and change rows (by foreign key,
-- in whatever order the cascades fired) and its attempts and their answers. Two cycles followed:
-- the deletion held the stamp while it waited for the marked rows, which the mark held while it
-- waited for the stamp; or the deletion held the assignment's row while it waited for the marked
-- rows, and the mark's commit waited for that row to check the foreign key of a change row it
-- inserted (an attempt's first logged change, or one whose row was pruned). PostgreSQL broke
-- either by failing one of the two transactions.
-- Now both take the shared rows in one order — the attempts' rows first, the stamp after:
-- * a change row refers to its stamp, not to the assignment: the mark's commit, which already holds
--   the stamp's row, needs no lock on the assignment's;
-- * the stamp (and with it its change rows) is deleted by a deferred trigger, at the deletion's
--   commit: after the cascades of its statements have deleted the assignment's attempts and their
--   answers, waiting for any mark of them to commit first. (Not by a statement-level trigger: the
--   cascades' own cascades — an attempt's responses, their marks — run after it.)
-- The stamp has no foreign key to the assignment any more: these triggers create and delete it.
-- An assignment deleted and created again with the same id in one transaction keeps its stamp (the
-- insert trigger found the old one still there and left it): the deletion's trigger, at commit,
-- finds the assignment back and starts the stamp on a new epoch instead, so no copy of the deleted
-- assignment's gradebook is served for the new one.
CREATE FUNCTION "crux_assignment_stamp_delete"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT FROM "Assignment" WHERE "id" = OLD."id") THEN
    INSERT INTO "GradebookStamp" ("assignmentId") VALUES (OLD."id")
      ON CONFLICT ("assignmentId") DO UPDATE SET "epoch" = gen_random_uuid();
  ELSE
    DELETE FROM "GradebookStamp" WHERE "assignmentId" = OLD."id";
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "Assignment_gradebook_stamp_delete" AFTER DELETE ON "Assignment" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "crux_assignment_stamp_delete"();

-- TRUNCATE fires no delete trigger: the stamps of assignments gone go with it, the others start a new epoch.
CREATE FUNCTION "crux_assignment_truncate"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "GradebookStamp" s WHERE NOT EXISTS (SELECT FROM "Assignment" a WHERE a."id" = s."assignmentId");
  UPDATE "GradebookStamp" SET "epoch" = gen_random_uuid();
  RETURN NULL;
END $$;
DROP TRIGGER "Assignment_gradebook_truncate" ON "Assignment";
CREATE TRIGGER "Assignment_gradebook_truncate" AFTER TRUNCATE ON "Assignment" FOR EACH STATEMENT EXECUTE FUNCTION "crux_assignment_truncate"();

-- An assignment's id never changes (the app never updates it; Prisma ids are fixed): the stamp, its
-- change rows and every cached copy are keyed by it, and with no foreign key left to cascade an
-- update the stamp would stay behind under the old id and the new id would have none. Refused.
CREATE FUNCTION "crux_assignment_id_fixed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'An assignment''s id cannot change (from % to %): its gradebook stamp is keyed by it', OLD."id", NEW."id"
    USING ERRCODE = 'feature_not_supported';
END $$;
CREATE TRIGGER "Assignment_id_fixed" BEFORE UPDATE OF "id" ON "Assignment"
  FOR EACH ROW WHEN (OLD."id" IS DISTINCT FROM NEW."id") EXECUTE FUNCTION "crux_assignment_id_fixed"();
