import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { documentTopic, namingSubject, topicFor, withTopic } from "@/lib/generate/topic";
import { sentenceStarting } from "./helpers";

// Written for this test; not copied from any source. The blind review of 7 Dec 2026 (issue 9) found items that lean on
// the material's subject without naming it ("The Act is often listed as…": which Act?) and a subject that lost the year
// its title gives it ("With reference to the Government of India Act: …", when several such Acts exist).

const forest = [
  "Forest Rights Act, 2006",
  "",
  "The Forest Rights Act, 2006 recognised the rights of forest-dwelling communities over land they had long tilled. Its rules were notified in 2008.",
  "",
  "Claims and the gram sabha",
  "",
  "The Act made the gram sabha the body that starts the verification of claims. By 2020 about 44 lakh claims had been filed.",
  "",
  "Claims under the Forest Rights Act were filed mostly by families in Odisha and Chhattisgarh in the first decade.",
  "",
  "Conflicts",
  "",
  "The Indian Forest Act, 1927 had given the forest department wide powers. The Act let officers declare reserves without consent.",
  "",
  "Critics say the Act is weakened by slow verification, and in 2019 a court order briefly threatened eviction for rejected claimants.",
  "",
  "The Forest Rights Act is often read beside the Indian Forest Act, 1927, and the two clash over grazing.",
].join("\n");
const pm = ingestMaterial({ source: "forest.txt", content: forest });

describe("a dated subject keeps its year (issue 9)", () => {
  it("reads the title's year into the subject's phrase when the name's kind word takes one", () => {
    const topic = documentTopic(pm);
    expect(topic?.phrase).toBe("the Forest Rights Act, 2006");
    expect(topic?.name).toBe("Forest Rights Act");
  });
  it("leads with the dated name", () => {
    const s = sentenceStarting(pm, "Critics say");
    expect(withTopic("Critics say verification is slow, and in _____ a court order briefly threatened eviction.", topicFor("Critics say verification is slow, and in _____ a court order briefly threatened eviction.", pm, s, ["2019"]))).toMatch(
      /^With reference to the Forest Rights Act, 2006: /,
    );
  });
  it("gives no lead whose year is the answer", () => {
    const s = sentenceStarting(pm, "Critics say");
    expect(topicFor("Critics say verification is slow, and in 2019 a court order was made for _____.", pm, s, ["2006"])).toBeNull();
  });
  it("puts the year after the name written without it", () => {
    const s = sentenceStarting(pm, "Claims under the Forest Rights Act");
    expect(namingSubject("Claims under the Forest Rights Act were filed mostly by families in _____ and Chhattisgarh.", pm, s)).toBe(
      "Claims under the Forest Rights Act, 2006 were filed mostly by families in _____ and Chhattisgarh.",
    );
  });
  it("leaves a name the text dates already, or another dated name", () => {
    const s = sentenceStarting(pm, "The Forest Rights Act is often read");
    expect(namingSubject("The Forest Rights Act is often read beside the _____, 1927.", pm, s)).toBe("The Forest Rights Act, 2006 is often read beside the _____, 1927.");
    const lead = sentenceStarting(pm, "The Forest Rights Act, 2006 recognised");
    expect(namingSubject("The Forest Rights Act, 2006 recognised the rights of _____ communities.", pm, lead)).toBe("The Forest Rights Act, 2006 recognised the rights of _____ communities.");
  });
});

