import { describe, expect, it } from "vitest";
import { can, hasSupervisor, supervisingClassOf, type Actor, type ClassFacts, type StudySetFacts, type WorkFacts } from "@/lib/auth/permissions";

const owner: Actor = { id: "owner", role: "teacher" };
const student: Actor = { id: "student", role: "student" };
const otherStudent: Actor = { id: "other-student", role: "student" };
const teacherOfClass: Actor = { id: "teacher", role: "teacher" };
const otherTeacher: Actor = { id: "other-teacher", role: "teacher" };
const coTeacher: Actor = { id: "co-teacher", role: "teacher" };
const admin: Actor = { id: "admin", role: "admin" };

const draft: StudySetFacts = { ownerId: "owner", status: "draft", isPublic: false, isAssignedToActor: false };
const published = (over: Partial<StudySetFacts>): StudySetFacts => ({ ownerId: "owner", status: "published", isPublic: false, isAssignedToActor: false, ...over });

describe("study set access", () => {
  it.each([
    ["the owner sees a draft", owner, draft, true],
    ["a student never sees someone else's draft", student, { ...draft, isAssignedToActor: true }, false],
    ["another teacher never sees someone else's draft", otherTeacher, draft, false],
    ["a student sees a published public set", student, published({ isPublic: true }), true],
    ["a student sees a published set assigned to their class", student, published({ isAssignedToActor: true }), true],
    ["a student does not see a published private set not assigned to them", otherStudent, published({}), false],
    ["an admin sees anything", admin, draft, true],
  ] as const)("%s", (_name, actor, set, expected) => {
    expect(can(actor, { action: "studySet.view", set })).toBe(expected);
  });

  it("only the owner edits a set", () => {
    expect(can(owner, { action: "studySet.edit", set: draft })).toBe(true);
    expect(can(otherTeacher, { action: "studySet.edit", set: draft })).toBe(false);
    expect(can(student, { action: "studySet.edit", set: published({ isPublic: true }) })).toBe(false);
  });

  it.each([
    ["its owner", owner, true],
    ["a student it is assigned to", student, false],
    ["another teacher", otherTeacher, false],
    ["an administrator", admin, false],
  ] as const)("deleting a set is for its owner only: %s may (%s)", (_name, actor, expected) => {
    expect(can(actor, { action: "studySet.delete", set: published({ isPublic: true, isAssignedToActor: true }) })).toBe(expected);
  });
});

describe("class access", () => {
  const classroom = (isActorEnrolled: boolean): ClassFacts => ({ teacherId: "teacher", coTeacherIds: ["co-teacher"], isActorEnrolled });

  it.each([
    ["its teacher views it", teacherOfClass, classroom(false), true],
    ["an enrolled student views it", student, classroom(true), true],
    ["a student not enrolled cannot", otherStudent, classroom(false), false],
    ["another teacher cannot", otherTeacher, classroom(false), false],
    ["a co-teacher views it", coTeacher, classroom(false), true],
  ] as const)("%s", (_name, actor, facts, expected) => {
    expect(can(actor, { action: "class.view", classroom: facts })).toBe(expected);
  });

  it("a co-teacher manages it, but only its owner shares it with other teachers", () => {
    expect(can(coTeacher, { action: "class.manage", classroom: classroom(false) })).toBe(true);
    expect(can(coTeacher, { action: "class.share", classroom: classroom(false) })).toBe(false);
    expect(can(teacherOfClass, { action: "class.share", classroom: classroom(false) })).toBe(true);
    expect(can(otherTeacher, { action: "class.share", classroom: classroom(false) })).toBe(false);
  });

  it("only its teacher manages it", () => {
    expect(can(teacherOfClass, { action: "class.manage", classroom: classroom(false) })).toBe(true);
    expect(can(student, { action: "class.manage", classroom: classroom(true) })).toBe(false);
    expect(can(otherTeacher, { action: "class.manage", classroom: classroom(false) })).toBe(false);
  });

  it("students join classes; teachers create them", () => {
    expect(can(student, { action: "class.join" })).toBe(true);
    expect(can(teacherOfClass, { action: "class.join" })).toBe(false);
    expect(can(student, { action: "class.create" })).toBe(false);
    expect(can(teacherOfClass, { action: "class.create" })).toBe(true);
  });
});

