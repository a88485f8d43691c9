import { describe, expect, it } from "vitest";
import { can, type Actor, type ClassFacts, type StudySetFacts } from "@/lib/auth/permissions";

const owner: Actor = { id: "owner", role: "teacher" };
const student: Actor = { id: "student", role: "student" };
const otherStudent: Actor = { id: "other-student", role: "student" };
const teacherOfClass: Actor = { id: "teacher", role: "teacher" };
const otherTeacher: Actor = { id: "other-teacher", role: "teacher" };
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
});

describe("class access", () => {
  const classroom = (isActorEnrolled: boolean): ClassFacts => ({ teacherId: "teacher", isActorEnrolled });

  it.each([
    ["its teacher views it", teacherOfClass, classroom(false), true],
    ["an enrolled student views it", student, classroom(true), true],
    ["a student not enrolled cannot", otherStudent, classroom(false), false],
    ["another teacher cannot", otherTeacher, classroom(false), false],
  ] as const)("%s", (_name, actor, facts, expected) => {
    expect(can(actor, { action: "class.view", classroom: facts })).toBe(expected);
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
  const ofClass: ClassFacts = { teacherId: "teacher", isActorEnrolled: false };
  it.each([
    ["the student sees their own work", student, true],
    ["the class teacher sees it", teacherOfClass, true],
    ["another student never sees it", otherStudent, false],
    ["another teacher never sees it", otherTeacher, false],
  ] as const)("%s", (_name, actor, expected) => {
    expect(can(actor, { action: "work.view", ownerId: "student", classroomOfOwner: ofClass })).toBe(expected);
  });

  it("only the class teacher moderates marks", () => {
    expect(can(teacherOfClass, { action: "work.moderate", classroomOfOwner: ofClass })).toBe(true);
    expect(can(student, { action: "work.moderate", classroomOfOwner: { ...ofClass, teacherId: "student" } })).toBe(false);
    expect(can(otherTeacher, { action: "work.moderate", classroomOfOwner: ofClass })).toBe(false);
  });
});
