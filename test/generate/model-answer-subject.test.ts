import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { buildCorpus, generateModelAnswer } from "@/lib/generate";
import { contradictsPoint } from "@/lib/generate/model-answer";
import { describeWithShared, readShared } from "../support/shared-material";

// Written for this test; not copied from any source (a fictional treaty, amendment, firm and people). The question asks
// about an amendment a handful of sentences name, in a material whose topic — and whose only definition — is the treaty.
const TREATY = [
  "Tarn Convention",
  "The Tarn Convention on Soot and Sulphur is an international treaty designed to protect the Tarn Sea by phasing out the burning of heavy fuel oil by ships. It was agreed on 12 March 1991 and entered into force on 2 May 1993.",
  "The Tarn Convention has been ratified by 41 coastal and flag states, making it the most widely ratified maritime treaty of the region. Emissions of soot over the Tarn Sea fell by a third between 1993 and 2010.",
  "",
  "Industry opposition",
  "The shipping industry lobbied hard against the treaty in its early years. In 1990 the Velar Shipowners Association argued that the science was too uncertain to justify any action. In a letter to the Tarn Council in 1992, Velar Lines chair Oskar Brann wrote, \"we will not refit a single ship until the costs are known. At the moment, scientific evidence does not point to the need for dramatic cuts in soot emissions.\"",
  "",
  "Scientific assessments",
  "The most recent scientific assessment of the Tarn Convention states that the Tarn Convention is working and that soot emissions from ships are falling. As late as 1992, Velar Lines chair Oskar Brann wrote to the Tarn Council, \"At the moment, scientific assessment of soot emissions from ships does not point to the need for the Tarn Convention before 2000.\" In 1991 the Velar Shipowners Association was still arguing that soot emissions from ships did not harm the Tarn Sea.",
  "",
  "Orlen Amendment",
  "On 1 January 2019 the Orlen Amendment to the Tarn Convention came into force. Under the Orlen Amendment the parties promised to cut emissions of black carbon by 70 per cent by 2040. By December 2018, 23 states had ratified the Orlen Amendment. In October 2016, at the ninth meeting of the parties in Orlen, the parties adopted the Orlen Amendment to bring black carbon under the Tarn Convention.",
  "The Orlen Amendment also set up a fund of 400 million euros to help small ports install shore power by 2030. Shore power lets ships switch off their engines while they are docked.",
  "",
  "Compliance",
  "The Tarn Council reviews reports from every party each year. In 2021 monitoring stations detected soot from ships burning banned fuel near the port of Velar. The Council asked Velar to act, and the port banned the fuel in 2022.",
  "The parties must strengthen monitoring and should extend the fund to fishing fleets.",
].join("\n");

describe("a model answer on a narrower subject than its material's", () => {
  const pm = ingestMaterial({ source: "tarn.txt", content: TREATY });
  const answer = generateModelAnswer("What is the Orlen Amendment to the Tarn Convention? Discuss its significance.", [pm], { marks: 15 });
  const points = answer.body.flatMap((s) => s.points);

  it("names the question's subject in its introduction when the material has sentences about it", () => {
    expect(answer.introduction).toMatch(/Orlen Amendment/);
  });

  it("never labels a point with a stray word of an idiom ('came into force' is no 'Force')", () => {
    const labels = points.map((p) => /^([^:]{2,60}): \S/.exec(p.text)?.[1]).filter((l): l is string => !!l);
    expect(labels.filter((l) => /^(?:Force|Cent|Effect)$/i.test(l))).toEqual([]);
  });
});

describe("an example bears its point out", () => {
  const pm = ingestMaterial({ source: "tarn.txt", content: TREATY });
  const refs = buildCorpus([pm]).refs;
  const ref = (start: string) => {
    const found = refs.find((r) => r.sentence.text.startsWith(start));
    if (!found) throw new Error(`no sentence starts with ${start}`);
    return found;
  };
  const working = ref("The most recent scientific assessment");

  it("is never a party's words in quotation marks", () => {
    expect(contradictsPoint(ref("As late as 1992, Velar Lines chair"), working)).toBe(true);
  });

  it("is never a party's reported claim that denies what the point asserts", () => {
    expect(contradictsPoint(ref("In 1991 the Velar Shipowners Association"), working)).toBe(true);
  });

  it("may be a finding of the material's own that agrees with the point", () => {
    expect(contradictsPoint(ref("Emissions of soot over the Tarn Sea fell"), working)).toBe(false);
  });
});

describeWithShared("the Montreal Protocol article a new user generated from", ["material-more/101_3239c72e2416f430.txt"], () => {
  const pm = ingestMaterial({ source: "101.txt", content: readShared("material-more/101_3239c72e2416f430.txt") });
  const answer = generateModelAnswer("What is the Kigali Amendment to the Montreal Protocol? Discuss its significance.", [pm], { marks: 15 });
  const points = answer.body.flatMap((s) => s.points);

  it("introduces the Kigali Amendment, not only the Protocol", () => {
    expect(answer.introduction).toMatch(/Kigali Amendment/);
  });

  it("labels no point 'Force'", () => {
    expect(points.filter((p) => /^Force:/.test(p.text))).toEqual([]);
  });

  it("takes no example from the 1988 industry letter", () => {
    expect(points.filter((p) => /does not point to the need/.test(p.example ?? ""))).toEqual([]);
  });
});
