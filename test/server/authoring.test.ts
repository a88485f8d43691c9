import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeLeftToReview } from "@/lib/authoring/review-summary";
import { AppError } from "@/lib/errors";
import type { UserRecord } from "@/lib/db/users";
import { getDb } from "@/lib/db/client";
import { IMPORTED_MODEL_ANSWER_SOURCE } from "@/lib/db/authoring";
import { closeEnginePool } from "@/lib/server/engine-pool";
import {
  acceptAllDraftsFor,
  addWrittenQuestionFor,
  AUTHORING_LIMITS,
  createStudySetFromMaterial,
  getAuthoringFor,
  importModelAnswerFor,
  listWrittenSourcesFor,
  publishStudySetFor,
  setItemStatusFor,
  updateCardFor,
  updateModelAnswerFor,
  updateQuestionFor,
  type UploadedFile,
} from "@/lib/server/authoring";
import { runGenerationJob } from "@/lib/server/jobs";
import { getStudySetFor, listStudySetsFor } from "@/lib/server/study";
import { createTestClass, createTestUser, outcomeOf } from "../support/actors";
import { useTestDatabase } from "../support/database";
import { MODEL_ANSWER_TEXT, RIVER_ARTICLE, SECOND_ARTICLE } from "./authoring-fixtures";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");

type Who = "owner" | "enrolled" | "otherStudent" | "otherTeacher";
const users = {} as Record<Who, UserRecord>;
let classId = "";

async function makeUser(key: Who, role: "student" | "teacher") {
  users[key] = await createTestUser(key, role, "authoring.example");
}

const file = (name: string, content: string, size = Buffer.byteLength(content)): UploadedFile => ({ name, size, bytes: async () => new TextEncoder().encode(content) });

/** A set from the test articles, processed; assigned to the class when `isAssigned`. */
async function processedSet(owner: UserRecord, options: { questions?: string; isAssigned?: boolean } = {}): Promise<string> {
  const { setId, jobId } = await createStudySetFromMaterial(owner, {
    fields: { title: "Indus waters", pasteText: RIVER_ARTICLE, pasteOutlet: "Test Times", pastePublishedAt: "2025-05-02", questions: options.questions ?? "" },
    files: [file("glaciers.md", SECOND_ARTICLE)],
  });
  expect(await runGenerationJob(jobId, () => NOW)).toBe("succeeded");
  if (options.isAssigned) {
    const db = await getDb();
    await db.assignment.create({ data: { classId, studySetId: setId, createdById: owner.id, title: "Week 1" } });
  }
  return setId;
}


async function rowCounts() {
  const db = await getDb();
  return Promise.all([db.studySet.count(), db.material.count(), db.generationJob.count(), db.card.count(), db.question.count()]);
}

afterAll(() => closeEnginePool());

beforeAll(async () => {
  await makeUser("owner", "teacher");
  await makeUser("enrolled", "student");
  await makeUser("otherStudent", "student");
  await makeUser("otherTeacher", "teacher");
  classId = await createTestClass(users.owner.id, [users.enrolled.id], "Batch A", "AUTHOR1");
});

