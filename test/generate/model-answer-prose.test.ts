import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateModelAnswer } from "@/lib/generate";
import { isCompleteClause } from "@/lib/generate/model-answer";
import { isEvidenceExact } from "@/lib/generate/schemas";
import { ingestMaterial } from "@/lib/material/ingest";
import type { ProcessedMaterial } from "@/lib/material/schemas";
import { describeWithShared, moreQuestions, readShared } from "../support/shared-material";
import { MATERIAL_FILES, Q1 } from "./helpers";

/**
 * Issue 9, "model answers in connected prose": what an examiner checks first, asserted over every model answer the
 * engine writes for the project's own regression texts and, when present, for the shared texts (the seed question from
 * the four articles other than the coaching answer 002, and the two questions the material-more README sets per text).
 * The patterns are written here, independently of the engine's own rules.
 */

const REGRESSION_DIR = path.resolve(__dirname, "regression-texts");
const REGRESSION_QUESTIONS = JSON.parse(readFileSync(path.join(REGRESSION_DIR, "questions.json"), "utf8")) as Record<string, string[]>;
const MORE_FILES = ["100_97062e8442aca026.txt", "101_3239c72e2416f430.txt", "102_85554f79fe15a1f8.txt"];

/** A sentence that starts mid-thought: a pronoun or demonstrative with nothing before it, a connective, an instance marker, a lower-case word. */
const MID_THOUGHT = /^(?:[a-z,;:]|(?:It|They|He|She|This|These|Those|That|Its|Their|His|Her|Such|Both|And|But|Also|However|Thus|Hence|Therefore|Moreover|Furthermore|Meanwhile|Instead|Eg|E\.g\.|I\.e\.)\b)/;
/** A label doubled ("Cross-border militancy: Cross-Border Militancy: …"). */
const DOUBLED_LABEL = /^[^:]{2,60}:\s+[^:]{2,60}:\s/;
/** Something checkable: a figure, a date, a number in words, or a capitalised name after the first word. */
const CHECKABLE = /\d|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b(?:half|one|two|three)\s+(?:third|quarter|thirds|quarters)\b|(?<=\S\s+(?:[^:]*\s)?)\p{Lu}\p{L}+/u;
const TTP_VOCABULARY = /\b(?:TTP|Taliban|Tehreek|Tehrik|Cross-border militancy|Ideological affinity|Counter-terrorism coordination|Divergent threat perceptions|Strategic miscalculation|Economic and trade leverage|Sovereignty and legitimacy|intelligence-sharing)\b/i;

const sentencesOf = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-Z"])/).filter(Boolean);
const bodyOf = (pointText: string) => pointText.replace(/^[^:]{2,60}:\s+/, "");

