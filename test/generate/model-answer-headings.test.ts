import { describe, expect, it } from "vitest";
import { buildCorpus } from "@/lib/generate/corpus";
import { generateModelAnswer } from "@/lib/generate";
import { compressSentence, headingFromPoint, isWayForward, keepsFiniteVerb, shortHeading } from "@/lib/generate/model-answer";
import { ingestMaterial } from "@/lib/material/ingest";

/**
 * Issue 9, blind examiner of 4 Dec 2026: "headings … that do not match their points" and conclusions that are "a stray
 * fact sentence". A heading names what its point is about; a way forward prescribes in its own words.
 * The texts here are written for these tests.
 */

const FARMING = [
  "Canal farming in the plains",
  "Heavy use of pesticides has been associated with residues in food and water and with health concerns.",
  "At various points, district extension offices have been short of staff for long periods.",
  "Warmer winters add urgency, since heat stress at the grain-filling stage already threatens wheat yields in the west.",
  "Yields per unit of fertiliser have fallen, a phenomenon known as declining factor productivity.",
  "Unless the water table is protected, gains in rice output will remain short-lived.",
  "All of the canal districts reported salinity in the lower fields by 1990.",
  "The canal board sold water at a flat rate to every village on the main line.",
].join("\n");

describe("a point's heading names what the point is about", () => {
  const corpus = buildCorpus([ingestMaterial({ source: "farming.txt", content: FARMING })]);
  const heading = (body: string) => headingFromPoint(body, corpus, new Set(), new Set());

  it("is the phrase the main clause opens on, not the rarest phrase somewhere in it", () => {
    expect(heading("Heavy use of pesticides has been associated with residues in food and water and with health concerns.")).toBe("Heavy use of pesticides");
    expect(heading("Warmer winters add urgency, since heat stress at the grain-filling stage already threatens wheat yields in the west.")).toBe("Warmer winters");
  });
  it("skips an opening adverbial or subordinate clause to reach the subject", () => {
    expect(heading("At various points, district extension offices have been short of staff for long periods.")).toBe("District extension offices");
    expect(heading("Unless the water table is protected, gains in rice output will remain short-lived.")).toBe("Gains in rice output");
  });
  it("keeps a subject's modifier ('per unit of …') and leaves no preposition or quantifier hanging", () => {
    expect(heading("Yields per unit of fertiliser have fallen, a phenomenon known as declining factor productivity.")).toBe("Yields per unit of fertiliser");
    expect(heading("All of the canal districts reported salinity in the lower fields by 1990.")).toBe("Canal districts");
  });
});

describe("a way forward prescribes in the words the answer keeps", () => {
  it("accepts a shortened sentence whose own main clause prescribes", () => {
    expect(isWayForward("Both governments must revive the border commission.")).toBe(true);
    expect(isWayForward("Every zonal bench should sit throughout the year.")).toBe(true);
  });
  it("rejects a statement whose 'should' or 'must' stood in a clause that shortening dropped or that reports a doubt", () => {
    expect(isWayForward("The large compensation orders against state governments are a case in point.")).toBe(false);
    expect(isWayForward("The executive controls when they see the light of day.")).toBe(false);
    expect(isWayForward("Views differ on what a second revolution should involve.")).toBe(false);
    expect(isWayForward("Critics question whether a tribunal should reallocate public funds.")).toBe(false);
  });
  it("rejects a list of nouns that lost its verb", () => {
    expect(isWayForward("Slowing growth in yields, ecological stress and agrarian distress.")).toBe(false);
  });
});

describe("a label from the subject's lexicon needs more than one coincidental word", () => {
  // An environment text: "financial" in the point is no finance-and-technology-transfer dimension.
  const TEXT = [
    "Ozone treaty and its enforcement",
    "The ozone treaty of 1987 required every party to phase out the chemicals that deplete the ozone layer.",
    "The treaty's fund paid for technology transfer to developing countries from 1991.",
    "Proposals include strengthening national ozone cells, giving them financial and functional autonomy.",
    "Smuggling of banned chemicals across borders weakened compliance in the 2000s.",
    "Scientists measured a recovery of the ozone layer over Antarctica by 2016.",
    "Developing countries were given a grace period of ten years under the treaty.",
    "The treaty's ozone layer measurements are reported to the secretariat each year.",
    "Refrigerator makers in Asia replaced the banned gases with safer coolants by 2010.",
    "The treaty's science panel publishes an assessment of the ozone layer every four years.",
    "Ultraviolet radiation reaching the ground fell over southern Chile after 2005.",
    "Customs officers in 40 countries were trained to detect banned chemicals in 2008.",
    "The ozone hole over Antarctica reached its largest size in 2006.",
  ].join("\n");
  const pm = ingestMaterial({ source: "ozone.txt", content: TEXT });
  const answer = generateModelAnswer("Critically examine the ozone treaty as a model of environmental cooperation.", [pm], { marks: 15 });
  const labelOf = (start: string) =>
    answer.body
      .flatMap((s) => s.points)
      .map((p) => /^([^:]{2,60}):\s+(.*)$/.exec(p.text))
      .find((m) => m?.[2]?.startsWith(start))?.[1];

  it("heads a point on ozone cells' financial autonomy by what it is about, not 'Finance and technology transfer'", () => {
    expect(labelOf("Proposals include")).toBe("National ozone cells");
  });
});