describe("creating a study set from material", () => {
  const valid = { title: "Indus waters", pasteText: RIVER_ARTICLE };

  it.each([
    ["a file over the size limit", { fields: { title: "Big" }, files: [file("huge.txt", "x", AUTHORING_LIMITS.maxMaterialBytes + 1)] }, "files", /limit is 2\.0 MB/],
    ["a file of the wrong type", { fields: { title: "Slides" }, files: [file("slides.pdf", "%PDF-1.7")] }, "files", /“slides\.pdf” is not a \.txt, \.md or \.html file/],
    ["an empty file", { fields: { title: "Empty" }, files: [file("empty.txt", "")] }, "files", /“empty\.txt” is empty/],
    ["a binary file named .txt", { fields: { title: "Binary" }, files: [file("image.txt", "\u0000\u0001\u0002PNG\u0000")] }, "files", /binary file/],
    ["no material at all", { fields: { title: "Nothing" }, files: [] }, "pasteText", /Paste some text or choose at least one file/],
    ["pasted text with nothing readable", { fields: { title: "Digits", pasteText: "12 34 56 78" }, files: [] }, "pasteText", /no readable text/],
    ["a missing title", { fields: { pasteText: RIVER_ARTICLE }, files: [] }, "title", /Name the study set|title/],
    ["an unreadable date", { fields: { ...valid, pastePublishedAt: "last Tuesday" }, files: [] }, "pastePublishedAt", /2026-02-27/],
    ["a good paste with one bad file", { fields: valid, files: [file("notes.docx", "PK")] }, "files", /notes\.docx/],
    ["the same text twice", { fields: { title: "Twice" }, files: [file("a.txt", SECOND_ARTICLE), file("b.txt", SECOND_ARTICLE)] }, "files", /same text/],
    ["a question too short to answer", { fields: { ...valid, questions: "Why?" }, files: [] }, "questions", /whole question/],
  ])("rejects %s with a clear message and writes nothing", async (_name, input, field, message) => {
    const before = await rowCounts();
    const error = await createStudySetFromMaterial(users.owner, input).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("INVALID");
    expect((error as AppError).fieldErrors?.[field]?.join(" ")).toMatch(message);
    expect(await rowCounts()).toEqual(before);
  });

  it("reports only the date when the pasted text is fine and the date is not", async () => {
    const error = await createStudySetFromMaterial(users.owner, { fields: { ...valid, pastePublishedAt: "last Tuesday" }, files: [] }).catch((e: unknown) => e);
    expect(Object.keys((error as AppError).fieldErrors ?? {})).toEqual(["pastePublishedAt"]);
  });

  it("converts a Windows-1252 upload rather than storing replacement characters", async () => {
    const text = `${SECOND_ARTICLE}\n\nThe caf\xe9 in Z\xfcrich was the \x93na\xefve\x94 meeting point.`;
    const bytes = new Uint8Array(Buffer.from(text.replace(/[^\x00-\xff]/g, "-"), "latin1"));
    const { setId } = await createStudySetFromMaterial(users.owner, { fields: { title: "Legacy" }, files: [{ name: "legacy.txt", size: bytes.length, bytes: async () => bytes }] });
    const db = await getDb();
    const stored = await db.material.findFirstOrThrow({ where: { studySets: { some: { studySetId: setId } } }, select: { text: true } });
    expect(stored.text).toContain("café in Zürich");
    expect(stored.text).not.toContain("\ufffd");
  });

  it("refuses material past the author's daily budget, naming what is left", async () => {
    const previous = process.env.MATERIAL_BYTES_PER_DAY;
    process.env.MATERIAL_BYTES_PER_DAY = "1000";
    try {
      const before = await rowCounts();
      const error = await createStudySetFromMaterial(users.owner, { fields: valid, files: [] }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/left of your 0\.0 MB a day/) });
      expect(await rowCounts()).toEqual(before);
    } finally {
      if (previous === undefined) delete process.env.MATERIAL_BYTES_PER_DAY;
      else process.env.MATERIAL_BYTES_PER_DAY = previous;
    }
  });

  it("never reads a file that fails its size check", async () => {
    let isRead = false;
    const huge: UploadedFile = { name: "huge.md", size: AUTHORING_LIMITS.maxMaterialBytes + 1, bytes: async () => ((isRead = true), new TextEncoder().encode("text")) };
    await expect(createStudySetFromMaterial(users.owner, { fields: { title: "Huge" }, files: [huge] })).rejects.toBeInstanceOf(AppError);
    expect(isRead).toBe(false);
  });

  it("stores a draft set, its cleaned materials with their metadata, and a queued job", async () => {
    const html = `<html><head><title>Glaciers and the river system</title></head><body><p>${SECOND_ARTICLE.split("\n\n")[1]!.replace(/\n/g, "</p><p>")}</p></body></html>`;
    const { setId, jobId } = await createStudySetFromMaterial(users.owner, {
      fields: { title: "  Indus waters  ", subject: "GS II", pasteText: RIVER_ARTICLE, pasteTitle: "The treaty", pasteOutlet: "Test Times", pastePublishedAt: "2025-05-02" },
      files: [file("glaciers.html", html)],
    });
    const db = await getDb();
    const set = await db.studySet.findUniqueOrThrow({ where: { id: setId }, include: { materials: { include: { material: true }, orderBy: { position: "asc" } } } });
    expect(set).toMatchObject({ title: "Indus waters", subject: "GS II", status: "draft", isPublic: false, ownerId: users.owner.id });
    expect(set.materials.map((m) => [m.material.title, m.material.source, m.material.outlet, m.material.publishedAt])).toEqual([
      ["The treaty", "pasted", "Test Times", "2025-05-02"],
      ["Glaciers and the river system", "glaciers.html", null, null],
    ]);
    expect(set.materials[1]!.material.text).not.toContain("<p>");
    const job = await db.generationJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ status: "queued", studySetId: setId, ownerId: users.owner.id, progress: 0, total: 4, runCount: 0 });
  });
});

