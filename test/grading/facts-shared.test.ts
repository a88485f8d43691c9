import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gradeWrittenAnswer, type WrittenQuestion } from "@/lib/grading";
import { cleanText } from "@/lib/material/clean";

// Runs on the shared source articles when they sit beside the project (they are not committed).
const materialDir = path.resolve(__dirname, "../../../shared/material");
const hasMaterial = existsSync(materialDir);
if (!hasMaterial) console.warn(`skipping fact checks on the shared material: ${materialDir} not found`);

const question: WrittenQuestion = {
  id: "pressure",
  prompt: "Examine how refugee deportations and border closures have affected Pakistan's leverage over the Afghan Taliban.",
  marks: 4,
  wordLimit: 150,
  rubric: [
    { id: "c1", point: "Explains that Pakistan deported large numbers of Afghan refugees to pressure Kabul.", marks: 2, kind: "content" },
    { id: "c2", point: "Explains that closing border crossings cut landlocked Afghanistan's access to Pakistani ports.", marks: 2, kind: "content" },
  ],
};

describe.runIf(hasMaterial)("fact checks against the shared material", () => {
  const materials = ["001_6b9bfc7575ccc962.txt", "003_9a46242b15251fab.txt"].map((f) => ({
    id: f,
    text: cleanText(readFileSync(path.join(materialDir, f), "utf8")).text,
  }));

  it("does not call a figure an error when one source states it and another source counts differently", () => {
    // One outlet counts more than 800,000 deportees, another over a million expelled: citing either has a source.
    const answer =
      "Pakistan expelled more than 800,000 Afghans who had lived there as refugees, hoping the burden would force Kabul to act. " +
      "It also shut the border crossings, so landlocked Afghanistan lost its route to Pakistani ports.";
    const r = gradeWrittenAnswer({ question, answerText: answer, materials });
    expect(r.factIssues).toEqual([]);
    expect(r.flags).not.toContain("factual_error");
    expect(r.points.find((p) => p.rubricId === "c1")?.awarded).toBeGreaterThan(0);
  });

  it("still flags a figure that no source gives for that subject", () => {
    const answer =
      "Pakistan expelled about 50,000 Afghans who had lived there as refugees, hoping the burden would force Kabul to act. " +
      "It also shut the border crossings, so landlocked Afghanistan lost its route to Pakistani ports.";
    const r = gradeWrittenAnswer({ question, answerText: answer, materials });
    expect(r.flags).toContain("factual_error");
  });
});
