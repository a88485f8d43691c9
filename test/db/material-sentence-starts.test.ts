// A material's sentence starts survive the database: what the first read of an upload found (where
// removed citation markers ended sentences) is stored beside the cleaned text and handed back by the
// queries the re-read paths use, so a generation job or an authoring edit splits the same sentences.
import { describe, expect, it } from "vitest";
import { createDraftStudySet, listMaterialsByIds, listSetMaterials, saveGeneratedDrafts } from "@/lib/db/authoring";
import { getDb } from "@/lib/db/client";
import { ingestMaterial } from "@/lib/material/ingest";
import type { ProcessedMaterial } from "@/lib/material/schemas";
import { reingestStoredMaterial } from "@/lib/server/authoring";
import { draftStudySet, type DraftBatch } from "@/lib/generate/thread-tasks";
import { claimGenerationJob } from "@/lib/db/jobs";
import { getGradingContext } from "@/lib/db/attempts";
import { segmentUnits } from "@/lib/nlp";
import { useTestDatabase } from "../support/database";

useTestDatabase();

// Written for this test: after "World War I." and "Col." only the removed footnote markers show that a new sentence begins.
const CONTENT = [
  "Veterans' league of Flanders",
  "",
  "The regiment served in Flanders throughout World War I.[41] Its veterans founded a league in Ypres in 1920.[b] Its first secretary was a clerk appointed by Col.[7] A. K. Verma led the league until 1931.[citation needed] The league's hall covers 40 km².",
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

  it("are rewritten with the text when a generation job's re-read cleans a stored text further", async () => {
    const db = await getDb();
    const owner = await db.user.create({ data: { email: "job-teacher@example.test", name: "Teacher", passwordHash: "x", role: "teacher" }, select: { id: true } });
    // Stored by an earlier version of cleaning that kept the markers: the job's re-read removes them now.
    const old = { id: "old-league", title: "Veterans' league of Flanders", source: "league.txt", text: CONTENT };
    const { setId, jobId } = await createDraftStudySet({ ownerId: owner.id, title: "Old league", subject: null, materials: [old], jobInput: { questions: [], marks: null } });
    const claim = await claimGenerationJob(jobId, NOW, 60_000);
    const outcome = draftStudySet({ materials: await listSetMaterials(setId), questions: [], marks: null, batchSize: 50 });
    if (!claim || !outcome.ok) throw new Error("expected a claim and drafts");
    await saveGeneratedDrafts({
      claim,
      studySetId: setId,
      batches: outcome.batches.map((json) => () => JSON.parse(json) as DraftBatch),
      materialIds: new Map(outcome.materialIds),
      changedTexts: new Map(outcome.changedTexts),
      now: NOW,
      leaseUntil: new Date(NOW.getTime() + 60_000),
      stage: "done",
    });

    const fresh = ingestMaterial({ source: "league.txt", content: CONTENT });
    const [stored] = await listSetMaterials(setId);
    expect(stored!.text).toBe(fresh.material.text);
    expect(stored!.sentenceStarts).toEqual(fresh.material.sentenceStarts);
    expect(spans(reingestStoredMaterial(stored!))).toEqual(spans(fresh));
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