describe("who may review, edit and publish a set", () => {
  let setId = "";
  let cardId = "";
  let questionId = "";
  beforeAll(async () => {
    setId = await processedSet(users.owner, { isAssigned: true });
    const db = await getDb();
    cardId = (await db.card.findFirstOrThrow({ where: { studySetId: setId } })).id;
    questionId = (await db.question.findFirstOrThrow({ where: { studySetId: setId } })).id;
  });

  const useCases: Record<string, (who: UserRecord) => Promise<unknown>> = {
    "open the review screen": (who) => getAuthoringFor(who, setId, NOW),
    "accept an item": (who) => setItemStatusFor(who, { setId, kind: "card", itemId: cardId, status: "accepted" }),
    "accept all drafts": (who) => acceptAllDraftsFor(who, setId),
    "edit a card": (who) => updateCardFor(who, { setId, cardId, front: "Edited front", back: "Edited back" }),
    "edit a question": (who) => updateQuestionFor(who, { setId, questionId, prompt: "Edited prompt?", explanation: "Edited explanation." }),
    "add a written question": (who) => addWrittenQuestionFor(who, { setId, question: "Examine how glacier loss threatens the Indus basin." }),
    "import a model answer": (who) => importModelAnswerFor(who, { setId, question: "Examine how the treaty's suspension strains relations.", text: MODEL_ANSWER_TEXT }),
    publish: (who) => publishStudySetFor(who, setId, NOW),
  };

  it.each(Object.keys(useCases).flatMap((name) => (["enrolled", "otherStudent", "otherTeacher"] as const).map((who) => [name, who] as const)))(
    "%s: refused to %s",
    async (name, who) => {
      expect(await outcomeOf(() => useCases[name]!(users[who]))).toBe("FORBIDDEN");
    },
  );

  it.each(Object.keys(useCases))("%s: allowed to the owner", async (name) => {
    expect(await outcomeOf(() => useCases[name]!(users.owner))).toBe("ok");
  });

  it("says what kind a card is once edited: a fill-the-gap card edited into a question is a question (new-user test)", async () => {
    const db = await getDb();
    const cloze = await db.card.findFirstOrThrow({ where: { studySetId: setId }, select: { id: true } });
    await db.card.update({ where: { id: cloze.id }, data: { kind: "cloze", front: "The _____ declared the onset.", back: "IMD" } });
    await updateCardFor(users.owner, { setId, cardId: cloze.id, front: "Which agency declared the onset?", back: "IMD" });
    const view = await getAuthoringFor(users.owner, setId, NOW);
    expect(view.set.cards.find((c) => c.id === cloze.id)).toMatchObject({ kind: "qa", front: "Which agency declared the onset?" });
    await updateCardFor(users.owner, { setId, cardId: cloze.id, front: "The _____ declared the onset.", back: "IMD" });
    expect((await db.card.findUniqueOrThrow({ where: { id: cloze.id }, select: { kind: true } })).kind).toBe("cloze");
  });

  it("answers NOT_FOUND for an item of another set", async () => {
    const otherSet = await processedSet(users.owner);
    const db = await getDb();
    const foreignCard = (await db.card.findFirstOrThrow({ where: { studySetId: otherSet } })).id;
    expect(await outcomeOf(() => setItemStatusFor(users.owner, { setId, kind: "card", itemId: foreignCard, status: "accepted" }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => updateCardFor(users.owner, { setId, cardId: foreignCard, front: "x", back: "y" }))).toBe("NOT_FOUND");
    expect((await db.card.findUniqueOrThrow({ where: { id: foreignCard } })).status).toBe("draft");
  });
});

describe("a student's private set", () => {
  it("is visible to nobody else, even once published", async () => {
    const setId = await processedSet(users.otherStudent);
    await acceptAllDraftsFor(users.otherStudent, setId);
    await publishStudySetFor(users.otherStudent, setId, NOW);
    expect(await outcomeOf(() => getStudySetFor(users.otherStudent, setId))).toBe("ok");
    for (const who of ["enrolled", "owner", "otherTeacher"] as const) {
      expect(await outcomeOf(() => getStudySetFor(users[who], setId))).toBe("FORBIDDEN");
      expect((await listStudySetsFor(users[who])).map((s) => s.id)).not.toContain(setId);
      expect(await outcomeOf(() => getAuthoringFor(users[who], setId, NOW))).toBe("FORBIDDEN");
    }
  });
});

describe("reviewing and publishing", () => {
  it("refuses to publish with nothing accepted, or while the material is processed", async () => {
    const setId = await processedSet(users.owner);
    expect(await outcomeOf(() => publishStudySetFor(users.owner, setId, NOW))).toBe("INVALID");
    const { setId: busy } = await createStudySetFromMaterial(users.owner, { fields: { title: "Busy", pasteText: RIVER_ARTICLE }, files: [] });
    expect(await outcomeOf(() => publishStudySetFor(users.owner, busy, NOW))).toBe("CONFLICT");
  });

  it("refuses to publish an accepted written question whose rubric is missing or does not add up, and publishes once it is fixed", async () => {
    const setId = await processedSet(users.owner);
    const db = await getDb();
    const bare = await db.question.create({
      data: { studySetId: setId, kind: "written", prompt: "Discuss the Indus Waters Treaty's dispute-resolution machinery.", explanation: "Teacher's question.", marks: 10, timeLimitSec: 420, wordLimit: 150, position: 99, status: "accepted" },
    });
    const error = await publishStudySetFor(users.owner, setId, NOW).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("INVALID");
    expect((error as AppError).message).toMatch(/has no rubric, so learners could not be marked/);
    await db.rubricPoint.create({ data: { questionId: bare.id, key: "c1", point: "Explains the neutral expert and the court of arbitration.", marks: 8, kind: "content", position: 0 } });
    expect(((await publishStudySetFor(users.owner, setId, NOW).catch((e: unknown) => e)) as AppError).message).toMatch(/adds up to 8 marks but the question is worth 10/);
    await db.rubricPoint.create({ data: { questionId: bare.id, key: "s1", point: "Within the word limit.", marks: 2, kind: "structure", position: 1 } });
    expect(await publishStudySetFor(users.owner, setId, NOW)).toMatchObject({ accepted: 1 });
  });

  it("lets learners see only the accepted items, and only after publishing", async () => {
    const setId = await processedSet(users.owner, { isAssigned: true, questions: "Examine how the suspension of the Indus Waters Treaty strains India–Pakistan relations." });
    const page = await getAuthoringFor(users.owner, setId, NOW);
    const [keep1, keep2, drop] = page.set.cards;
    const written = page.set.questions.filter((q) => q.kind === "written");
    const timed = page.set.questions.find((q) => q.kind !== "written")!;
    await setItemStatusFor(users.owner, { setId, kind: "card", itemId: keep1!.id, status: "accepted" });
    await setItemStatusFor(users.owner, { setId, kind: "card", itemId: keep2!.id, status: "accepted" });
    await setItemStatusFor(users.owner, { setId, kind: "card", itemId: drop!.id, status: "rejected" });
    await setItemStatusFor(users.owner, { setId, kind: "question", itemId: timed.id, status: "accepted" });
    await setItemStatusFor(users.owner, { setId, kind: "question", itemId: written[0]!.id, status: "accepted" });

    expect(await outcomeOf(() => getStudySetFor(users.enrolled, setId))).toBe("FORBIDDEN");
    expect(await listWrittenSourcesFor(users.owner, setId)).toEqual([]);

    await publishStudySetFor(users.owner, setId, NOW);
    const seen = await getStudySetFor(users.enrolled, setId);
    expect(seen.cards.map((c) => c.id).sort()).toEqual([keep1!.id, keep2!.id].sort());
    expect(seen.questions.map((q) => q.id).sort()).toEqual([timed.id, written[0]!.id].sort());
    expect(seen.cards.every((c) => c.sources.length > 0 && c.sources.some((s) => s.outlet === "Test Times" || s.title.length > 0))).toBe(true);

    const sources = await listWrittenSourcesFor(users.enrolled, setId);
    expect(sources.map((s) => s.questionId)).toEqual([written[0]!.id]);
    expect(sources[0]!.sources.length).toBeGreaterThan(0);
    // Sources only: never the model answer's own text or its rubric.
    const answer = written[0]!.modelAnswer!;
    const wire = JSON.stringify(sources);
    expect(wire).not.toContain(answer.introduction);
    expect(wire).not.toContain(answer.conclusion);
    expect(Object.keys(sources[0]!.sources[0]!).sort()).toEqual(["materialId", "outlet", "publishedAt", "quote", "title"]);
  });

  it("accept-selected accepts the drafts that score well, leaves low scorers as drafts and rejected items rejected", async () => {
    const setId = await processedSet(users.owner);
    const page = await getAuthoringFor(users.owner, setId, NOW);
    const rejected = page.set.cards[0]!;
    await setItemStatusFor(users.owner, { setId, kind: "card", itemId: rejected.id, status: "rejected" });
    const isSelected = (i: { qualityScore: number | null }) => i.qualityScore === null || i.qualityScore >= 0.5;
    const items = [...page.set.cards.filter((c) => c.id !== rejected.id), ...page.set.questions];
    const low = items.filter((i) => !isSelected(i)).length;
    expect((await getAuthoringFor(users.owner, setId, NOW)).counts.selectedDrafts).toBe(items.length - low);
    const accepted = await acceptAllDraftsFor(users.owner, setId);
    expect(accepted.cards + accepted.questions).toBe(items.length - low);
    const after = await getAuthoringFor(users.owner, setId, NOW);
    expect(after.counts).toMatchObject({ draft: low, accepted: items.length - low, rejected: 1, selectedDrafts: 0 });
  });

  it("counts cards and questions still to review apart, none once every item is accepted", async () => {
    const setId = await processedSet(users.owner);
    const { set, counts } = await getAuthoringFor(users.owner, setId, NOW);
    expect(counts.cards.draft).toBe(set.cards.length);
    expect(counts.questions.draft).toBe(set.questions.length);
    for (const q of set.questions) await setItemStatusFor(users.owner, { setId, kind: "question", itemId: q.id, status: "accepted" });
    for (const c of set.cards) await setItemStatusFor(users.owner, { setId, kind: "card", itemId: c.id, status: "accepted" });
    const after = (await getAuthoringFor(users.owner, setId, NOW)).counts;
    expect(after.cards).toEqual({ draft: 0, accepted: set.cards.length, rejected: 0 });
    expect(after.questions).toEqual({ draft: 0, accepted: set.questions.length, rejected: 0 });
    expect(describeLeftToReview(after.cards, after.questions)).toMatch(/^All (cards and )?questions reviewed$|^All cards reviewed$/);
  });

  it("stores every generated item's quality score with its reasons", async () => {
    const setId = await processedSet(users.owner);
    const { set } = await getAuthoringFor(users.owner, setId, NOW);
    for (const item of [...set.cards, ...set.questions.filter((q) => q.kind !== "written")]) {
      expect(item.qualityScore).toBeGreaterThanOrEqual(0);
      expect(item.qualityScore).toBeLessThanOrEqual(1);
      expect(item.qualityReasons.length).toBeGreaterThan(0);
    }
  });

  it("shows each draft with its source paragraph and the evidence sentence marked inside it", async () => {
    const setId = await processedSet(users.owner);
    const { set } = await getAuthoringFor(users.owner, setId, NOW);
    for (const item of [...set.cards, ...set.questions.filter((q) => q.kind !== "written")]) {
      expect(item.evidence.length).toBeGreaterThan(0);
      for (const e of item.evidence) {
        const paragraph = `${e.before}${e.quote}${e.after}`.replace(/^…|…$/g, "");
        expect([RIVER_ARTICLE, SECOND_ARTICLE].some((a) => a.includes(e.quote))).toBe(true);
        expect(paragraph).toContain(e.quote);
      }
    }
  });
});

describe("editing drafts", () => {
  let setId = "";
  beforeAll(async () => {
    setId = await processedSet(users.owner, { questions: "Examine how the suspension of the Indus Waters Treaty strains India–Pakistan relations." });
  });

  it("saves a card's new text", async () => {
    const { set } = await getAuthoringFor(users.owner, setId, NOW);
    await updateCardFor(users.owner, { setId, cardId: set.cards[0]!.id, front: "  Who brokered the IWT?  ", back: "The World Bank." });
    const db = await getDb();
    expect(await db.card.findUniqueOrThrow({ where: { id: set.cards[0]!.id } })).toMatchObject({ front: "Who brokered the IWT?", back: "The World Bank." });
  });

  it("refuses a choice question with no correct option", async () => {
    const { set } = await getAuthoringFor(users.owner, setId, NOW);
    const q = set.questions.find((x) => x.options.length > 1)!;
    const error = await updateQuestionFor(users.owner, { setId, questionId: q.id, prompt: q.prompt, explanation: q.explanation, options: q.options.map((o) => ({ ...o, isCorrect: false })) }).catch((e: unknown) => e);
    expect((error as AppError).fieldErrors?.options?.[0]).toMatch(/at least one option/);
  });

  it("refuses an answer key that does not fit the question's kind", async () => {
    const { set } = await getAuthoringFor(users.owner, setId, NOW);
    const tf = set.questions.find((x) => x.kind === "true_false")!;
    const error = await updateQuestionFor(users.owner, { setId, questionId: tf.id, prompt: tf.prompt, explanation: tf.explanation, answer: "maybe" }).catch((e: unknown) => e);
    expect((error as AppError).fieldErrors?.answer?.[0]).toBe("Answer true or false.");
    await updateQuestionFor(users.owner, { setId, questionId: tf.id, prompt: tf.prompt, explanation: tf.explanation, answer: "FALSE" });
    const db = await getDb();
    expect((await db.question.findUniqueOrThrow({ where: { id: tf.id } })).answer).toBe("false");
  });

  it("reports every problem of a question edit at once: an empty prompt, no correct option and a key that does not fit", async () => {
    const { set } = await getAuthoringFor(users.owner, setId, NOW);
    const q = set.questions.find((x) => x.options.length > 1)!;
    const noneCorrect = await updateQuestionFor(users.owner, { setId, questionId: q.id, prompt: " ", explanation: q.explanation, options: q.options.map((o) => ({ ...o, isCorrect: false })) }).catch((e: unknown) => e);
    expect(noneCorrect).toMatchObject({ code: "INVALID", fieldErrors: { prompt: ["The question cannot be empty."], options: [expect.stringMatching(/at least one option/)] } });
    const tf = set.questions.find((x) => x.kind === "true_false")!;
    const badKey = await updateQuestionFor(users.owner, { setId, questionId: tf.id, prompt: tf.prompt, explanation: "", answer: "maybe" }).catch((e: unknown) => e);
    expect(badKey).toMatchObject({ code: "INVALID", fieldErrors: { explanation: ["The explanation cannot be empty."], answer: ["Answer true or false."] } });
  });

  it("saves a question's options and which one is correct", async () => {
    const { set } = await getAuthoringFor(users.owner, setId, NOW);
    const q = set.questions.find((x) => x.kind === "single_choice")!;
    const options = q.options.map((o, i) => ({ id: o.id, text: `${o.text} (edited)`, isCorrect: i === q.options.length - 1 }));
    await updateQuestionFor(users.owner, { setId, questionId: q.id, prompt: q.prompt, explanation: "Edited.", options });
    const after = (await getAuthoringFor(users.owner, setId, NOW)).set.questions.find((x) => x.id === q.id)!;
    expect(after.options.map((o) => [o.text, o.isCorrect])).toEqual(options.map((o) => [o.text, o.isCorrect]));
  });

  it("refuses an option of another question with a clear message and changes nothing", async () => {
    const { set } = await getAuthoringFor(users.owner, setId, NOW);
    const [q, other] = set.questions.filter((x) => x.options.length > 1);
    const options = [{ id: other!.options[0]!.id, text: "Hijacked", isCorrect: true }];
    const error = await updateQuestionFor(users.owner, { setId, questionId: q!.id, prompt: "Changed prompt?", explanation: "Changed.", options }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INVALID", message: expect.stringMatching(/does not belong to this question/) });
    const db = await getDb();
    expect((await db.question.findUniqueOrThrow({ where: { id: q!.id } })).prompt).toBe(q!.prompt);
    expect((await db.option.findUniqueOrThrow({ where: { id: other!.options[0]!.id } })).text).toBe(other!.options[0]!.text);
  });

  it("stores a card edit without NUL or bidi overrides, and refuses an id carrying NUL", async () => {
    const { set } = await getAuthoringFor(users.owner, setId, NOW);
    const cardId = set.cards[1]!.id;
    await updateCardFor(users.owner, { setId, cardId, front: "Who\u0000 brokered\u202e the IWT? 🌊", back: "The World Bank." });
    const db = await getDb();
    expect((await db.card.findUniqueOrThrow({ where: { id: cardId } })).front).toBe("Who brokered the IWT? 🌊");
    const error = await updateCardFor(users.owner, { setId, cardId: `${cardId}\u0000`, front: "x", back: "y" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INVALID" });
  });

  it("saves a model answer whose re-weighted, extended and shortened rubric still adds up to the question's marks", async () => {
    const { set } = await getAuthoringFor(users.owner, setId, NOW);
    const q = set.questions.find((x) => x.kind === "written" && x.modelAnswer)!;
    const a = q.modelAnswer!;
    // Drop the first point, give its marks to a new one, keep the rest.
    const [first, ...rest] = a.rubric;
    await updateModelAnswerFor(users.owner, {
      setId,
      questionId: q.id,
      coreDemands: ["Strains on relations", "Way forward"],
      introduction: "A new introduction.",
      conclusion: "A new conclusion with a way forward.",
      sections: a.sections.map((s) => ({ id: s.id, heading: `${s.heading}!`, points: s.points.map((p) => ({ id: p.id, text: p.text, example: p.example })) })),
      rubric: [...rest.map((r) => ({ id: r.id, point: r.point, marks: r.marks })), { point: "Names the Permanent Indus Commission's role.", marks: first!.marks }],
    });
    const after = (await getAuthoringFor(users.owner, setId, NOW)).set.questions.find((x) => x.id === q.id)!;
    expect(after.modelAnswer).toMatchObject({ introduction: "A new introduction.", coreDemands: ["Strains on relations", "Way forward"] });
    expect(after.modelAnswer!.sections[0]!.heading).toBe(`${a.sections[0]!.heading}!`);
    expect(after.marks).toBe(q.marks);
    expect(after.modelAnswer!.rubric.map((r) => r.point)).toEqual([...rest.map((r) => r.point), "Names the Permanent Indus Commission's role."]);
    expect(after.modelAnswer!.rubric.reduce((n, r) => n + r.marks, 0)).toBe(q.marks);
  });

  it("refuses a rubric that does not add up to the question's marks, saying by how much, and saves nothing", async () => {
    const { set } = await getAuthoringFor(users.owner, setId, NOW);
    const q = set.questions.find((x) => x.kind === "written" && x.modelAnswer)!;
    const a = q.modelAnswer!;
    const error = await updateModelAnswerFor(users.owner, {
      setId,
      questionId: q.id,
      coreDemands: a.coreDemands,
      introduction: "Changed.",
      conclusion: a.conclusion,
      sections: a.sections.map((s) => ({ id: s.id, heading: s.heading, points: s.points.map((p) => ({ id: p.id, text: p.text, example: p.example })) })),
      rubric: a.rubric.map((r, i) => ({ id: r.id, point: r.point, marks: i === 0 ? r.marks + 1 : r.marks })),
    }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("INVALID");
    expect((error as AppError).message).toBe(`The rubric adds up to ${q.marks + 1} marks but the question is worth ${q.marks}: take away 1 mark before saving.`);
    const after = (await getAuthoringFor(users.owner, setId, NOW)).set.questions.find((x) => x.id === q.id)!;
    expect(after.modelAnswer!.introduction).toBe(a.introduction);
  });

  it("says a rubric does not add up beside the model answer's other problems, not after them", async () => {
    const { set } = await getAuthoringFor(users.owner, setId, NOW);
    const q = set.questions.find((x) => x.kind === "written" && x.modelAnswer)!;
    const a = q.modelAnswer!;
    const error = await updateModelAnswerFor(users.owner, {
      setId,
      questionId: q.id,
      coreDemands: a.coreDemands,
      introduction: "",
      conclusion: a.conclusion,
      sections: a.sections.map((s) => ({ id: s.id, heading: s.heading, points: s.points.map((p) => ({ id: p.id, text: p.text, example: p.example })) })),
      rubric: a.rubric.map((r, i) => ({ id: r.id, point: r.point, marks: i === 0 ? r.marks + 1 : r.marks })),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INVALID", fieldErrors: { introduction: ["The introduction cannot be empty."], rubric: [expect.stringMatching(/^The rubric adds up to/)] } });
    expect((error as AppError).message).toMatch(/^The introduction cannot be empty\. The rubric adds up to/);
  });
});

describe("adding written questions", () => {
  let setId = "";
  beforeAll(async () => {
    setId = await processedSet(users.owner, { isAssigned: true });
  });

  async function exactEvidence(questionId: string) {
    const db = await getDb();
    const spans = await db.evidenceSpan.findMany({
      where: { OR: [{ questionId }, { modelAnswerPoint: { section: { modelAnswer: { questionId } } } }] },
      include: { material: { select: { text: true, source: true } } },
    });
    expect(spans.length).toBeGreaterThan(0);
    for (const s of spans) expect(s.material.text.slice(s.start, s.end)).toBe(s.quote);
    return spans;
  }

  it("drafts a model answer and rubric from the set's material for a typed question", async () => {
    const { questionId } = await addWrittenQuestionFor(users.owner, { setId, question: "Critically examine how the Indus Waters Treaty dispute affects India–Pakistan relations. (10 marks)" });
    const db = await getDb();
    const q = await db.question.findUniqueOrThrow({ where: { id: questionId }, include: { modelAnswer: { include: { sections: { include: { points: true } } } }, rubricPoints: true } });
    expect(q).toMatchObject({ kind: "written", status: "draft", marks: 10, wordLimit: 150, timeLimitSec: 420 });
    expect(q.modelAnswer?.directive).toBe("critically examine");
    expect(q.modelAnswer!.sections.flatMap((s) => s.points).length).toBeGreaterThan(1);
    expect(q.rubricPoints.some((r) => r.kind === "content" && r.modelAnswerPointId)).toBe(true);
    expect(q.rubricPoints.some((r) => r.kind === "structure")).toBe(true);
    await exactEvidence(questionId);
  });

  it("imports a model answer with its structure, stores its text as material, and keeps it from learners", async () => {
    const { questionId } = await importModelAnswerFor(users.owner, {
      setId,
      question: "Examine how the suspension of the Indus Waters Treaty strains India–Pakistan relations, and suggest a way forward.",
      text: MODEL_ANSWER_TEXT,
      outlet: "Coaching notes",
    });
    const { set } = await getAuthoringFor(users.owner, setId, NOW);
    const q = set.questions.find((x) => x.id === questionId)!;
    expect(q.status).toBe("draft");
    expect(q.modelAnswer!.coreDemands).toHaveLength(2);
    expect(q.modelAnswer!.sections.map((s) => [s.heading, s.points.length])).toEqual([
      ["Strains on bilateral relations", 2],
      ["Mechanisms That Can Contain the Dispute", 1],
    ]);
    expect(q.modelAnswer!.sections[0]!.points[0]!.example).toMatch(/National Security Committee/);
    expect(q.modelAnswer!.rubric.filter((r) => r.kind === "content")).toHaveLength(3);
    const spans = await exactEvidence(questionId);
    expect(spans.every((s) => s.material.source === IMPORTED_MODEL_ANSWER_SOURCE)).toBe(true);
    expect(set.materials.some((m) => m.source === IMPORTED_MODEL_ANSWER_SOURCE && m.outlet === "Coaching notes")).toBe(true);

    await setItemStatusFor(users.owner, { setId, kind: "question", itemId: questionId, status: "accepted" });
    await publishStudySetFor(users.owner, setId, NOW);
    const sources = await listWrittenSourcesFor(users.enrolled, setId);
    expect(JSON.stringify(sources)).not.toContain("Securitisation of water");
  });

  it("cites the stored text exactly when cleaning that text again would change it", async () => {
    // Each cleaning takes one wire dateline off the front of a line, so this paste is stored with two
    // left ("KABUL: ISLAMABAD: The Indus…"; the set's generation job reads it as it is), and cleaning
    // the stored text again would take one off, moving every later offset.
    const firstLine = RIVER_ARTICLE.split("\n")[2]!;
    const pasteText = RIVER_ARTICLE.replace(firstLine, `PARIS: KABUL: ISLAMABAD: ${firstLine}`);
    const { setId: datelined, jobId } = await createStudySetFromMaterial(users.owner, { fields: { title: "Indus datelines", pasteText }, files: [] });
    expect(await runGenerationJob(jobId, () => NOW)).toBe("succeeded");
    const db = await getDb();
    const stored = await db.material.findFirstOrThrow({ where: { studySets: { some: { studySetId: datelined } } }, select: { id: true, text: true } });
    // The upload was cleaned on its first read (one dateline off), and the job left it as stored.
    expect(stored.text).toContain(`\nKABUL: ISLAMABAD: ${firstLine}`);
    const { questionId } = await addWrittenQuestionFor(users.owner, { setId: datelined, question: "Critically examine how the Indus Waters Treaty dispute affects India–Pakistan relations. (10 marks)" });
    const spans = await exactEvidence(questionId);
    expect(spans.some((s) => s.start > stored.text.indexOf(firstLine))).toBe(true);
    expect((await db.material.findUniqueOrThrow({ where: { id: stored.id }, select: { text: true } })).text).toBe(stored.text);
  });

  it("rejects an import without body points, and writes nothing", async () => {
    const before = await rowCounts();
    const error = await importModelAnswerFor(users.owner, { setId, question: "Discuss the Indus Waters Treaty.", text: "Introduction\nThe treaty matters a great deal to both of the countries involved." }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("INVALID");
    expect((error as AppError).fieldErrors?.text?.[0]).toMatch(/no body points/);
    expect(await rowCounts()).toEqual(before);
  });
});