function checkAnswers(name: string, load: () => { materials: ProcessedMaterial[]; questions: string[]; isTtp: boolean }) {
  describe(name, () => {
    const { materials, questions, isTtp } = load();
    const byId = new Map(materials.map((m) => [m.material.id, m.material]));
    const answers = questions.map((q) => generateModelAnswer(q, materials));
    const points = (a: (typeof answers)[number]) => a.body.flatMap((s) => s.points);

    it("labels every point once: no label repeated in the answer, none doubled", () => {
      for (const a of answers) {
        const labels = points(a).flatMap((p) => /^([^:]{2,60}):\s/.exec(p.text)?.[1]?.toLowerCase() ?? []);
        expect(new Set(labels).size).toBe(labels.length);
        expect(points(a).filter((p) => DOUBLED_LABEL.test(p.text)).map((p) => p.text)).toEqual([]);
      }
    });
    it("opens the introduction, each point, each example and each conclusion sentence on a complete thought", () => {
      for (const a of answers) {
        const opening = [
          ...sentencesOf(a.introduction).slice(0, 1),
          ...points(a).flatMap((p) => [bodyOf(p.text), ...(p.example ? [p.example] : [])]),
          ...sentencesOf(a.conclusion),
        ];
        expect(opening.filter((t) => MID_THOUGHT.test(t))).toEqual([]);
      }
    });
    it("concludes in at most three sentences, drawn from the material or its subject's way forward", () => {
      for (const a of answers) {
        const n = sentencesOf(a.conclusion).length;
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(3);
      }
    });
    it("gives no example that is a bare figure and its noun (\"53 terms\") instead of a statement", () => {
      for (const a of answers) expect(points(a).flatMap((p) => (p.example && !/\s\S+\s\S+\s/.test(p.example) ? [p.example] : []))).toEqual([]);
    });
    it("backs most points with something checkable — a figure, a date or a name — in the point or its example", () => {
      for (const a of answers) {
        const backed = points(a).filter((p) => p.example || CHECKABLE.test(bodyOf(p.text)));
        expect(backed.length).toBeGreaterThanOrEqual(Math.ceil(points(a).length * 0.6));
      }
    });
    it("stays within the word limit, counting each 'Eg:' as a word", () => {
      for (const a of answers) {
        const words = [a.introduction, a.conclusion, ...a.body.flatMap((s) => [s.heading, ...s.points.flatMap((p) => [p.text, p.example ? `Eg: ${p.example}` : ""])])]
          .join(" ")
          .split(/\s+/)
          .filter((w) => /\w/.test(w)).length;
        expect(words).toBeLessThanOrEqual(a.wordLimit);
      }
    });
    it("quotes every point's evidence exactly, and grounds every point in at least one sentence", () => {
      for (const a of answers) {
        for (const p of points(a)) {
          expect(p.evidence.length).toBeGreaterThan(0);
          for (const e of p.evidence) expect(isEvidenceExact(e, byId)).toBe(true);
        }
      }
    });
    if (!isTtp) {
      it("uses none of the TTP subject's vocabulary", () => {
        for (const a of answers) {
          const texts = [a.introduction, a.conclusion, ...a.body.flatMap((s) => [s.heading, ...s.points.map((p) => p.text)])];
          expect(texts.filter((t) => TTP_VOCABULARY.test(t))).toEqual([]);
        }
      });
    }
  });
}

for (const [file, questions] of Object.entries(REGRESSION_QUESTIONS)) {
  checkAnswers(`model answers for the regression text ${file}`, () => ({
    materials: [ingestMaterial({ source: file, content: readFileSync(path.join(REGRESSION_DIR, file), "utf8") })],
    questions,
    isTtp: false,
  }));
}

describeWithShared("model answers for the seed question (reads ../shared/material)", MATERIAL_FILES.map((f) => `material/${f}`), () => {
  checkAnswers("from the four articles other than the coaching answer 002", () => ({
    materials: MATERIAL_FILES.filter((f) => !f.startsWith("002")).map((f) => ingestMaterial({ source: f, content: readShared(`material/${f}`) })),
    questions: [Q1],
    isTtp: true,
  }));
});

describeWithShared("model answers on other subjects (reads ../shared/material-more)", [...MORE_FILES.map((f) => `material-more/${f}`), "material-more/README.md"], () => {
  for (const file of MORE_FILES) {
    checkAnswers(`for ${file}`, () => ({ materials: [ingestMaterial({ source: file, content: readShared(`material-more/${file}`) })], questions: moreQuestions(file), isTtp: false }));
  }
});

describe("isCompleteClause: what counts as a finished clause", () => {
  it.each([
    "Beijing imposed tariffs on imported steel in 2018",
    "Kunming hosted the biodiversity summit in 2022",
    "Nothing in the treaty binds the signatories",
    "Since 1990 the forest cover has grown by 20 per cent",
    "After 2014 ties between the two countries worsened sharply",
    "When the war ended the economy recovered",
    "Recognizing the opportunity, the parties agreed to a faster phase-out",
  ])("a sentence with its main clause: %s", (text) => {
    expect(isCompleteClause(text)).toBe(true);
  });

  it.each(["After the assembly declared independence", "While the ministry announced the scheme", "Recognizing the opportunity presented for the phasing out of the substances"])(
    "a subordinate clause or participle phrase still waiting for its main clause: %s",
    (text) => {
      expect(isCompleteClause(text)).toBe(false);
    },
  );
});