describe("the conclusion draws on the material's own closing or reform section", () => {
  // A text written for this test: its reform section proposes without a "must" or "should".
  const TEXT = [
    "The Lake Authority of Varn",
    "The Lake Authority was set up in 2004 to protect the lake and its fisheries.",
    "The authority removed 300 illegal fish pens from the lake between 2005 and 2008.",
    "Fish catches rose by 40 per cent in the decade after the pens were removed.",
    "The authority has had no full-time chairperson since 2019.",
    "Silt from the northern rivers has reduced the lake's depth by a metre since 2000.",
    "Fishing families complain that the authority consults them only after decisions are made.",
    "",
    "Way forward",
    "",
    "Proposals include a full-time chairperson with a fixed tenure and a seat for fishing families on the authority's board.",
    "A middle path would involve dredging the northern channels while leaving the southern marshes untouched.",
  ].join("\n");
  const pm = ingestMaterial({ source: "lake.txt", content: TEXT });
  const answer = generateModelAnswer("Critically examine the performance of the Lake Authority of Varn.", [pm], { marks: 15 });

  it("takes its way forward from a proposal of the 'Way forward' section, its attribution-free words kept", () => {
    expect(answer.conclusion).toMatch(/As a way forward, (?:proposals include a full-time chairperson|a middle path would involve dredging)/);
  });
});

describe("a demand's heading reads whole", () => {
  it("keeps a demand of up to 22 words whole rather than end it mid-phrase", () => {
    expect(shortHeading("The role of the Comptroller and Auditor General in ensuring accountability of the executive")).toBe(
      "The role of the Comptroller and Auditor General in ensuring accountability of the executive",
    );
    expect(shortHeading("How far does the Prime Minister's control over the Council of Ministers and Parliament make the office more than 'first among equals'")).toMatch(/first among equals'$/);
  });
  it("cuts a longer one before a preposition, never after it", () => {
    const long = "The role of the Prime Minister in appointments to constitutional and statutory bodies and to the higher civil services and to the boards of public sector enterprises";
    expect(shortHeading(long)).not.toMatch(/\b(?:of|to|in|and|the)$/);
    expect(shortHeading(long).split(/\s+/).length).toBeLessThanOrEqual(22);
  });
});

describe("shortening keeps the main clause", () => {
  it("does not cut at an insertion the main clause resumes after ('…, while passing any order, to apply…')", () => {
    const text = "Section 12 of the Act requires the board, while passing any order, decision or award, to apply the precautionary principle and the polluter pays principle.";
    expect(compressSentence(text, 14)).not.toBe("Section 12 of the Act requires the board.");
  });
  it("drops an aside between two unspaced dashes, as it drops one in parentheses", () => {
    const text = "The chief minister\u2014on the non-binding advice of the senior selection board of the state\u2014decides the postings of district collectors.";
    expect(compressSentence(text, 14)).toBe("The chief minister decides the postings of district collectors.");
  });
  it("does not take a phrase of time ('Since 1967 …,') for a subordinate clause and keep only the appositive after it", () => {
    const text =
      "Since 1967 the convention in the committee has been that the chairman is drawn from the opposition, a practice intended to ensure searching scrutiny of the government's accounts.";
    expect(compressSentence(text, 14)).toMatch(/^Since 1967 the convention/);
  });
});

// A text written for these tests: a biography line, and dated neighbours unrelated to the points beside them.
const LEAGUE = [
  "The Salt League and the Varn assembly",
  "Arun Mehra was an Indian lawyer, reformer and political organiser who founded the Salt League.",
  "The Salt League was founded in 1921 to oppose the salt tax in the coastal districts of Varn.",
  "Salt League volunteers marched 240 miles to the coast in 1930 to make salt in defiance of the tax.",
  "The salt tax fell most heavily on poor households, which spent a tenth of their income on salt.",
  "The League's boycott of salt shops cut the tax revenue of the coastal districts by a third in 1931.",
  "Mehra's support for the League divided the assembly, whose landlords feared a wider tax revolt.",
  "The League's marches brought thousands of women into public protest for the first time. A new lighthouse opened at the northern port in 1932.",
  "Critics argued that the League's boycott hurt small traders more than the government.",
].join("\n");

describe("what a biography line and a dated neighbour may do in an answer", () => {
  const pm = ingestMaterial({ source: "league.txt", content: LEAGUE });
  const answer = generateModelAnswer("Critically examine Arun Mehra's support for the Salt League and its consequences for the Varn assembly.", [pm], { marks: 15 });
  const points = answer.body.flatMap((s) => s.points);

  it("never makes a person's biography a point of the body, nor the introduction of what the person did", () => {
    expect(points.filter((p) => /was an Indian lawyer/.test(p.text))).toEqual([]);
    expect(answer.introduction).not.toMatch(/was an Indian lawyer/);
  });
  it("gives no point the next dated event of the story as its example when the two share no word of substance", () => {
    expect(points.filter((p) => /lighthouse/.test(p.example ?? ""))).toEqual([]);
  });
});

describe("an example keeps a finite verb of its own sentence", () => {
  const pm = ingestMaterial({
    source: "east.txt",
    content: [
      "Eastern Varn, including Orlen, Belmor, North Tarsia and Kestria Pradesh, with small holdings and weak institutions, lagged for decades.",
      "The government pressed the council, deporting more than 800,000 migrant workers.",
    ].join("\n"),
  });
  const [east, deport] = pm.sentences;

  it("refuses a cut that leaves the subject and its list without the verb", () => {
    expect(keepsFiniteVerb(east!, "Eastern Varn, including Orlen, Belmor, North Tarsia and Kestria Pradesh.")).toBe(false);
    expect(keepsFiniteVerb(east!, "Eastern Varn lagged for decades.")).toBe(true);
  });
  it("refuses a participle's phrase with no subject", () => {
    expect(keepsFiniteVerb(deport!, "Deporting more than 800,000 migrant workers.")).toBe(false);
  });
});
