// A material's sentence starts survive the database: what the first read of an upload found (where
// removed citation markers ended sentences) is stored beside the cleaned text and handed back by the
// queries the re-read paths use, so a generation job or an authoring edit splits the same sentences.
import { afterAll, describe, expect, it } from "vitest";
import { createDraftStudySet, listMaterialsByIds, listSetMaterials } from "@/lib/db/authoring";
import { getDb } from "@/lib/db/client";
import { ingestMaterial } from "@/lib/material/ingest";
import type { ProcessedMaterial } from "@/lib/material/schemas";
import { reingestStoredMaterial } from "@/lib/server/authoring";
import { createGenerationJob } from "@/lib/db/jobs";
import { cleanText } from "@/lib/material/clean";
import { closeEnginePool } from "@/lib/server/engine-pool";
import { runGenerationJob } from "@/lib/server/jobs";
import { getGradingContext } from "@/lib/db/attempts";
import { segmentUnits } from "@/lib/nlp";
import { useTestDatabase } from "../support/database";

useTestDatabase();
afterAll(closeEnginePool);

// Written for this test: after "World War I." and "Col." only the removed footnote markers show that a new sentence begins.
const CONTENT = [
  "Veterans' league of Flanders",
  "",
  "The regiment served in Flanders throughout World War I.[41] Its veterans founded a league in Ypres in 1920.[b] Its first secretary was a clerk appointed by Col.[7] A. K. Verma led the Flanders Veterans' League until 1931.[citation needed] The league's hall covers 40 km².",
].join("\n");

const NOW = new Date("2026-03-01T10:00:00Z");

const spans = (pm: ProcessedMaterial) => pm.sentences.map((s) => ({ start: s.start, end: s.end, text: s.text }));

async function saveDraftSet(teacher: string): Promise<{ setId: string; first: ProcessedMaterial }> {
  const db = await getDb();
  const owner = await db.user.create({ data: { email: `${teacher}@example.test`, name: "Teacher", passwordHash: "x", role: "teacher" }, select: { id: true } });
  const first = ingestMaterial({ source: "league.txt", filename: "league.txt", content: CONTENT });
  const { setId } = await createDraftStudySet({ ownerId: owner.id, title: "League", subject: null, materials: [first.material], jobInput: { questions: [], marks: null } });
  return { setId, first };
}

describe("a material's sentence starts in the database", () => {
  it("are stored with the cleaned text and re-read into the same sentences through both material queries", async () => {
    const { setId, first } = await saveDraftSet("first-teacher");
    expect(first.material.sentenceStarts).toHaveLength(4);

    const [inSet] = await listSetMaterials(setId);
    expect(inSet!.text).toBe(first.material.text);
    expect(inSet!.sentenceStarts).toEqual(first.material.sentenceStarts);
    const [byId] = await listMaterialsByIds([inSet!.id]);
    expect(byId).toEqual(inSet);

    for (const stored of [inSet!, byId!]) expect(spans(reingestStoredMaterial(stored))).toEqual(spans(first));
    // Without them the stored text, which no longer has its markers, runs sentences together.
    expect(reingestStoredMaterial({ ...inSet!, sentenceStarts: [] }).sentences.length).toBeLessThan(first.sentences.length);
  });

  it("stay as stored, with the offsets its items cite, when a generation job reads a text that cleaning would change again", async () => {
    const db = await getDb();
    const owner = await db.user.create({ data: { email: "rerun-teacher@example.test", name: "Teacher", passwordHash: "x", role: "teacher" }, select: { id: true } });
    // Each cleaning takes one wire dateline off a line: the upload is stored with one left, which
    // cleaning the stored text again would take off, moving every offset after it.
    const first = ingestMaterial({ source: "league.txt", filename: "league.txt", content: CONTENT.replace("The regiment", "KABUL: ISLAMABAD: The regiment") });
    expect(first.material.text).toContain("ISLAMABAD: The regiment");
    expect(cleanText(first.material.text).text).not.toBe(first.material.text);
    const { setId, jobId } = await createDraftStudySet({ ownerId: owner.id, title: "Datelined league", subject: null, materials: [first.material], jobInput: { questions: [], marks: null } });
    expect(await runGenerationJob(jobId, () => NOW)).toBe("succeeded");
    const [stored] = await listSetMaterials(setId);
    expect(stored!.text).toBe(first.material.text);
    const cited = await db.evidenceSpan.findMany({ where: { materialId: stored!.id }, select: { start: true, end: true, quote: true } });
    expect(cited.length).toBeGreaterThan(0);

    // The set's material read again by a second job (as a retry or a later generation makes one).
    const again = await db.$transaction((tx) =>
      createGenerationJob(tx, { ownerId: owner.id, studySetId: setId, input: { materialIds: [stored!.id], questions: [], marks: null }, total: 3 }),
    );
    expect(await runGenerationJob(again.id, () => NOW)).toBe("succeeded");
    const [after] = await listSetMaterials(setId);
    expect(after!.text).toBe(first.material.text);
    expect(after!.sentenceStarts).toEqual(stored!.sentenceStarts);
    const spans = await db.evidenceSpan.findMany({ where: { materialId: stored!.id }, select: { start: true, end: true, quote: true } });
    expect(spans.length).toBeGreaterThan(cited.length);
    // The first job's items still quote what their offsets point at, and so do the second's.
    for (const span of cited) expect(after!.text.slice(span.start, span.end)).toBe(span.quote);
    for (const span of spans) expect(after!.text.slice(span.start, span.end)).toBe(span.quote);
  });

  it("reach the grader with the text, so grading splits the sentences the study set was drawn from", async () => {
    const { setId, first } = await saveDraftSet("grading-teacher");
    const db = await getDb();
    const question = await db.question.create({
      data: { studySetId: setId, kind: "written", prompt: "Discuss the league.", explanation: "", marks: 10, timeLimitSec: 420, position: 0 },
      select: { id: true },
    });
    const context = await getGradingContext(question.id);
    const [material] = context!.materials;
    expect(material!.text).toBe(first.material.text);
    expect(material!.sentenceStarts).toEqual(first.material.sentenceStarts);
    const units = (starts?: readonly number[]) => segmentUnits(material!.text, starts).map((u) => material!.text.slice(u.start, u.end));
    expect(units(material!.sentenceStarts)).toContain("Its veterans founded a league in Ypres in 1920.");
    expect(units()).not.toContain("Its veterans founded a league in Ypres in 1920.");
  });

  it("default to none for a material stored without them", async () => {
    const db = await getDb();
    const row = await db.material.create({ data: { title: "Plain", source: "plain", text: "It rose in 1920. It fell.", checksum: "x" }, select: { id: true } });
    const [stored] = await listMaterialsByIds([row.id]);
    expect(stored!.sentenceStarts).toEqual([]);
    expect(reingestStoredMaterial(stored!).sentences.map((s) => s.text)).toEqual(["It rose in 1920.", "It fell."]);
  });
});
