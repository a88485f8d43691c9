import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCorpus } from "@/lib/generate/corpus";
import { lexiconFor } from "@/lib/generate/lexicons";
import { ingestMaterial } from "@/lib/material/ingest";
import { compressSentence, generateModelAnswer, importModelAnswer, parseQuestion, writtenLimits } from "@/lib/generate";
import { isEvidenceExact } from "@/lib/generate/schemas";
import { stemsOf } from "@/lib/generate/text";
import { describeWithSharedMaterial, MATERIAL_FILES, Q1, readMaterial } from "./helpers";

describe("writtenLimits", () => {
  it.each([
    [10, 150, 420],
    [15, 250, 660],
  ])("gives %i marks %i words and %i seconds", (marks, words, seconds) => {
    expect(writtenLimits(marks)).toEqual({ wordLimit: words, timeLimitSec: seconds });
  });
});

describe("parseQuestion", () => {
  it("reads the directive and splits two verb phrases sharing a subject into two demands", () => {
    const q = parseQuestion("Rising militancy strains the frontier. Analyse how these attacks weaken trade ties and complicate joint policing in the region.");
    expect(q.directive).toBe("analyse");
    expect(q.demands).toEqual(["How these attacks weaken trade ties", "How these attacks complicate joint policing in the region"]);
  });
  it("keeps the longest directive and splits off a 'suggest' demand", () => {
    const q = parseQuestion("Sanctions on the junta have had limited effect. Critically examine, and suggest alternative approaches.");
    expect(q.directive).toBe("critically examine");
    expect(q.demands).toEqual(["Critically examine: Sanctions on the junta have had limited effect", "Suggest alternative approaches"]);
  });
  it("reads marks and a word limit stated in the question", () => {
    const q = parseQuestion("Discuss the role of regional mediators in the truce. (10 marks)");
    expect(q).toMatchObject({ marks: 10, wordLimit: 150 });
  });
  it("defaults to 15 marks and 250 words", () => {
    expect(parseQuestion("Examine the causes of the border dispute.")).toMatchObject({ marks: 15, wordLimit: 250, directive: "examine" });
  });
});

describe("compressSentence", () => {
  it("drops attribution, quotation marks and leading connectives", () => {
    expect(compressSentence('But the truce "will not last", said Ana Ruiz, an analyst at the Frontier Institute.')).toBe("The truce will not last.");
  });
  it("cuts a long sentence at a clause boundary, not mid-phrase", () => {
    const out = compressSentence(
      "The council agreed to reopen the two crossings for trucks carrying food and medicine, while traders who had waited for weeks at the border were allowed through in small groups.",
      18,
    );
    expect(out).toBe("The council agreed to reopen the two crossings for trucks carrying food and medicine.");
  });
});

// A model answer written for this test in the coaching format the importer reads (not copied).
const COACHING_ANSWER = [
  "Core Demand of the Question",
  "- How water disputes strain relations between the two riparian states.",
  "- How they affect regional cooperation.",
  "|",
  "Answer",
  "Introduction",
  "The river basin supports 200 million people, and upstream dam building since 2010 has sharpened old rivalries.",
  "Body",
  "How Water Disputes Strain Bilateral Relations",
  "- Upstream Leverage: Dams give the upstream state control over flows in the dry season, which the downstream state sees as coercion.",
  "Eg: Flows fell by a third in the 2019 dry season.",
  "- Data Secrecy: Refusal to share flood data deepens mistrust.",
  "How They Affect Regional Cooperation",
  "- Stalled Forums: Basin-wide talks have not met since 2021.",
  "Conclusion",
  "A binding data-sharing treaty and a joint river commission offer a way forward.",
  "To get PDF version, Please click on \"Print PDF\" button.",
  "Latest Comments",
].join("\n");