describe("a bare 'the <head>' that stands for the subject gets its name (issue 9)", () => {
  it("names the subject for 'the Act' when nothing else of that kind came before, and no more after another Act", () => {
    const s = sentenceStarting(pm, "The Act made the gram sabha");
    expect(namingSubject("The Act made the _____ the body that starts the verification of claims.", pm, s)).toBe(
      "The Forest Rights Act, 2006 made the _____ the body that starts the verification of claims.",
    );
    // After the Indian Forest Act, 1927 anywhere before, "the act" may be that one: left as written.
    const critics = sentenceStarting(pm, "Critics say");
    expect(namingSubject("Critics say the act is weakened by slow verification, and in _____ a court order threatened eviction.", pm, critics)).toBe(
      "Critics say the act is weakened by slow verification, and in _____ a court order threatened eviction.",
    );
  });
  it("leaves 'the Act' after another Act was named, in the item or its paragraph", () => {
    const s = sentenceStarting(pm, "The Act let officers");
    expect(namingSubject("The Act let officers declare _____ without consent.", pm, s)).toBe("The Act let officers declare _____ without consent.");
    const critics = sentenceStarting(pm, "Critics say");
    expect(namingSubject("Under the Indian Forest Act, 1927 the Act let officers act in _____.", pm, critics)).toBe("Under the Indian Forest Act, 1927 the Act let officers act in _____.");
  });
  it("leaves a head that something after it says which of, or a possessive", () => {
    const critics = sentenceStarting(pm, "Critics say");
    expect(namingSubject("Critics say the Act of 1927 was harsher in _____.", pm, critics)).toBe("Critics say the Act of 1927 was harsher in _____.");
    expect(namingSubject("Critics say the Act's rules were slow in _____.", pm, critics)).toBe("Critics say the Act's rules were slow in _____.");
  });
});

const scheme = [
  "Veldra Solar Pump Scheme",
  "",
  "The Veldra Solar Pump Scheme pays farmers in Karn to replace diesel pumps with solar ones. The Veldra Solar Pump Scheme began in 2019.",
  "",
  "How it works",
  "",
  "The scheme covers 60 per cent of a pump's cost, and banks lend most of the rest.",
  "",
  "Results",
  "",
  "By 2024 the Veldra Solar Pump Scheme had paid for 80,000 pumps.",
].join("\n");
const spm = ingestMaterial({ source: "pumps.txt", content: scheme });

describe("the subject's head in lower case, for a subject with no year", () => {
  it("names the scheme and adds no year to an undated subject", () => {
    expect(documentTopic(spm)?.phrase).toBe("the Veldra Solar Pump Scheme");
    const s = sentenceStarting(spm, "The scheme covers");
    expect(namingSubject("The scheme covers _____ per cent of a pump's cost, and banks lend most of the rest.", spm, s)).toBe(
      "The Veldra Solar Pump Scheme covers _____ per cent of a pump's cost, and banks lend most of the rest.",
    );
    const results = sentenceStarting(spm, "By 2024");
    expect(namingSubject("By _____ the Veldra Solar Pump Scheme had paid for 80,000 pumps.", spm, results)).toBe("By _____ the Veldra Solar Pump Scheme had paid for 80,000 pumps.");
  });
});

const capitals = [
  "VELDRA SOLAR PUMP SCHEME (VSPS): NOTES",
  "",
  "The Veldra Solar Pump Scheme pays farmers in Karn to replace diesel pumps with solar ones. The Veldra Solar Pump Scheme began in 2019.",
  "",
  "Coverage",
  "",
  "Pumps of up to 7.5 horsepower are covered, and 80,000 had been paid for by 2024.",
].join("\n");
const cpm = ingestMaterial({ source: "caps.txt", content: capitals });

describe("a title in capitals is read as the body writes its words", () => {
  it("finds the subject of a title in capitals, its bracketed acronym no rival", () => {
    expect(documentTopic(cpm)?.phrase).toBe("the Veldra Solar Pump Scheme");
    const s = sentenceStarting(cpm, "Pumps of up to");
    expect(topicFor("Pumps of up to _____ horsepower are covered.", cpm, s, ["7.5"])).toBe("the Veldra Solar Pump Scheme");
  });
});

describe("the subject's head before a noun it describes stays", () => {
  it("leaves 'the scheme districts' and a name that goes on after the head", () => {
    const s = sentenceStarting(spm, "The scheme covers");
    expect(namingSubject("Karn set up offices in the scheme districts, run by _____ cooperatives.", spm, s)).toBe("Karn set up offices in the scheme districts, run by _____ cooperatives.");
    expect(namingSubject("The Scheme for Veldra Farmers was announced in _____.", spm, s)).toBe("The Scheme for Veldra Farmers was announced in _____.");
  });
});

// The whole engine on invented materials (review of fix/s14-topic): what every item says, card or question.
import { generateStudySet } from "@/lib/generate/study-set";

