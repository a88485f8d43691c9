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
  /** True when the actor is enrolled in the class. */
  isActorEnrolled: boolean;
}

export type Permission =
  | { action: "studySet.view"; set: StudySetFacts }
  | { action: "studySet.edit"; set: StudySetFacts }
  | { action: "studySet.create" }
  | { action: "class.create" }
  | { action: "class.view"; classroom: ClassFacts }
  | { action: "class.manage"; classroom: ClassFacts }
  | { action: "class.join" }
  | { action: "work.view"; ownerId: string; classroomOfOwner?: ClassFacts }
  | { action: "work.moderate"; classroomOfOwner?: ClassFacts };

const isStaff = (actor: Actor) => actor.role === "teacher" || actor.role === "admin";

/** True when `actor` may perform the permission's action on its resource. */
export function can(actor: Actor, permission: Permission): boolean {
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
      return permission.classroom.teacherId === actor.id || permission.classroom.isActorEnrolled;
    case "class.manage":
      return permission.classroom.teacherId === actor.id;
    case "class.join":
      return actor.role === "student";
    case "work.view":
      return permission.ownerId === actor.id || permission.classroomOfOwner?.teacherId === actor.id;
    case "work.moderate":
      return isStaff(actor) && permission.classroomOfOwner?.teacherId === actor.id;
  }
}