describe("importModelAnswer", () => {
  const imported = importModelAnswer(COACHING_ANSWER);
  const answer = imported.modelAnswer;

  it("recovers the core demands", () => {
    expect(answer.coreDemands).toEqual(["How water disputes strain relations between the two riparian states.", "How they affect regional cooperation."]);
  });
  it("recovers the introduction and conclusion without page boilerplate", () => {
    expect(answer.introduction).toBe("The river basin supports 200 million people, and upstream dam building since 2010 has sharpened old rivalries.");
    expect(answer.conclusion).toBe("A binding data-sharing treaty and a joint river commission offer a way forward.");
  });
  it("recovers headed groups of points with their examples", () => {
    expect(answer.body.map((s) => [s.heading, s.points.length])).toEqual([
      ["How Water Disputes Strain Bilateral Relations", 2],
      ["How They Affect Regional Cooperation", 1],
    ]);
    expect(answer.body[0]!.points[0]).toMatchObject({
      text: "Upstream Leverage: Dams give the upstream state control over flows in the dry season, which the downstream state sees as coercion.",
      example: "Flows fell by a third in the 2019 dry season.",
    });
  });
  it("derives a rubric of one content point per body point plus structure points", () => {
    expect(answer.rubric.filter((r) => r.kind === "content").length).toBe(3);
    expect(answer.rubric.filter((r) => r.kind === "structure").length).toBe(4);
    expect(answer.rubric.reduce((n, r) => n + r.marks, 0)).toBe(imported.marks);
  });
  it("points its evidence into the cleaned text exactly", () => {
    const byId = new Map([[imported.material.material.id, imported.material.material]]);
    for (const p of answer.body.flatMap((s) => s.points)) for (const e of p.evidence) expect(isEvidenceExact(e, byId)).toBe(true);
  });
  it("rejects text with no body points", () => {
    expect(() => importModelAnswer("Introduction\nJust an essay with no structure at all.")).toThrow(/no body points/);
  });
});

describeWithSharedMaterial("model answers over the shared material (reads ../shared/material)", () => {
  const reference = importModelAnswer(readMaterial("002_a7cf54e59027631e.txt"));

  it("imports 002 as two headed groups of five and four points with two examples", () => {
    const body = reference.modelAnswer.body;
    expect(body.map((s) => s.points.length)).toEqual([5, 4]);
    expect(body.flatMap((s) => s.points).filter((p) => p.example).length).toBe(2);
    expect(reference.modelAnswer.coreDemands.length).toBe(2);
    expect(reference.modelAnswer.conclusion).toMatch(/^Stability demands/);
  });

  const others = MATERIAL_FILES.filter((f) => !f.startsWith("002")).map((f) => ingestMaterial({ source: f, filename: f, content: readMaterial(f) }));
  const answer = generateModelAnswer(Q1, others, { marks: 15 });

  it("answers q1 from the other four files in the exam structure, within 250 words", () => {
    expect(answer.directive).toBe("analyse");
    expect(answer.coreDemands.length).toBe(2);
    expect(answer.body.length).toBe(2);
    expect(answer.body.flatMap((s) => s.points).length).toBeGreaterThanOrEqual(6);
    expect(answer.wordCount).toBeLessThanOrEqual(250);
    expect(answer.introduction).toMatch(/\d/);
    expect(answer.conclusion).toMatch(/way forward/i);
    expect(answer.rubric.filter((r) => r.kind === "structure").length).toBe(4);
  });

  it("grounds every point in an exact quote of the other four files", () => {
    const byId = new Map(others.map((m) => [m.material.id, m.material]));
    for (const p of answer.body.flatMap((s) => s.points)) {
      expect(p.evidence.length).toBeGreaterThan(0);
      for (const e of p.evidence) expect(isEvidenceExact(e, byId)).toBe(true);
    }
  });

  it("covers most of 002's nine body points (lexical coverage of each point's own terms)", () => {
    // A point counts as covered when a quarter of its content stems — leaving out the names every
    // point shares (Pakistan, Afghanistan, Taliban, TTP) — appear in the generated answer.
    const topic = new Set(stemsOf("Pakistan Afghanistan Afghan Pakistani Taliban TTP Tehreek-e-Taliban Kabul Islamabad"));
    const generated = new Set(
      stemsOf([answer.introduction, answer.conclusion, ...answer.body.flatMap((s) => s.points.map((p) => `${p.text} ${p.example ?? ""}`))].join(" ")),
    );
    const coverage = reference.modelAnswer.body
      .flatMap((s) => s.points)
      .map((p) => {
        const stems = [...new Set(stemsOf(p.text))].filter((x) => !topic.has(x));
        return stems.filter((x) => generated.has(x)).length / stems.length;
      });
    expect(coverage.filter((c) => c >= 0.25).length).toBeGreaterThanOrEqual(5);
  });
});

