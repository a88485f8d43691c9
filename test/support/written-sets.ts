import { getDb } from "@/lib/db/client";

/**
 * A published set of one written question on delta floods (3 marks: a 2-mark content point `c1` and a
 * 1-mark structure point `s1`), the fixture of the teacher-side database tests. Returns its ids and its
 * rubric points' ids by key.
 */
export async function createFloodsQuestionSet(ownerId: string, title: string, prompt = `${title}: how do floods keep delta soil fertile?`) {
  const db = await getDb();
  const set = await db.studySet.create({
    data: {
      ownerId,
      title,
      status: "published",
      questions: {
        create: [
          {
            kind: "written",
            prompt,
            explanation: "-",
            marks: 3,
            timeLimitSec: 600,
            wordLimit: 150,
            position: 0,
            rubricPoints: {
              create: [
                { key: "c1", point: "Monsoon floods spread fresh silt over the fields, keeping the soil fertile.", marks: 2, kind: "content", position: 0 },
                { key: "s1", point: "A conclusion with a way forward.", marks: 1, kind: "structure", position: 1 },
              ],
            },
          },
        ],
      },
    },
    select: { id: true, questions: { select: { id: true, rubricPoints: { select: { id: true, key: true } } } } },
  });
  const question = set.questions[0]!;
  return { setId: set.id, questionId: question.id, points: Object.fromEntries(question.rubricPoints.map((p) => [p.key, p.id])) as Record<"c1" | "s1", string> };
}

/**
 * A published set of two single-choice questions ("<stem> question 1?", "… 2?"), each with a right and a
 * wrong option, for quiz assignments in the teacher-side tests. Returns the set's id and its questions' ids in order.
 */
export async function createTwoQuestionQuizSet(ownerId: string, title: string, stem: string): Promise<{ setId: string; questionIds: string[] }> {
  const db = await getDb();
  const set = await db.studySet.create({
    data: {
      ownerId,
      title,
      status: "published",
      questions: {
        create: [0, 1].map((i) => ({
          kind: "single_choice" as const,
          prompt: `${stem} question ${i + 1}?`,
          explanation: "-",
          marks: 1,
          timeLimitSec: 60,
          position: i,
          options: { create: [{ text: "right", isCorrect: true, position: 0 }, { text: "wrong", isCorrect: false, position: 1 }] },
        })),
      },
    },
    select: { id: true, questions: { select: { id: true }, orderBy: { position: "asc" } } },
  });
  return { setId: set.id, questionIds: set.questions.map((q) => q.id) };
}
