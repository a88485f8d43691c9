import { describe, expect, it } from "vitest";
import { gradeWrittenAnswer, type WrittenQuestion } from "@/lib/grading";
import { cleanText } from "@/lib/material/clean";
import { describeWithShared, readShared } from "../support/shared-material";

const SHARED_FILES = ["material/001_6b9bfc7575ccc962.txt", "material/003_9a46242b15251fab.txt"];

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

/** The same checks over two short reports written for this test, which count the deportations differently. */
describe("fact checks against two sources that count differently (the project's own texts)", () => {
  const materials = [
    {
      id: "report-a",
      text: cleanText(
        "Since late 2023 Pakistan has expelled more than 800,000 Afghans who had lived in the country as refugees. " +
          "Officials in Islamabad say the returns are meant to push the Taliban government in Kabul to restrain militants.",
      ).text,
    },
    {
      id: "report-b",
      text: cleanText(
        "Pakistan has expelled over a million Afghan refugees, by the count of aid agencies, and closed the Torkham and Chaman crossings for weeks at a time. " +
          "Landlocked Afghanistan depends on those crossings for its trade with Pakistani ports.",
      ).text,
    },
  ];
  checkFigures(() => materials);
});

describeWithShared("fact checks against the shared material", SHARED_FILES, () => {
  checkFigures(() => SHARED_FILES.map((f) => ({ id: f, text: cleanText(readShared(f)).text })));
});

function checkFigures(load: () => Array<{ id: string; text: string }>) {
  const materials = load();

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
}
