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