function itemTexts(content: string): string[] {
  const set = generateStudySet([ingestMaterial({ source: "invented.txt", content })]);
  return [
    ...set.cards.map((c) => `${c.front} || ${c.back}`),
    ...set.questions.flatMap((q) => [q.prompt, ...(q.options ?? []).map((o) => o.text)]),
  ];
}

/** Every sentence of the material as an item would put it, its subject named (`namingSubject` on the sentence itself). */
function namedSentences(content: string): string[] {
  const m = ingestMaterial({ source: "invented.txt", content });
  return m.sentences.map((s) => namingSubject(s.text, m, s));
}

describe("a title in capitals: a sentence's first capital names nothing (whole engine)", () => {
  const content = [
    "COASTAL FISHERIES REGULATION IN KERALA: REVISION NOTES",
    "",
    "Summary: In Kerala the fishing ban runs for 52 days in the monsoon. Coastal fisheries regulation rests on a law of 1980.",
    "",
    "Boats and licences",
    "",
    "In Kerala, every mechanised boat must carry a licence renewed every three years. About 3,800 trawlers held licences in 2022.",
    "",
    "Point: In Kerala the minimum legal size of a catch is fixed for 58 species. Juvenile fishing was common before 2015.",
    "",
    "Enforcement",
    "",
    "Marine police stations were set up in 2009 at nine harbours. Fines for juvenile catch reach 2.5 lakh rupees.",
  ].join("\n");
  it("makes no subject of 'In Kerala' and leads no item with it", () => {
    expect(documentTopic(ingestMaterial({ source: "invented.txt", content }))?.name ?? "").not.toMatch(/^In\b/);
    expect(itemTexts(content).filter((t) => /With reference to In\b/.test(t))).toEqual([]);
  });
});

describe("'the Act', 'the treaty', 'the scheme', 'the commission' get the subject's name only when nothing else of that kind came before (whole engine)", () => {
  it("names the Act where nothing else of its kind came before, not after an amending law", () => {
    const texts = itemTexts(
      [
        "Veldra Ports Act, 2011",
        "",
        "The Veldra Ports Act, 2011 gives the state maritime board control over the minor ports of Veldra. Cargo at these ports grew threefold by 2020.",
        "",
        "The maritime board",
        "",
        "The Act set up a maritime board of nine members chaired by the ports minister. Members hold office for four years.",
        "",
        "The changes of 2018",
        "",
        "In 2018 the assembly passed an amending law within ten days. The Act let the government fix port dues by notification, and the dues notified in 2018 doubled for foreign vessels.",
      ].join("\n"),
    );
    expect(texts.filter((t) => /Veldra Ports Act, 2011 let the government/.test(t))).toEqual([]);
  });
  it("leaves 'the treaty' after a settlement of another year", () => {
    const treaty = [
        "Lune Waters Treaty, 1994",
        "",
        "The Lune Waters Treaty, 1994 between Karn and Velor provides for the joint use of the Lune river. It was signed in March 1994 and came into force in 1995.",
        "",
        "Colonial background",
        "",
        "Under the settlement signed at Ostra in 1841 after a short war, Velor ceded two valleys to Karn. The treaty made the Lune river the eastern boundary of Velor.",
        "",
        "Storage",
        "",
        "Karn may store up to 4,000 cusecs in the Lune reservoir in the wet season. The Lune Waters Treaty, 1994 is still disputed in Velor, where critics say the Lune Waters Treaty, 1994 favours Karn.",
      ].join("\n");
    const texts = itemTexts(treaty);
    expect(texts.filter((t) => /Lune Waters Treaty, 1994 made/.test(t))).toEqual([]);
    expect(namedSentences(treaty).filter((t) => /Lune Waters Treaty, 1994 made/.test(t))).toEqual([]);
  });
  it("leaves 'the scheme' after another programme and 'the commission' after another body", () => {
    const scheme = namedSentences(
      [
        "Veldra Solar Pump Scheme",
        "",
        "The Veldra Solar Pump Scheme pays farmers in Karn to replace diesel pumps with solar ones. The Veldra Solar Pump Scheme was announced in the budget of 2019.",
        "",
        "A provincial precursor",
        "",
        "Karn launched Jalsetu in 2015. It was a support programme for canal farmers in the dry districts.",
        "",
        "The scheme paid 3,000 rupees per pump, with no limit on pumps per family, so larger farms received more.",
      ].join("\n"),
    );
    expect(scheme.filter((t) => /Veldra Solar Pump Scheme paid/.test(t))).toEqual([]);
    const commission = itemTexts(
      [
        "Mehra Commission",
        "",
        "The Mehra Commission was set up in May 1979 to examine river disputes between the provinces of Karn. It was headed by Justice A. Mehra and reported in 1984.",
        "",
        "A later review",
        "",
        "In 2004 the government set up another body under Justice R. Kulkarni to look at the same disputes afresh.",
        "",
        "The commission submitted its report in 2009 and suggested that tribunals decide disputes within three years.",
        "",
        "Assessment",
        "",
        "The Mehra Commission is still cited by the courts. Several provinces want the Mehra Commission report applied in full.",
      ].join("\n"),
    );
    expect(commission.filter((t) => /Mehra Commission submitted/.test(t))).toEqual([]);
  });
  it("adds no year to a name the material dates otherwise anywhere", () => {
    const ports = [
        "Veldra Ports Act, 2011",
        "",
        "The Veldra Ports Act, 2011 gives the state maritime board control over the minor ports of Veldra. Cargo at these ports grew threefold by 2020.",
        "",
        "Earlier law",
        "",
        "The Veldra Ports Act, 1962 followed a report of the port trusts.",
        "",
        "Under that older law the Veldra Ports Act divided ports into major and minor ones, a split called the two-tier system. It also fixed a single tariff of 12 rupees a tonne.",
      ].join("\n");
    expect(itemTexts(ports).filter((t) => /Veldra Ports Act, 2011 divided/.test(t))).toEqual([]);
    expect(namedSentences(ports).filter((t) => /Veldra Ports Act, 2011 divided/.test(t))).toEqual([]);
  });
});

