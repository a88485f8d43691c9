-- A set may be assigned to one class more than once (Quiz 1 this week, Quiz 2 the next). What stays
-- unique, one card review of a set per class, is checked by the application under a lock on the class
-- row (lib/db/assignments.ts createAssignment). Lookups by class keep "Assignment_classId_dueAt_idx",
-- by set "Assignment_studySetId_idx".

-- DropIndex
DROP INDEX "Assignment_classId_studySetId_kind_key";