describe("importModelAnswer on looser formats", () => {
  const text = [
    "Question: Examine the causes of the water dispute. (10 marks)",
    "Core Demands:",
    "1. Causes of the dispute.",
    "2. Its consequences.",
    "Introduction:",
    "The basin supports 200 million people.",
    "Main Body",
    "Causes",
    "1. Upstream dams: They cut dry-season flows.",
    "e.g. Flows fell by a third in 2019.",
    "2) Data secrecy: Flood data is withheld.",
    "Consequences",
    "\u2022 Mistrust: Talks stalled in 2021.",
    "Way Forward",
    "A data-sharing treaty is needed.",
  ].join("\n");
  const r = importModelAnswer(text);
  it("reads the stated question, its marks and directive", () => {
    expect(r.question).toBe("Examine the causes of the water dispute. (10 marks)");
    expect(r.marks).toBe(10);
    expect(r.modelAnswer.directive).toBe("examine");
  });
  it("reads numbered and bulleted points, 'e.g.' examples and a 'Way Forward' conclusion", () => {
    expect(r.modelAnswer.body.map((s) => [s.heading, s.points.map((p) => p.text)])).toEqual([
      ["Causes", ["Upstream dams: They cut dry-season flows.", "Data secrecy: Flood data is withheld."]],
      ["Consequences", ["Mistrust: Talks stalled in 2021."]],
    ]);
    expect(r.modelAnswer.body[0]!.points[0]!.example).toBe("Flows fell by a third in 2019.");
    expect(r.modelAnswer.conclusion).toBe("A data-sharing treaty is needed.");
  });
});

describe("model answer: introduction and conclusion from the material's own statements", () => {
  const text = [
    "The Tiger Task Force and India's reserves",
    "",
    "The National Tiger Conservation Authority was established in 2006 to supervise tiger reserves across India.",
    "The authority counted 3,167 tigers in 2022, up from 1,411 in 2006.",
    '"We have done everything possible, but the reserves are still failing," said Arjun Mehta, a forest guard union leader, in a statement that year.',
    "Poaching remains a threat near the borders, and roads cut the corridors between reserves.",
    "The authority must protect the corridors and share tourism income with local communities.",
  ].join("\n");
  const answer = generateModelAnswer("Examine the role of the National Tiger Conservation Authority in conserving tigers. (10 marks)", [ingestMaterial({ source: "own", content: text })]);

  it("never concludes with a speaker's quoted claim", () => {
    expect(answer.conclusion).not.toMatch(/everything possible/);
  });
});

describeWithSharedMaterial("model answer for q1 without the coaching answer 002", () => {
  const materials = MATERIAL_FILES.filter((f) => !f.startsWith("002")).map((f) => ingestMaterial({ source: f, filename: f, content: readMaterial(f) }));
  const answer = generateModelAnswer(Q1, materials);

  it("defines the subject in the introduction (how and when the TTP was formed) before the context", () => {
    expect(answer.introduction).toMatch(/^The TTP was formed in 2007/);
  });
});

describe("sides and the way forward on any subject", () => {
  const TEXT = [
    "Project Lark is a wetland conservation programme launched by the Government of Norvia in 1990 to protect the lark and its marshes.",
    "The number of protected marshes had grown to 40 by 2020.",
    "The lark population doubled between 1990 and 2020 across the protected marshes.",
    "Tomas Brek was the first director of the programme.",
    "The programme's annual survey of the marshes is carried out every spring with drones.",
    "Drainage for farms remains a threat to the marshes, especially near the coast.",
    "The relocation of fishing villages from the marshes has been criticised when families were moved without compensation.",
    "Ecologists argue that the marshes must be linked by corridors, that villagers should share the income from tourism, and that wardens need more training.",
  ].join("\n");
  const pm = ingestMaterial({ source: "lark.txt", content: TEXT });
  const answer = generateModelAnswer("Evaluate the achievements and limitations of Project Lark in conserving larks in Norvia. (10 marks)", [pm]);
  const side = (heading: RegExp) => answer.body.find((s) => heading.test(s.heading))?.points.map((p) => p.text).join(" ") ?? "";

  it("files no neutral fact (a director's name, a survey's schedule) under either side", () => {
    expect(side(/Achievements/)).not.toMatch(/first director|every spring/);
    expect(side(/Limitations/)).not.toMatch(/first director|every spring/);
  });
  it("puts a gain under achievements and a shortfall under limitations", () => {
    expect(side(/Achievements/)).toMatch(/doubled|grown to 40/);
    expect(side(/Limitations/)).toMatch(/remains a threat|criticised/);
  });
  it("ends with the material's own prescription, its attribution dropped, as the way forward", () => {
    // (A weighing sentence of the material may come first: a conclusion weighs before it prescribes.)
    expect(answer.conclusion).toMatch(/(?:^|\. )As a way forward, the marshes must be linked by corridors[^.]*\.$/);
    expect(answer.conclusion).not.toMatch(/Ecologists argue/);
  });
});