describe("a year the engine adds is never the answer (whole engine)", () => {
  it("makes no 'When?' card whose front gives its year", () => {
    const texts = itemTexts(
      [
        "Veldra Mills Act, 1951",
        "",
        "The Veldra Mills Act, 1951 regulates safety and wages in the textile mills of Veldra. It replaced an older law of 1923.",
        "",
        "Passage",
        "",
        "The Act was passed by the provincial assembly in 1951 and came into force on 1 June 1952. The Act received the assent of the Governor in November 1951.",
        "",
        "Working hours",
        "",
        "No mill worker may work more than 45 hours in a week. Children below 15 years may not be employed in any mill.",
      ].join("\n"),
    );
    const giveaways = texts.filter((t) => {
      const [front, back] = t.split(" || ");
      const year = /\b(1[5-9]|20)\d\d\b/.exec(back ?? "")?.[0];
      return !!year && (front ?? "").includes(year);
    });
    expect(giveaways).toEqual([]);
  });
});

describe("a policy title in capitals keeps its lead where another name shares a word (whole engine)", () => {
  it("leads with the policy on a sentence that names another body with one of its words", () => {
    const texts = itemTexts(
      [
        "NATIONAL WATER POLICY 2030: KEY FEATURES",
        "",
        "The National Water Policy 2030 replaced the National Policy on Water of 1987. It was approved by the Union Cabinet in June 2030.",
        "",
        "Rivers",
        "",
        "The policy asks that every river basin have a plan revised every five years. It sets aside 20 per cent of river flow for ecology.",
        "",
        "Regulation",
        "",
        "The policy aims at metering 80 per cent of farm pumps by 2040. A single regulator, the Water Tariff Authority of India, is proposed.",
        "",
        "Criticism",
        "",
        "Some states have not adopted the National Water Policy 2030. Karn opposes the National Water Policy 2030 over its pricing rules.",
      ].join("\n"),
    );
    expect(texts.some((t) => /^With reference to the National Water Policy 2030: .*Authority of India/.test(t) || /^With reference to the National Water Policy 2030: A single regulator/.test(t))).toBe(true);
  });
});
