// Written questions built from a material's title and headings: a short title is the subject, a kicker or a
// byline is not; a question asks for a way forward only where the material prescribes one. Invented texts.
import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { generateStudySet } from "@/lib/generate/study-set";

const section = (heading: string, sentences: string[]) => `${heading}\n\n${sentences.join(" ")}`;

const KINGDOM_BODY = [
  section("Rise of the Kakatiyas", [
    "The Kakatiyas began as subordinate chiefs of the Western Chalukyas in the eleventh century.",
    "Prola II asserted independence around 1158 and moved the seat of power towards Hanamkonda.",
    "His son Rudradeva extended the kingdom across the Telangana plateau and built the first walls of a new capital.",
    "Ganapatideva ruled for more than six decades and brought the coastal Andhra delta under Kakatiya control.",
  ]),
  section("The Warangal Fort", [
    "The capital at Warangal was enclosed by three concentric walls of earth, stone and moat.",
    "Four carved stone gateways, the kirti toranas, stood at the cardinal points of the inner enclosure.",
    "Tank irrigation around the capital supported paddy cultivation on otherwise dry upland soils.",
    "The fort fell to the armies of the Delhi Sultanate in 1323 after a long siege.",
  ]),
];

const POLICY_BODY = [
  section("Rising urban flooding", [
    "Urban flooding in Indian cities has grown as lakes and drains have been built over.",
    "Bengaluru lost a large share of its lakes between 1973 and 2016 according to municipal surveys.",
    "Chennai recorded severe floods in 2015 when reservoirs released water after days of heavy rain.",
    "Storm-water drains in most cities were designed for far less rain than now falls in a single hour.",
  ]),
  section("Drainage and planning reform", [
    "Planners argue that cities should restore lakes and wetlands as natural sponges for runoff.",
    "Municipal bodies must map every storm-water drain and keep it free of encroachment before the monsoon.",
    "A national committee recommended that new buildings harvest rainwater on their own plots.",
    "Several states have adopted flood-zoning rules for land along rivers and drains.",
  ]),
];

function setOf(title: string, body: string[]) {
  return generateStudySet([ingestMaterial({ source: "test", filename: "t.txt", content: [title, ...body].join("\n\n") })]);
}

function writtenOf(title: string, body: string[]) {
  return setOf(title, body).questions.filter((q) => q.kind === "written").map((q) => q.prompt);
}

describe("a material's title", () => {
  const titleOf = (content: string) => ingestMaterial({ source: "test", filename: "t.txt", content }).material.title;
  const body = KINGDOM_BODY.join("\n\n");

  it("is a short heading in capitalised words when it names the subject", () => {
    expect(titleOf(`The Kakatiya Kingdom\n\n${body}`)).toBe("The Kakatiya Kingdom");
    expect(titleOf(`Urban Flooding\n\n${POLICY_BODY.join("\n\n")}`)).toBe("Urban Flooding");
  });

  it("is a short heading dated after a comma, which is no byline", () => {
    // The ninth blind review's "Cabinet Mission Plan, 1946" lost its title to its first sentence.
    expect(titleOf(`The Kakatiya Kingdom, 1163-1323\n\n${body}`)).toBe("The Kakatiya Kingdom, 1163-1323");
    expect(titleOf(`Urban Flooding, 2023\n\n${POLICY_BODY.join("\n\n")}`)).toBe("Urban Flooding, 2023");
  });

  it("is never a kicker in capitals or a byline", () => {
    for (const first of ["EXPLAINER", "ANALYSIS", "Jane Roe", "By Ravi Menon", "Ravi Menon, Staff Writer"]) expect(titleOf(`${first}\n\n${body}`)).not.toBe(first);
  });
});

describe("written questions from a title and its headings", () => {
  it("ask for no way forward on a material that prescribes nothing, such as a kingdom's history", () => {
    const prompts = writtenOf("The Kakatiya Kingdom", KINGDOM_BODY);
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts[0]).toContain("the Kakatiya Kingdom");
    for (const p of prompts) expect(p).not.toMatch(/way forward/i);
    // A heading opening with "The" reads in lower case inside the question.
    expect(prompts.join(" ")).toContain("the Warangal Fort");
    expect(prompts.join(" ")).not.toContain("The Warangal Fort");
  });

  it("are answered without a way forward nobody asked for: the conclusion closes on the material's own words", () => {
    const set = setOf("The Kakatiya Kingdom", KINGDOM_BODY);
    const material = set.materials[0]!.text;
    expect(set.modelAnswers.length).toBeGreaterThan(0);
    for (const answer of set.modelAnswers) {
      const conclusion = typeof answer.conclusion === "string" ? answer.conclusion : JSON.stringify(answer.conclusion);
      expect(conclusion).not.toMatch(/way forward|evidence-based policy/i);
      // Each sentence of it comes from the material (shortened, never invented).
      for (const sentence of conclusion.split(/(?<=\.)\s+/)) expect(material).toContain(sentence.replace(/\.$/, "").split(/[,;]/)[0]!.trim());
    }
  });

  it("ask for a way forward where the material prescribes one", () => {
    const prompts = writtenOf("Urban Flooding", POLICY_BODY);
    expect(prompts.find((p) => /way forward/.test(p))).toBeDefined();
  });
});