describe("generateModelAnswer refuses what it cannot answer, with a clear error", () => {
  const pm = ingestMaterial({ source: "lark.txt", content: "Project Lark is a wetland conservation programme launched by the Government of Norvia in 1990 to protect the lark and its marshes.\nThe lark population doubled between 1990 and 2020 across the protected marshes." });

  it.each(["", "   ", "???", "12345 (15 marks)"])("rejects the question %j as having no words", (question) => {
    expect(() => generateModelAnswer(question, [pm])).toThrow(expect.objectContaining({ name: "AppError", code: "INVALID", message: expect.stringMatching(/question needs words/) }));
  });
  it("rejects a question when there is no material", () => {
    expect(() => generateModelAnswer("Discuss the achievements of Project Lark.", [])).toThrow(/no material to answer from/);
  });
  it("rejects a question none of whose words the material uses", () => {
    expect(() => generateModelAnswer("Asdf qwer zxcv?", [pm])).toThrow(/None of the question's words occur in the material/);
  });
  it("answers a question on the material", () => {
    expect(generateModelAnswer("Discuss the achievements of Project Lark. (10 marks)", [pm]).body.length).toBeGreaterThan(0);
  });
});

describe("subject vocabulary follows the material and the question", () => {
  // The project's own regression text (test/generate/regression-texts/gst.txt) speaks of Parliament and tax alike.
  const gst = ingestMaterial({ source: "gst.txt", content: readFileSync(path.resolve(__dirname, "regression-texts/gst.txt"), "utf8") });
  const question = "Discuss how the Goods and Services Tax has reshaped fiscal federalism in India. (15 marks)";

  it("picks the economy lexicon when the question asks about tax and fiscal federalism", () => {
    expect(lexiconFor(buildCorpus([gst]), question)?.id).toBe("economy");
  });
  it("labels no point by a coincidental word ('services' is not the civil services) and ends without a polity way forward", () => {
    const answer = generateModelAnswer(question, [gst]);
    const labels = answer.body.flatMap((s) => s.points.map((p) => /^([^:]{2,60}):/.exec(p.text)?.[1] ?? ""));
    expect(labels).not.toContain("Administration and appointments");
    expect(answer.conclusion).not.toMatch(/collective responsibility|parliamentary scrutiny/);
  });
});

describe("an introduction that defines the subject named at the start of the question", () => {
  // Written for this test: a long defining first sentence with an aside, as encyclopaedias open.
  const TEXT = [
    "The Lumen Accord on Coastal Wetlands that Shelter Migratory Birds (an accord under the Northern Sea Convention) is an international treaty designed to protect coastal wetlands by phasing out the drainage of marshes that are used every year by migratory birds.",
    "The accord was signed by 40 countries in 1998 and entered into force in 2001.",
    "The year 2018 marked the 20th anniversary of the signing of the Lumen Accord.",
    "Wetland loss along the northern coasts slowed by 60% between 2001 and 2020 under the accord.",
    "Several countries still drain marshes for farms, and monitoring of the accord remains weak.",
    "The accord's fund has paid for the restoration of 300 marshes in poorer member countries.",
  ].join("\n");
  const answer = generateModelAnswer("The Lumen Accord is often described as the most successful wetland treaty. Critically examine this claim. (15 marks, 250 words)", [ingestMaterial({ source: "lumen.txt", content: TEXT })]);

  it("opens with the material's own definition (its aside dropped), not an anniversary", () => {
    expect(answer.introduction).toMatch(/^The Lumen Accord on Coastal Wetlands that Shelter Migratory Birds is an international treaty/);
    expect(answer.introduction).not.toMatch(/anniversary/);
  });
});
