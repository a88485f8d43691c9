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

// Written for this test; not copied from any source (a fictional leader, party and campaigns). The question's subject
// is the leader, named with a title the material never gives him ("Teacher Reyl", as a question may say "Mahatma
// Gandhi"); the campaigns are listed after "with reference to" as the aspects to examine him under.
const LEADER = [
  "Tomas Reyl",
  "Tomas Reyl (1881 - 1950) was a Velarian teacher and reformer who led the campaign for Velaria's self-rule. He organised farmers and dock workers against unjust taxes.",
  "",
  "Early work",
  "Reyl returned to Velaria in 1912 and joined the People's Assembly. Reyl took leadership of the Assembly in 1919 and pressed for self-rule until on 3 May 1931 the Assembly declared Velaria free.",
  "",
  "Dune movement",
  "Reyl backed the Dune movement of the coastal fishermen to win their support. Reyl's support to the Dune movement led to mixed results. It brought thousands of fishermen into the Assembly. However, inland leaders questioned his judgement. By the end of 1922 the Dune movement had collapsed. Fishermen left the Assembly and riots returned to the ports.",
  "",
  "Boycott",
  "In 1920 Reyl called on Velarians to boycott imported cloth and foreign courts. Thousands resigned from government posts. Reyl was arrested in 1922 and spent two years in prison.",
  "",
  "Grain March",
  "In March 1930 Reyl led the Grain March against the grain tax, walking 200 miles with 60 followers. Over 40,000 people were jailed. The march won wide support abroad.",
].join("\n");

describe("a question that lists aspects after 'with reference to'", () => {
  const pm = ingestMaterial({ source: "reyl.txt", content: LEADER });
  const answer = generateModelAnswer("Critically examine Teacher Reyl with reference to the Dune movement, the boycott and the Grain March.", [pm], { marks: 15 });
  const points = answer.body.flatMap((s) => s.points);

  it("takes its subject from what the question examines, not from the first aspect listed", () => {
    expect(answer.introduction).not.toMatch(/Dune movement/);
  });

  it("keeps the general context in the introduction", () => {
    expect(answer.introduction).toMatch(/took leadership of the Assembly in 1919/);
  });

  it("says no sentence of the introduction again in the body", () => {
    const said = (t: string) => answer.introduction.includes(t.replace(/^[^:]{2,60}: /, "").replace(/\.$/, ""));
    expect(points.filter((p) => said(p.text) || (p.example && said(p.example)))).toEqual([]);
  });
});

// Written for this test; not copied from any source (a fictional commander and army). The sentence after the point
// opens with "He"; items may read it as the one person the paragraph names, but a model answer's example never shows
// the bare pronoun.
const COMMANDER = [
  "Tomas Reyl and the Varnian Home Army",
  "",
  "Tomas Reyl was one of the most radical leaders of the Varnian freedom movement against the empire.",
  "",
  "Tomas Reyl assumed command of the Varnian Home Army in July 1943 at Ostrel. He kept command of the Varnian Home Army at Tarsk until March 1945 with three divisions.",
  "",
  "The legacy of Reyl remains contested among historians of the Varnian freedom struggle.",
].join("\n");

describe("a model answer's example", () => {
  it("never opens with a bare 'He'/'She'", () => {
    const pm = ingestMaterial({ source: "reyl-army.txt", content: COMMANDER });
    const answer = generateModelAnswer("Assess the role of Tomas Reyl and the Varnian Home Army in the freedom struggle.", [pm], { marks: 15 });
    const examples = answer.body.flatMap((s) => s.points.map((p) => p.example ?? ""));
    expect(examples.filter((e) => /^(?:He|She)\b/.test(e))).toEqual([]);
    expect(answer.rubric.filter((r) => /\(e\.g\. (?:He|She)\b/.test(r.point))).toEqual([]);
  });
});
