import type { Role } from "./schemas";

/**
 * Who may do what — the one place the rules live. Pure: callers load the facts (ownership,
 * enrollment) and ask. Server use cases call `assertCan`, which throws FORBIDDEN.
 */
export interface Actor {
  id: string;
  role: Role;
}

export interface StudySetFacts {
  ownerId: string;
  status: "draft" | "published";
  isPublic: boolean;
  /** True when the set is assigned to a class the actor is enrolled in. */
  isAssignedToActor: boolean;
}

export interface ClassFacts {
  teacherId: string;
  /** Teachers who share the class with its owner (co-teachers). */
  coTeacherIds: readonly string[];
  /** True when the actor is enrolled in the class (and not removed from it). */
  isActorEnrolled: boolean;
}

/**
 * What the rules need about one piece of a student's work (an attempt and its answers): whose it
 * is, whose set it was done on, which class's assignment it was done for, and the classes its
 * owner is enrolled in.
 */
export interface WorkFacts {
  ownerId: string;
  /** The owner of the study set the work was done on. */
  setOwnerId: string;
  /** The class whose assignment the work was done for; null for self-directed practice. */
  assignmentClassId: string | null;
  /**
   * Every class the work's owner is (or was, `isRemoved`) enrolled in, each saying whether the work's
   * set is assigned to it. A removed student's work for that class's assignments stays visible to its teachers.
   */
  ownerClasses: readonly { classId: string; teacherId: string; coTeacherIds: readonly string[]; isSetAssigned: boolean; isRemoved?: boolean }[];
}

/** Who teaches a class: its owner and its co-teachers. */
export function teaches(actor: Actor, classroom: { teacherId: string; coTeacherIds: readonly string[] }): boolean {
  return classroom.teacherId === actor.id || classroom.coTeacherIds.includes(actor.id);
}

/**
 * The class through which `actor` supervises a student's work, if any: a class the actor teaches
 * and the student is enrolled in, where the work was done for that class's assignment — or, for
 * practice outside an assignment, on a set assigned to that class or on the actor's own set. Work
 * for another teacher's assignment, or on the student's private sets, is supervised by nobody else.
 */
export function supervisingClassOf(actor: Actor, work: WorkFacts): string | null {
  return work.ownerClasses.find((c) => isSupervisedThrough(actor, work, c))?.classId ?? null;
}

/** True when `actor` supervises the work through `classId` in particular (the rule of `supervisingClassOf`, for one class). */
export function supervisesThroughClass(actor: Actor, work: WorkFacts, classId: string): boolean {
  const ownerClass = work.ownerClasses.find((c) => c.classId === classId);
  return ownerClass !== undefined && isSupervisedThrough(actor, work, ownerClass);
}

function isSupervisedThrough(actor: Actor, work: WorkFacts, ownerClass: WorkFacts["ownerClasses"][number]): boolean {
  if (!teaches(actor, ownerClass)) return false;
  if (work.assignmentClassId) return ownerClass.classId === work.assignmentClassId;
  if (ownerClass.isRemoved) return false;
  return ownerClass.isSetAssigned || work.setOwnerId === actor.id;
}

/** True when some teacher supervises the work (so a regrade request on it has someone to answer it). */
export function hasSupervisor(work: WorkFacts): boolean {
  return work.ownerClasses.some((c) => [c.teacherId, ...c.coTeacherIds].some((id) => supervisingClassOf({ id, role: "teacher" }, work) !== null));
}

export type Permission =
  | { action: "studySet.view"; set: StudySetFacts }
  | { action: "studySet.edit"; set: StudySetFacts }
  /** Its owner only — not even an administrator: deleting a set removes the owner's own attempts and reviews of it. */
  | { action: "studySet.delete"; set: StudySetFacts }
  | { action: "studySet.create" }
  | { action: "class.create" }
  | { action: "class.view"; classroom: ClassFacts }
  | { action: "class.manage"; classroom: ClassFacts }
  /** Only the class's owner adds or removes co-teachers. */
  | { action: "class.share"; classroom: ClassFacts }
  | { action: "class.join" }
  | { action: "work.view"; work: WorkFacts }
  | { action: "work.moderate"; work: WorkFacts }
  | { action: "teacherCode.manage" };

const isStaff = (actor: Actor) => actor.role === "teacher" || actor.role === "admin";

/** True when `actor` may perform the permission's action on its resource. */
export function can(actor: Actor, permission: Permission): boolean {
  if (permission.action === "studySet.delete") return permission.set.ownerId === actor.id;
  if (actor.role === "admin") return true;
  switch (permission.action) {
    case "studySet.view": {
      const { set } = permission;
      if (set.ownerId === actor.id) return true;
      if (set.status !== "published") return false;
      return set.isPublic || set.isAssignedToActor;
    }
    case "studySet.edit":
      return permission.set.ownerId === actor.id;
    case "studySet.create":
      return true; // students make private self-study sets; teachers make sets to assign.
    case "class.create":
      return isStaff(actor);
    case "class.view":
      return teaches(actor, permission.classroom) || permission.classroom.isActorEnrolled;
    case "class.manage":
      return teaches(actor, permission.classroom);
    case "class.share":
      return permission.classroom.teacherId === actor.id;
    case "class.join":
      return actor.role === "student";
    case "work.view":
      return permission.work.ownerId === actor.id || supervisingClassOf(actor, permission.work) !== null;
    case "work.moderate":
      return isStaff(actor) && supervisingClassOf(actor, permission.work) !== null;
    case "teacherCode.manage":
      return false; // administrators only (allowed above)
  }
}
