import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { generateStudySet } from "@/lib/generate";
import { describeWithShared, readShared } from "../support/shared-material";

// Written for this test; not copied from any source (a fictional treaty, fund and body). An encyclopaedia-style article
// whose section headings are partly labels ("Terms and purposes", "Assessment", "Expansion and consolidation") and partly
// what the subject is made of ("Black carbon", "Harbour Fund").
const filler = (topic: string) =>
  `The parties to the Tarn Convention report on ${topic} every year to the Tarn Council in Velar, which publishes the reports in full. ` +
  `Between 1995 and 2015 the Council received more than 600 such reports from 41 parties, and its secretariat checked each against monitoring data from coastal stations. ` +
  `Reports on ${topic} are discussed at the annual meeting of the parties, which can ask a party to explain a shortfall and to set out the steps it will take.`;
const ARTICLE = [
  "Tarn Convention",
  "The Tarn Convention is an international treaty agreed in 1991 to cut soot emissions from ships in the Tarn Sea. It entered into force in 1993 and has been ratified by 41 states.",
  "",
  "Terms and purposes",
  `The treaty sets a timetable for each group of fuels. ${filler("the timetable")} ${filler("fuel use")} ${filler("fuel oil")}`,
  "",
  "Black carbon",
  `Black carbon is the sooty part of ship exhaust. ${filler("black carbon")} ${filler("black carbon in ports")}`,
  "",
  "Harbour Fund",
  `The Harbour Fund pays for shore power in small ports. ${filler("the Harbour Fund")} ${filler("shore power")}`,
  "",
  "Expansion and consolidation",
  `The treaty was widened in 2004 and again in 2016. ${filler("the widening")} ${filler("new members")} ${filler("the new rules")}`,
  "",
  "Assessment",
  `Most observers judge the treaty a success. ${filler("progress")} ${filler("compliance")} ${filler("costs")}`,
  "",
  "The parties must strengthen monitoring and should extend the Harbour Fund to fishing ports. Critics say the Council should publish its checks.",
].join("\n");

describe("written questions ask about what the material's sections name, not their labels", () => {
  const set = generateStudySet([ingestMaterial({ source: "tarn.txt", content: ARTICLE })]);
  const written = set.questions.filter((q) => q.kind === "written").map((q) => q.prompt);

  it("asks with reference to the subject's own terms", () => {
    expect(written.some((q) => /black carbon|Harbour Fund/.test(q))).toBe(true);
  });

  it.each([["terms and purposes"], ["assessment"], ["expansion"]])("never asks with reference to a section label ('%s')", (label) => {
    expect(written.filter((q) => q.toLowerCase().includes(label))).toEqual([]);
  });
});

describeWithShared("written questions on the Montreal Protocol article a new user generated from", ["material-more/101_3239c72e2416f430.txt"], () => {
  const set = generateStudySet([ingestMaterial({ source: "101.txt", content: readShared("material-more/101_3239c72e2416f430.txt") })]);
  const written = set.questions.filter((q) => q.kind === "written").map((q) => q.prompt);

  it("never asks about 'terms and purposes'", () => {
    expect(written.filter((q) => /terms and purposes/i.test(q))).toEqual([]);
  });
});
