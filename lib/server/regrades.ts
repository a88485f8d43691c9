import "server-only";
import { AppError } from "../errors";
import { hasSupervisor, supervisesThroughClass, type Actor } from "../auth/permissions";
import { getAttemptFacts } from "../db/attempts";
import { getClassFacts } from "../db/classes";
import { answerRegradeRequest, createRegradeRequest, getRegradeFacts, listOpenRegradeCandidates, type OpenRegrade } from "../db/regrades";
import { isOfferedMark } from "../writing/marks";
import { answerRegradeSchema, askRegradeSchema } from "../writing/schemas";
import { assertCan } from "./authorize";
import { withheldNoteFor } from "./result-release";
import { fieldErrorsOf } from "./validation";

/**
 * Regrade requests: the owner of a released written result asks for one point to be looked at
 * again; a teacher who may moderate that work (the assignment class's teacher or co-teacher, or for
 * practice a teacher of the student's class the set is assigned to) answers where they moderate — accepting moderates the point with the reply as reason.
 */

/** The student asks for a regrade of one point of their own released, graded written answer. */
export async function askForRegrade(actor: Actor, raw: unknown, now: Date): Promise<{ requestId: string }> {
  const parsed = askRegradeSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues[0]?.message ?? "Check the request.", fieldErrorsOf(parsed.error));
  const { attemptId, rubricPointId, reason } = parsed.data;
  const facts = await getAttemptFacts(attemptId);
  if (!facts) throw new AppError("NOT_FOUND", "That answer does not exist.");
  assertCan(actor, { action: "work.view", work: facts.work });
  if (facts.ownerId !== actor.id) throw new AppError("FORBIDDEN", "Only the student who wrote this answer may ask for a regrade.");
  if (facts.status !== "graded") throw new AppError("INVALID", "This answer has not been marked yet.");
  if (!hasSupervisor(facts.work)) throw new AppError("CONFLICT", "No teacher supervises this answer (it was not written for a class), so there is nobody to ask for a regrade.");
  if (await withheldNoteFor(true, attemptId, now)) throw new AppError("CONFLICT", "Your marks are not released yet, so there is nothing to regrade.");
  const created = await createRegradeRequest({ attemptId, studentId: actor.id, rubricPointId, reason, at: now });
  if (!created.isCreated) {
    throw created.reason === "already_open"
      ? new AppError("CONFLICT", "You have already asked for a regrade of this point; your teacher has not answered yet.")
      : new AppError("NOT_FOUND", "That rubric point was not marked in this answer.");
  }
  return { requestId: created.id };
}

/** A teacher of the work's class accepts (with the new mark) or declines a regrade request, with a reply the student reads. */
export async function answerRegrade(actor: Actor, raw: unknown, now: Date): Promise<{ score: number | null; maxScore: number | null }> {
  const parsed = answerRegradeSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues[0]?.message ?? "Check the answer.", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  const request = await getRegradeFacts(input.requestId);
  if (!request) throw new AppError("NOT_FOUND", "That regrade request does not exist.");
  const facts = await getAttemptFacts(request.attemptId);
  if (!facts) throw new AppError("NOT_FOUND", "That answer does not exist.");
  assertCan(actor, { action: "work.view", work: facts.work });
  assertCan(actor, { action: "work.moderate", work: facts.work });
  if (request.status !== "open") throw new AppError("CONFLICT", "This request has already been answered.");
  if (input.decision === "accept") {
    if (request.pointMax === null) throw new AppError("NOT_FOUND", "That rubric point was not marked in this answer.");
    if (!isOfferedMark(input.awarded, request.pointMax)) {
      throw new AppError("INVALID", `Choose a mark from 0 to ${request.pointMax} in steps of ½.`, { awarded: [`From 0 to ${request.pointMax} in steps of ½.`] });
    }
  }
  return answerRegradeRequest({
    requestId: request.id,
    teacherId: actor.id,
    reply: input.reply,
    at: now,
    accept: input.decision === "accept" ? { attemptId: request.attemptId, rubricPointId: request.rubricPointId, awarded: input.awarded } : null,
  });
}

/**
 * Open regrade requests a teacher of the class answers through it, oldest first: on work for its
 * assignments (one assignment's when given) and on practice its students did on a set assigned to the
 * class or on the teacher's own set (on the assignment's set when given) — exactly the answers the
 * viewer may already open and moderate (`supervisesThroughClass`), so nobody else's students appear.
 */
export async function listOpenRegradesFor(actor: Actor, classId: string, assignmentId?: string): Promise<OpenRegrade[]> {
  const classroom = await getClassFacts(classId, actor.id);
  if (!classroom) throw new AppError("NOT_FOUND", "That class does not exist.");
  assertCan(actor, { action: "class.manage", classroom });
  // An administrator sees what the class's own teachers see.
  const viewers: Actor[] = actor.role === "admin" ? [classroom.teacherId, ...classroom.coTeacherIds].map((id) => ({ id, role: "teacher" })) : [actor];
  const candidates = await listOpenRegradeCandidates(classId, assignmentId);
  return candidates.filter((c) => viewers.some((v) => supervisesThroughClass(v, c.work, classId))).map((c) => c.regrade);
}
