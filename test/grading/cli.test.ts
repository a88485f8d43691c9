import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BatchInputError, gradeBatch } from "@/lib/grading";
import { applyOverrides, gradeWrittenAnswer } from "@/lib/grading";
import { loadMaterials } from "@/lib/grading/cli";
import { materialInputSchema } from "@/lib/grading/schemas";
import { goodAnswer, groundwaterQuestion } from "./fixtures";
import { describeWithShared, sharedPath } from "../support/shared-material";

const root = path.resolve(__dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");

function runCli(args: string[]) {
  return spawnSync(tsx, ["scripts/grade.ts", ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });
}

describe("gradeBatch", () => {
  it("grades answers in the CLI's output shape", () => {
    const out = gradeBatch([groundwaterQuestion], [{ id: "x1", questionId: "gw1", text: goodAnswer }]);
    expect(out).toHaveLength(1);
    expect(Object.keys(out[0] ?? {}).sort()).toEqual(["answerId", "flags", "maxScore", "points", "questionId", "score"]);
    expect(Object.keys(out[0]?.points[0] ?? {}).sort()).toEqual(["awarded", "evidence", "feedback", "max", "rubricId"]);
  });

  it.each([
    ["a question without a rubric", [{ id: "q", prompt: "p", marks: 1 }], []],
    ["a rubric point with a bad kind", [{ ...groundwaterQuestion, rubric: [{ id: "r", point: "p", marks: 1, kind: "essay" }] }], []],
    ["answers that are not an array", [groundwaterQuestion], { id: "a" }],
    ["an answer to an unknown question", [groundwaterQuestion], [{ id: "a", questionId: "nope", text: "t" }]],
    ["an answer without text", [groundwaterQuestion], [{ id: "a", questionId: "gw1" }]],
  ])("rejects %s with a readable error", (_name, questions, answers) => {
    expect(() => gradeBatch(questions, answers)).toThrow(BatchInputError);
  });
});

describe("npm run grade", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "crux-grade-"));
  const q = path.join(dir, "q.json");
  const a = path.join(dir, "a.json");
  writeFileSync(q, JSON.stringify([groundwaterQuestion]));
  writeFileSync(a, JSON.stringify([{ id: "x1", questionId: "gw1", text: goodAnswer }]));

  it("prints a JSON array of grades", () => {
    const r = runCli(["--questions", q, "--answers", a]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Array<{ answerId: string; score: number }>;
    expect(out[0]?.answerId).toBe("x1");
    expect(out[0]?.score).toBeGreaterThan(5);
  });

  it("exits 2 with a message on malformed input", () => {
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, "{ not json");
    const r = runCli(["--questions", bad, "--answers", a]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/questions file/);
    expect(r.stdout).toBe("");
  });

  it("exits 2 when a required argument is missing", () => {
    const r = runCli(["--questions", q]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--answers/);
  });

  it("keeps the sentence starts that cleaning a material file found (a removed citation marker)", async () => {
    const file = path.join(dir, "veterans.txt");
    writeFileSync(file, "The league was founded by soldiers who had fought in World War I.[12] Its veterans later formed a party of their own.\n");
    const [material] = await loadMaterials([file]);
    expect(material?.id).toBe("veterans");
    const at = material!.text.indexOf("Its veterans");
    expect(at).toBeGreaterThan(0);
    expect(material?.sentenceStarts).toContain(at);
  });

  it("refuses material whose sentence starts are out of order or past its end", () => {
    const bad = (sentenceStarts: number[]) => materialInputSchema.safeParse({ id: "m", text: "One. Two.", sentenceStarts }).error?.issues[0]?.message;
    expect(bad([5, 0])).toMatch(/ascending/);
    expect(bad([40])).toMatch(/beyond the end/);
    expect(bad([5])).toBeUndefined();
  });

  it("exits 2 when a material file cannot be read", () => {
    const r = runCli(["--questions", q, "--answers", a, "--material", path.join(dir, "missing.txt")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/material/);
  });

});

describeWithShared("the grading CLI on the shared development set", ["grading/questions.json", "grading/answers.json", "material/000_3c3262873357d12f.txt", "material/001_6b9bfc7575ccc962.txt"], () => {
  it("grades the shared development set with its material", () => {
    const files = ["material/000_3c3262873357d12f.txt", "material/001_6b9bfc7575ccc962.txt"].map(sharedPath);
    const r = runCli(["--questions", sharedPath("grading/questions.json"), "--answers", sharedPath("grading/answers.json"), "--material", ...files]);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as unknown[]).length).toBe(45);
    // A child process grading all 45 answers against the material: seconds when idle, far longer on a loaded CI machine.
  }, 120_000);
});

describe("applyOverrides", () => {
  const NOW = new Date("2026-03-01T10:00:00Z");
  const result = gradeWrittenAnswer({ question: groundwaterQuestion, answerText: goodAnswer });

  it("applies a teacher's mark and keeps the automatic one", () => {
    const m = applyOverrides(result, [{ rubricId: "c1", awarded: 0.5, reason: "Mechanism only hinted at", by: "teacher-1", at: NOW }]);
    const c1 = m.points.find((p) => p.rubricId === "c1");
    expect(c1?.awarded).toBe(0.5);
    expect(c1?.autoAwarded).toBe(result.points.find((p) => p.rubricId === "c1")?.awarded);
    expect(c1?.override?.reason).toBe("Mechanism only hinted at");
    expect(m.autoScore).toBe(result.score);
    expect(m.score).toBe(m.points.reduce((s, p) => s + p.awarded, 0));
    expect(m.isModerated).toBe(true);
  });

  it.each([
    ["a mark above the point's maximum", { rubricId: "c1", awarded: 2, reason: "generous" }],
    ["a negative mark", { rubricId: "c1", awarded: -1, reason: "harsh" }],
    ["an unknown point", { rubricId: "zz", awarded: 0, reason: "what" }],
    ["a missing reason", { rubricId: "c1", awarded: 0, reason: "  " }],
  ])("rejects %s", (_name, o) => {
    expect(() => applyOverrides(result, [{ ...o, by: "t", at: NOW }])).toThrow();
  });
});