describe("student work", () => {
  // The student is in the teacher's class and in another teacher's class.
  const work = (over: Partial<WorkFacts>): WorkFacts => ({
    ownerId: "student",
    setOwnerId: "owner",
    assignmentClassId: null,
    ownerClasses: [
      { classId: "class-a", teacherId: "teacher", coTeacherIds: ["co-teacher"], isSetAssigned: false },
      { classId: "class-b", teacherId: "other-teacher", coTeacherIds: [], isSetAssigned: false },
    ],
    ...over,
  });
  const assignedToA = work({
    ownerClasses: [
      { classId: "class-a", teacherId: "teacher", coTeacherIds: ["co-teacher"], isSetAssigned: true },
      { classId: "class-b", teacherId: "other-teacher", coTeacherIds: [], isSetAssigned: false },
    ],
  });
  const removedFromA = (over: Partial<WorkFacts>) =>
    work({ ownerClasses: [{ classId: "class-a", teacherId: "teacher", coTeacherIds: ["co-teacher"], isSetAssigned: true, isRemoved: true }], ...over });
  const forAssignmentOfB = work({ assignmentClassId: "class-b" });
  const onPrivateSet = work({ setOwnerId: "student" });
  const onTeachersOwnSet = work({ setOwnerId: "teacher" });

  it.each([
    ["the student sees their own private work", student, onPrivateSet, true],
    ["the class teacher sees work on a set assigned to the class", teacherOfClass, assignedToA, true],
    ["the class teacher sees practice on their own set", teacherOfClass, onTeachersOwnSet, true],
    ["the class teacher never sees the student's private set", teacherOfClass, onPrivateSet, false],
    ["the class teacher never sees work for another teacher's assignment", teacherOfClass, forAssignmentOfB, false],
    ["the other teacher sees work for their own assignment", otherTeacher, forAssignmentOfB, true],
    ["the other teacher never sees work on a set assigned only to the first class", otherTeacher, assignedToA, false],
    ["another student never sees it", otherStudent, assignedToA, false],
    ["a set's owner sees nothing of a student outside their classes", owner, work({ setOwnerId: "owner", ownerClasses: [] }), false],
    ["an admin sees it", admin, onPrivateSet, true],
    ["a co-teacher of the class sees work on a set assigned to it", coTeacher, assignedToA, true],
    ["a co-teacher never sees work for another teacher's assignment", coTeacher, forAssignmentOfB, false],
    ["after removal, the class teacher still sees work done for the class's assignment", teacherOfClass, removedFromA({ assignmentClassId: "class-a" }), true],
    ["after removal, the class teacher no longer sees the student's later practice", teacherOfClass, removedFromA({}), false],
  ] as const)("%s", (_name, actor, facts, expected) => {
    expect(can(actor, { action: "work.view", work: facts })).toBe(expected);
  });

  it("names the class through which a teacher supervises the work", () => {
    expect(supervisingClassOf(teacherOfClass, assignedToA)).toBe("class-a");
    expect(supervisingClassOf(otherTeacher, forAssignmentOfB)).toBe("class-b");
    expect(supervisingClassOf(teacherOfClass, onPrivateSet)).toBeNull();
  });

  it("knows whether any teacher supervises the work (someone to answer a regrade request)", () => {
    expect(hasSupervisor(assignedToA)).toBe(true);
    expect(hasSupervisor(forAssignmentOfB)).toBe(true);
    expect(hasSupervisor(onPrivateSet)).toBe(false);
    expect(hasSupervisor(removedFromA({}))).toBe(false);
  });

  it("only a supervising teacher moderates marks", () => {
    expect(can(teacherOfClass, { action: "work.moderate", work: assignedToA })).toBe(true);
    expect(can(teacherOfClass, { action: "work.moderate", work: forAssignmentOfB })).toBe(false);
    expect(can(teacherOfClass, { action: "work.moderate", work: onPrivateSet })).toBe(false);
    expect(can(student, { action: "work.moderate", work: onPrivateSet })).toBe(false);
    expect(can(otherTeacher, { action: "work.moderate", work: assignedToA })).toBe(false);
    expect(can(coTeacher, { action: "work.moderate", work: assignedToA })).toBe(true);
  });
});
