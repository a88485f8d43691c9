import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { segmentText } from "@/lib/material/segment";
import { createAliasResolver } from "@/lib/material/aliases";
import { MAX_NAME_WORDS } from "@/lib/material/entities";
import { generateStudySet } from "@/lib/generate/study-set";
import { buildCorpus } from "@/lib/generate/corpus";
import { generateCards } from "@/lib/generate/cards";
import { collectSlots } from "@/lib/generate/slots";

// Written for these tests in the style of the study material (news analysis on militancy); not copied.
const ARTICLE = [
  "Frontier militancy returns",
  "The Jamaat-ul-Mujahideen Bangladesh (JMB), also known as the Bangladeshi Mujahideen, was formed in 1998 by several Islamist cells.",
  "More than 1,200 people were killed in militant attacks in 2023, a 45 per cent increase from 2022, according to the Dhaka-based Centre for Conflict Studies.",
  "A UN monitoring report in March 2024 estimated that at least 3,000 JMB fighters operate from camps across the border.",
  "The Jamat-ul-Mujahideen Bangladesh has also targeted workers on the $12bn rail corridor along the 1,100km frontier.",
  "\"The group has regrouped faster than anyone expected,\" said Rahim Chowdhury, a senior fellow at the Institute of Policy Analysis.",
  "\"Unless the camps are closed, the violence will continue,\" he added.",
  "Analyst Chowdhury also noted that recruitment had tripled.",
  "Ayesha Karim, the country's home minister, said the government would \"not bargain with terror\".",
  "The IS-B, which is the Islamic State branch of Bengal, competes with the JMB for recruits; ISB cells were broken up in 2019.",
].join("\n");

describe("ingestMaterial extraction", () => {
  const pm = ingestMaterial({ source: "frontier.txt", filename: "frontier.txt", content: ARTICLE });
  const aliases = createAliasResolver([pm]);

  it("treats the opening title line as a heading, not a sentence", () => {
    expect(pm.material.title).toBe("Frontier militancy returns");
    expect(pm.sentences[0]?.text.startsWith("The Jamaat-ul-Mujahideen")).toBe(true);
  });

  it("gives every sentence exact offsets into the cleaned text", () => {
    for (const s of pm.sentences) expect(pm.material.text.slice(s.start, s.end)).toBe(s.text);
  });

  it("reads an acronym and its expansion", () => {
    expect(pm.acronyms.map((a) => [a.short, a.expansion])).toContainEqual(["JMB", "Jamaat-ul-Mujahideen Bangladesh"]);
  });

  it.each([
    ["JMB", "Jamaat-ul-Mujahideen Bangladesh"],
    ["Bangladeshi Mujahideen", "JMB"],
    ["Jamat-ul-Mujahideen Bangladesh", "Jamaat-ul-Mujahideen Bangladesh"],
    ["IS-B", "ISB"],
    ["ISB", "Islamic State branch of Bengal"],
  ])("treats %s and %s as one entity", (a, b) => {
    expect(aliases.same(a, b)).toBe(true);
  });

  it("keeps distinct entities apart", () => {
    expect(aliases.same("JMB", "ISB")).toBe(false);
  });

  it("reads figures with qualifier, unit, subject and year", () => {
    const byText = new Map(pm.numbers.map((n) => [n.text, n]));
    expect(byText.get("More than 1,200")).toMatchObject({ value: 1200, unit: "count", qualifier: "more than", subject: "people", year: 2023 });
    expect(byText.get("45 per cent")).toMatchObject({ value: 45, unit: "percent", subject: "increase" });
    expect(byText.get("at least 3,000")).toMatchObject({ value: 3000, subject: "JMB fighters" });
    expect(byText.get("$12bn")).toMatchObject({ value: 12e9, unit: "money" });
    expect(byText.get("1,100km")).toMatchObject({ value: 1100, unit: "distance", subject: "frontier" });
  });

  it("does not count years as figures", () => {
    expect(pm.numbers.some((n) => n.value === 1998 || n.value === 2023)).toBe(false);
  });

  it("reads dated events with month and year", () => {
    expect(pm.events.find((e) => e.label === "March 2024")).toMatchObject({ year: 2024, month: 3, sortKey: "2024-03" });
    expect(pm.events.find((e) => e.label === "1998")?.event).toMatch(/^The Jamaat-ul-Mujahideen Bangladesh .* was formed by several Islamist cells\.$/);
  });

  it("attributes a quote to a speaker named after 'said', with the role", () => {
    const q = pm.quotes.find((x) => x.text.startsWith("The group has regrouped"));
    expect(q).toMatchObject({ speaker: "Rahim Chowdhury", role: "a senior fellow at the Institute of Policy Analysis" });
    expect(pm.material.text.slice(q!.start, q!.end)).toBe(q!.text);
  });

  it("carries the speaker over to 'he added'", () => {
    expect(pm.quotes.find((x) => x.text.startsWith("Unless the camps"))?.speaker).toBe("Rahim Chowdhury");
  });

  it("attributes a short quote inside reported speech", () => {
    expect(pm.quotes.find((x) => x.text === "not bargain with terror")).toMatchObject({ speaker: "Ayesha Karim", role: "the country's home minister" });
  });

  it("reads appositive definitions", () => {
    expect(pm.definitions.map((d) => [d.term, d.definition])).toContainEqual(["Rahim Chowdhury", "a senior fellow at the Institute of Policy Analysis"]);
  });

  it("classifies people and organisations", () => {
    const kindOf = (name: string) => aliases.resolve(name)?.kind;
    expect(kindOf("Rahim Chowdhury")).toBe("person");
    expect(kindOf("Centre for Conflict Studies")).toBe("organization");
  });
});

describe("names that a bare 'the' separates", () => {
  // Written for this test. The ninth blind review found blanks swallowing "Groups C and D the Commission" and
  // "Pakistan the League": a fronted phrase ends in a name and the next clause's subject starts with "the".
  const pm = ingestMaterial({
    source: "karn.txt",
    content: [
      "Karn notes",
      "",
      "For officials in Groups C and D the Dorra Commission proceeds on its own.",
      "After Pell the Ostra Company ruled the coast.",
      "Arno the Great founded Pell, and Mira the Elder wrote its first chronicle.",
      "Arno the Great's reign was long, and coins of Arno the Great show his portrait.",
      "In 1066 Tovan the Conqueror took Dorra.",
      "At Pell the Viceroy met the Dorra Commission in 1945.",
      "In Karn the Parthian dynasty was overthrown in the 220s.",
      "According to Kiran the Ostra Company was bankrupt.",
      "The Karn Mission to Review the Working of the Charter reported in 2002.",
      "The Dorra Commission met in 2003.",
      "The Ostra Company sold cotton.",
    ].join("\n"),
  });
  const names = pm.entities.flatMap((e) => [e.name, ...e.aliases]);
  it("reads the second name on its own, not glued to the first", () => {
    expect(names).toContain("Dorra Commission");
    expect(names).toContain("Ostra Company");
    expect(names.some((n) => / the (?:Dorra|Ostra)/.test(n))).toBe(false);
    // ("According to Kiran the Ostra Company…": "to" before a name that is no verb keeps no title together.)
    expect(names.some((n) => n.startsWith("Kiran the"))).toBe(false);
    // (A second code review: an office after "the" opens a second name — "At Pell the Viceroy met…".)
    expect(names.some((n) => n.startsWith("Pell the"))).toBe(false);
    // (The eleventh blind review: "In Iran the Parthian dynasty…" made a blank of "Iran the Parthian".)
    expect(names.some((n) => n.startsWith("Karn the"))).toBe(false);
  });
  it("keeps an epithet and a title's verb inside the name", () => {
    expect(names).toContain("Arno the Great");
    expect(names).toContain("Mira the Elder");
    // (A code review: a noun epithet naming a person stays too.)
    expect(names).toContain("Tovan the Conqueror");
    // (A third code review: an epithet before a possessive or a noun stays too — "Arno the Great's reign".)
    expect(names).toContain("Arno the Great");
    expect(names.some((n) => n === "Arno" || n === "Great")).toBe(false);
    expect(names.some((n) => n.includes("Review the Working of the Charter"))).toBe(true);
  });
});

describe("ingestMaterial input checks", () => {
  it("rejects an unsupported file type with a clear message", () => {
    expect(() => ingestMaterial({ source: "a.pdf", filename: "a.pdf", content: "%PDF-1.7" })).toThrow(/not a supported file type \(\.pdf\)/);
  });
  it("rejects material over the size limit", () => {
    expect(() => ingestMaterial({ source: "big.txt", filename: "big.txt", content: "word ".repeat(1000) }, { maxBytes: 1000 })).toThrow(/limit is 0\.0 MB|the limit is/);
  });
  it("rejects binary content", () => {
    expect(() => ingestMaterial({ source: "x.txt", filename: "x.txt", content: "abc\u0000\u0001def" })).toThrow(/binary/);
  });
  it("rejects text that is all boilerplate", () => {
    expect(() => ingestMaterial({ source: "x.txt", content: "Latest Comments\n2 days ago" })).toThrow(/no readable text/);
  });
  it("reads HTML, dropping scripts and keeping headings and list items on their own lines", () => {
    const pm = ingestMaterial({
      source: "page.html",
      filename: "page.html",
      content: "<html><head><title>T</title><script>var x=1;</script></head><body><h2>Why it matters</h2><p>The council met on Monday &amp; agreed to extend the truce.</p><ul><li>Trade resumed.</li></ul></body></html>",
    });
    expect(pm.material.text).toContain("Why it matters\nThe council met on Monday & agreed to extend the truce.\n- Trade resumed.");
    expect(pm.material.text).not.toContain("var x");
  });
  it("takes a title from the text as a one-line name, without the marks that would reorder it", () => {
    const pm = ingestMaterial({
      source: "page.html",
      filename: "page.html",
      content: "<html><head><title>\u200fTruce\u200b talks\u061c resume</title></head><body><p>The council met on Monday and agreed to extend the truce by a month.</p></body></html>",
    });
    expect(pm.material.title).toBe("Truce talks resume");
  });
  it("reads Markdown without its markup", () => {
    const pm = ingestMaterial({ source: "n.md", filename: "n.md", content: "# Notes on the truce\n\nThe **ceasefire** held for [three weeks](http://x) before fighting resumed." });
    expect(pm.material.text).toBe("Notes on the truce\nThe ceasefire held for three weeks before fighting resumed.");
  });
  it("handles a 100 000-word paste in reasonable time", () => {
    const para = "The militants crossed the border at night and attacked 12 posts in 2024, officials in the provincial capital said. ";
    const content = para.repeat(5000);
    const t0 = performance.now();
    const pm = ingestMaterial({ source: "paste", content });
    expect(pm.sentences.length).toBe(5000);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
});

describe("quote attribution inside a paragraph", () => {
  const pm = ingestMaterial({
    source: "q.txt",
    content: [
      "\"We will hold the line,\" said Governor Tomas Ruiz, who took office in 2023.",
      "Critics, including former finance minister Lena Okafor, argue that rates are too high. \"Credit growth has slowed to 9%,\" she told reporters.",
    ].join("\n"),
  });
  it("separates a title from the speaker's name", () => {
    expect(pm.quotes[0]).toMatchObject({ speaker: "Tomas Ruiz", role: "Governor" });
  });
  it("resolves 'she told' to the person named earlier in the same paragraph", () => {
    expect(pm.quotes[1]).toMatchObject({ speaker: "Lena Okafor", role: "former finance minister" });
  });
});

describe("entity names", () => {
  const pm = ingestMaterial({
    source: "n.txt",
    content: "Relations between the two states soured after the Pakistan-Afghanistan border talks failed in 2024. The Afghan Taliban rejected the plan, and the Taliban spokesman said so.",
  });
  it("rejects a sentence-initial common word and names joined by a hyphen", () => {
    const names = pm.entities.flatMap((e) => e.aliases);
    expect(names).not.toContain("Relations");
    expect(names).not.toContain("Pakistan-Afghanistan");
  });
  it("reads a house or council named in an Indian or other language as a body, never a person", () => {
    const houses = ingestMaterial({
      source: "h.txt",
      content: "The bill passed the Vidhan Sabha in March. The Zila Parishad then asked the Vidhan Sabha to delay it, and the Gram Panchayat agreed with the Zila Parishad.",
    });
    const kind = (name: string) => houses.entities.find((e) => e.aliases.includes(name))?.kind;
    for (const name of ["Vidhan Sabha", "Zila Parishad", "Gram Panchayat"]) {
      expect(kind(name)).toBeDefined();
      expect(kind(name)).not.toBe("person");
    }
  });
  it("reads a name the text uses with 'the', after 'in' or 'at', or as a party to a case as no person's (history, law)", () => {
    // Written for this test: an invented society, shrine, village and mill company beside invented people.
    const text = [
      "Reformers of Veldra",
      "",
      "Tovan Keld (1820-1891), a scholar, founded the Orla Samiti in 1851. The Orla Samiti ran schools for girls.",
      "A council of monks met at Pella Vihar in 1870, and a second was held at Pella Vihar in 1882.",
      "Arno Dask, who led the weavers, was born in Marna Kot.",
      "In Kessa Mills v. State of Veldra (1980), the High Court upheld the wage law.",
      "Later the Arno Dask government raised wages.",
    ].join("\n");
    const pm2 = ingestMaterial({ source: "reformers.txt", content: text });
    const kind = (name: string) => pm2.entities.find((e) => e.aliases.includes(name))?.kind;
    for (const name of ["Orla Samiti", "Pella Vihar", "Marna Kot", "Kessa Mills"]) expect(kind(name), name).not.toBe("person");
    // A lifespan or "who" says person, even where "the" stands before the name as a modifier ("the Arno Dask government").
    expect(kind("Tovan Keld")).toBe("person");
    expect(kind("Arno Dask")).toBe("person");
  });
  it("does not end a sentence inside a name or a figure that has a full stop and no space ('PM2.5', 'v2.0')", () => {
    // Written for this test (air quality, software).
    const air = ingestMaterial({ source: "air.txt", content: "Air in Veldra\n\nThe annual average of PM2.5 in Karn was 105 micrograms in 2023. Levels of PM10 were higher. Release v2.0 of the monitoring app came out in May 2024." });
    expect(air.sentences.map((s) => s.text)).toEqual([
      "The annual average of PM2.5 in Karn was 105 micrograms in 2023.",
      "Levels of PM10 were higher.",
      "Release v2.0 of the monitoring app came out in May 2024.",
    ]);
  });
  it("reads a name a thing-noun follows ('the Karn Sarovar project') or that follows 'the ports of' as no person's (eighth blind review)", () => {
    // Written for this test. The examiners: "a dam listed as a person", "Myos Hormos, a place, offered among persons".
    const text = [
      "Dams and ports of Veldra",
      "",
      "The two largest were the Karn Sarovar project in Ostra and the Dorra Sagar (later Mira Sagar) project in Velm.",
      "The Karn Sarovar dam promised irrigation for 9,000 villages.",
      "Arno Dask became prime minister of Veldra in 1947. Arno Dask believed in planning. The Arno Dask port near Velm handles most container traffic.",
      "Trade passed through the ports of Tavi Hormos and Bereno, and potsherds have been found at Bereno and Tavi Hormos.",
      "Leaders were arrested everywhere: Arno Dask in Ostra and Pell Varun in Velm.",
    ].join("\n");
    const pm = ingestMaterial({ source: "dams.txt", content: text });
    const kindOf = (name: string) => pm.entities.find((e) => e.name === name)?.kind;
    expect(kindOf("Karn Sarovar")).not.toBe("person");
    expect(kindOf("Mira Sagar")).not.toBe("person");
    expect(kindOf("Tavi Hormos")).not.toBe("person");
    // The second of two names after "in" is not placed by the first's "in": "Pell Varun in Velm" is a person; so is a
    // person a port is named after, among mentions that say person.
    expect(kindOf("Pell Varun")).toBe("person");
    expect(kindOf("Arno Dask")).toBe("person");
  });
  it("reads a name with a decimal part as one name ('PM2.5', not 'PM2'), so no card blanks half of it", () => {
    // Written for this test (air quality).
    const air = ingestMaterial({ source: "air.txt", content: "Air in Veldra\n\nPM2.5 refers to particles 2.5 micrometres or smaller. The Karn Board measures PM2.5 and PM10 at 40 stations. In May 2024 the average of PM2.5 in Karn was 105 micrograms." });
    const names = air.entities.map((e) => e.name);
    expect(names).toContain("PM2.5");
    expect(names).not.toContain("PM2");
    const set = generateStudySet([air]);
    expect(set.cards.map((c) => c.front).filter((f) => /_____\.\d/.test(f))).toEqual([]);
    expect(set.cards.map((c) => c.back)).not.toContain("PM2");
  });
  it("keeps a person a person when one mention of several follows 'in', 'at' or 'the', or a plain 'vs' (history)", () => {
    // Written for this test, after a code review's counter-examples.
    const text = [
      "Leaders of Veldra",
      "",
      "Arno Dask led the Veldra Congress. Mira Osk had great faith in Arno Dask as a leader. Arno Dask became prime minister in 1947.",
      "The Dalai Marn fled Ostra in 1959, and Veldra granted the Dalai Marn asylum.",
      "Historians still argue over the Arno Dask vs Mira Osk debate.",
    ].join("\n");
    const pm2 = ingestMaterial({ source: "leaders.txt", content: text });
    const kind = (name: string) => pm2.entities.find((e) => e.aliases.includes(name))?.kind;
    for (const name of ["Arno Dask", "Mira Osk", "Dalai Marn"]) expect(kind(name), name).toBe("person");
  });
  it("keeps a person after 'the seat of' when another mention reads as a person; a place there once is still a place", () => {
    const text = "Lee Khedi in Varnia was for long the seat of Tomas Verrin in the Varnian assembly. Anja Kessel defeated Tomas Verrin at Lee Khedi in the election of 2019.";
    const pm2 = ingestMaterial({ source: "seats.txt", content: text });
    expect(pm2.entities.find((e) => e.name === "Tomas Verrin")?.kind).toBe("person");
    const pm3 = ingestMaterial({ source: "seat.txt", content: "In 1977 Anja Kessel lost the seat of Ostrel Mandi to a young lawyer." });
    expect(pm3.entities.find((e) => e.name === "Ostrel Mandi")?.kind).not.toBe("person");
  });
  it("keeps two sentences two when the writer left no space after the full stop before a capital ('…in 1947.The…')", () => {
    const pm2 = ingestMaterial({ source: "s.txt", content: "Notes\n\nVeldra became independent in 1947.The constitution came into force in 1950." });
    expect(pm2.sentences.map((s) => s.text)).toEqual(["Veldra became independent in 1947.", "The constitution came into force in 1950."]);
  });
  it("does not treat a demonym-led group name as a person with a surname", () => {
    const aliases = createAliasResolver([pm]);
    expect(aliases.same("Afghan Taliban", "Taliban")).toBe(false);
  });
});

describe("a run of capitalised words is cut into names of bounded length", () => {
  // Invented filler: a 200 KB single line of capitalised words (and the connectors names keep).
  const WORDS = ["Amber", "Board", "of", "Cobalt", "Dune", "Ember", "Committee", "Ōra", "Fenwick"];
  let line = "";
  for (let i = 0; line.length < 200_000; i++) line += `${WORDS[i % WORDS.length]} `;
  it("ingests it with no name longer than MAX_NAME_WORDS capitalised words", () => {
    const pm = ingestMaterial({ source: "caps.txt", content: `${line.trim()}.` });
    expect(pm.entities.length).toBeGreaterThan(0);
    const capitalised = (name: string) => name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).length;
    const longest = Math.max(...pm.entities.flatMap((e) => [e.name, ...e.aliases]).map(capitalised));
    expect(MAX_NAME_WORDS).toBe(12);
    expect(longest).toBeLessThanOrEqual(MAX_NAME_WORDS);
    for (const e of pm.entities) for (const m of e.mentions) expect(capitalised(pm.material.text.slice(m.start, m.end))).toBeLessThanOrEqual(MAX_NAME_WORDS);
  });
  it("still reads a long name whole", () => {
    const pm = ingestMaterial({ source: "long.txt", content: "The Joint Board of the Amber and Cobalt River Canal Tolls Commission met in 1990." });
    expect(pm.entities.map((e) => e.name).join("|")).toMatch(/Canal Tolls Commission/);
  });
});

describe("definitions: an appositive is a description of the name, not the next item of a list", () => {
  // Written for this test (invented history and polity). Blind examiners saw "What is God? → The need for a guru",
  // "What is Parliament? → The executive and the courts" and "What is Jwala? → The first cheetahs born…".
  const definitionsOf = (sentence: string) => ingestMaterial({ source: "t", content: sentence }).definitions.map((d) => `${d.term} := ${d.definition}`);

  it("reads no definition into a list of noun phrases", () => {
    expect(definitionsOf("The two sects shared devotion to one Lord, the need for a teacher, a rejection of ritual, and an emphasis on conduct.")).toEqual([]);
  });
  it("reads no definition into names joined by 'and', each with its article", () => {
    expect(definitionsOf("Remedies in Veldra depend on Parliament, the executive and the courts.")).toEqual([]);
  });
  it("reads no definition from a plural description of a single name", () => {
    expect(definitionsOf("Two cubs born to the female Kesari, the first cheetahs born in Veldra for a century, died in May.")).toEqual([]);
  });
  it("reads no definition cut at an initial", () => {
    expect(definitionsOf("Help came from Kiran Dev, the political ally of C. Das.")).toEqual([]);
  });
  it("reads no definition of a case's second party, nor of a name inside a list of indefinite noun phrases", () => {
    // The tenth session's look at the qa cards: "What is the Union of India? → The oleum gas leak case decided in 1986",
    // "What is the LVM3? → A crew module and service module".
    expect(definitionsOf("Relief followed in Kiran Dev v. Union of Veldra, the gas leak case decided in 1986 by the High Court.")).toEqual([]);
    expect(definitionsOf("The agency has built a crew-rated VLX4, a crew module and service module, a crew escape system and a test stand.")).toEqual([]);
    expect(definitionsOf("The agency has developed a human-rated VLX4, a crew module and service module, a crew escape system, and a ground network.")).toEqual([]);
    // (A code review: with no list after it, the description is the name's.)
    expect(definitionsOf("The march was led by a young Arun Dev, a member of the student union.")).toContain("Arun Dev := a member of the student union");
    // A name in an indefinite noun phrase with a description of its own stays.
    expect(definitionsOf("A colossal monolithic Nandi, the bull mount of Shiva, sits in a pavilion.")).toContain("Nandi := the bull mount of Shiva");
  });
  it("still reads 'a member of the Assembly and a former minister' as one person's description", () => {
    expect(definitionsOf("The first commission was chaired by Kiran Dev, a member of the Assembly and a former minister, from 1951.")).toContain("Kiran Dev := a member of the Assembly and a former minister");
  });
});

describe("definitions: real appositives next to the list rules", () => {
  // Written for this test (invented names). A code review found each of these dropped by a first version of the list rules.
  const definitionsOf = (sentence: string) => ingestMaterial({ source: "t", content: sentence }).definitions.map((d) => `${d.term} := ${d.definition}`);
  it.each([
    ["With the support of Kiran Bhave, the architect of the atomic programme, the government built reactors in 1956.", "Kiran Bhave := the architect of the atomic programme"],
    ["Arun Tagore, a poet and a playwright, won the prize in 1913.", "Arun Tagore := a poet and a playwright"],
    ["Kiran Dev, the sports minister of Veldra, opened the stadium in 2010.", "Kiran Dev := the sports minister of Veldra"],
    ["The Veldra Society of Carmakers (VSC), an industry body representing many smaller makers, opposed the cut in 2019.", "The Veldra Society of Carmakers := an industry body representing many smaller makers"],
    ["Kiran Dev, a veteran of World War I, founded the party in 1930.", "Kiran Dev := a veteran of World War I"],
    ["The medal went to Kiran Dev, a poet from Ostra, the same year.", "Kiran Dev := a poet from Ostra"],
    ["With the help of Arun Bhave, the architect of the programme, the ministers all agreed.", "Arun Bhave := the architect of the programme"],
    ["The VSF, the students' wing of the Veldra Party, led the protest in 1974.", "The VSF := the students' wing of the Veldra Party"],
    ["The region came under the Kalars, a poorly documented power, and later under the Pandyas.", "Kalars := a poorly documented power"],
    ["Murrah, the Haryana breed of buffalo, gives more milk than most.", "Murrah := the Haryana breed of buffalo"],
    ["Bajirao I, the Maratha Empire's celebrated general, won at Palkhed in 1728.", "Bajirao I := the Maratha Empire's celebrated general"],
    ["Shuja-ud-Daula, the Nawab of Awadh, and Mir Qasim were defeated at Buxar in 1764.", "Shuja-ud-Daula := the Nawab of Awadh"],
    ["Daulat Khan, the governor of Punjab, and Alam Khan, an uncle of the sultan, invited Babur, the ruler of Kabul, to intervene.", "Babur := the ruler of Kabul"],
    ["The delegation included Aran Dev, the finance minister, Mira Sen, the trade secretary, and the envoy Kiran Rao, a veteran diplomat.", "Kiran Rao := a veteran diplomat"],
    ["At Panipat, the site of three battles, the army of Babur, the ruler of Kabul, defeated Ibrahim Lodi.", "Babur := the ruler of Kabul"],
    ["By 1600, the end of his reign, the realm of Akbar, the third Mughal emperor, ran from Kabul to Bengal.", "Akbar := the third Mughal emperor"],
    ["The report, the first of its kind, a study by Mira Sen, the economist, warned of inflation.", "Mira Sen := the economist"],
  ])("keeps %j", (sentence, definition) => {
    expect(definitionsOf(sentence)).toContain(definition);
  });
  it.each([
    "The two sects shared devotion to one Lord, the need for a teacher, and the rejection of caste.",
    "Remedies in Veldra depend on Parliament, the executive, and the courts.",
    "The treaty links Veldra, the United States and Japan.",
    "Veldra, the United States, and Japan signed the pact in 2007.",
    "The Act covers Kerala, the Andaman Islands, or Goa.",
    "Instead, the Company annexed the kingdom on the ground of misgovernment.",
    "The decline had several causes: the absence of a law of succession, the revolt of the nobles, the sack of the capital by Aran Dev, the rise of regional kingdoms, and, finally, the nobility's conflict with the sultan.",
  ])("reads no definition into the list %j", (sentence) => {
    expect(definitionsOf(sentence)).toEqual([]);
  });
});

describe("segmentText: headings in sentence case", () => {
  // Written for this test. The tenth blind review's essay had headings such as "New fault lines: fiscal federalism and
  // the GST Council" read as paragraphs, so the sections above them ran on and led items with the wrong subject.
  const long = "The Karn council met in 2016 for the first time in a decade, and its members agreed to meet twice a year on the water question, though critics doubted the promise.";
  const text = [
    "Councils of Karn",
    "",
    long,
    "",
    "New fault lines: fiscal federalism and the tax council",
    "",
    long,
    "",
    "The state council and the zonal councils",
    "",
    long,
    "",
    "The stated purpose of the treaty is that the signatory states",
    "",
    '"Recognising that emissions of certain substances can deplete the ozone layer in a manner likely to harm human health and the environment, the parties agree…"',
    "",
    "A short line that ends a paragraph.",
    "",
    long,
    "",
    "The repo rate was kept unchanged at 6.5 per cent",
    "",
    long,
    "",
    "Written by our special correspondent in the capital",
    "",
    long,
    "",
    "Build more canals in the north",
    "",
    "Encourage private partners in affordable housing",
    "",
    long,
  ].join("\n");
  const { blocks } = segmentText(text);
  const kindOf = (start: string) => blocks.find((b) => text.slice(b.start, b.end).startsWith(start))?.kind;
  it("reads a short line of its own above a long paragraph as a heading", () => {
    expect(kindOf("New fault lines")).toBe("heading");
    expect(kindOf("The state council and the zonal councils")).toBe("heading");
  });
  it("keeps a line that leads into a quotation, or ends with a full stop, a paragraph", () => {
    expect(kindOf("The stated purpose")).toBe("paragraph");
    expect(kindOf("A short line that ends")).toBe("paragraph");
  });
  it("reads an outline number ('2.3 Oath (Article 60): …') as a list marker, not as a figure of the entry (eleventh blind review)", () => {
    const outline = "Notes\n\n2.3 Oath (Article 60): administered by the chief judge.\n2.4 Immunities (Article 361): no court may summon the head of state.";
    const seg = segmentText(outline);
    expect(seg.blocks.filter((b) => b.kind === "list_item")).toHaveLength(2);
    expect(seg.sentences.map((s) => s.text)).toEqual(["Oath (Article 60): administered by the chief judge.", "Immunities (Article 361): no court may summon the head of state."]);
    // A numbered heading stays a heading (a third code review), and a paragraph that opens with a decimal figure keeps it,
    // a capitalised scale word after it too ("1.5 Million people…").
    const numbered = "Notes\n\n2.3 Powers of the President\n\nThe head of state has many powers that are used on the advice of the ministers, as the notes below explain in some detail.";
    expect(segmentText(numbered).blocks.map((b) => b.kind)).toEqual(["heading", "heading", "paragraph"]);
    expect(segmentText("Floods\n\n1.5 Million people were displaced in 2022.").sentences.map((s) => s.text)).toEqual(["1.5 Million people were displaced in 2022."]);
    const figures = segmentText("Floods\n\n3.5 million people were displaced in 2019.\n\n2.5 per cent of GDP went to relief.");
    expect(figures.blocks.filter((b) => b.kind === "list_item")).toHaveLength(0);
    expect(figures.sentences.map((s) => s.text)).toEqual(["3.5 million people were displaced in 2019.", "2.5 per cent of GDP went to relief."]);
  });
  it("keeps a one-line sentence that lost its full stop, and the last entry of a list without markers, paragraphs (a code review)", () => {
    expect(kindOf("The repo rate was kept")).toBe("paragraph");
    expect(kindOf("Written by our special")).toBe("paragraph");
    expect(kindOf("Encourage private partners")).toBe("paragraph");
  });
});

describe("segmentText: a news headline is the title, not a sentence of the body", () => {
  // Written for this test. News texts open with a headline written as a clause, verb and all, with no full stop ("… fares go
  // up after committee report; ridership slips…"); it was read as the first sentence of the body, made items, and left the
  // material a title cut from its first words ("…").
  const body =
    "The Karn metro company raised fares on Monday for the first time in eight years, after a fare committee said the system could not cover its running costs at the old rates.";
  it("reads a first line with a verb, standing alone over a body, as the title", () => {
    for (const headline of [
      "Karn metro fares go up after committee report; ridership slips as commuters protest",
      "Explained: Why a cable cut in the Tarn Sea slowed your internet in Karn",
      "Grain dilemma: can Dorra grow its way out of pulse imports?",
    ]) {
      const pm = ingestMaterial({ source: "news.txt", content: [headline, "", "By a Staff Correspondent", "", body].join("\n") });
      expect(pm.blocks[0]?.kind).toBe("heading");
      expect(pm.material.title).toBe(headline);
      expect(pm.sentences.map((s) => s.text)).not.toContain(headline);
    }
  });
  it("keeps a first line that is a sentence with its full stop, a line not alone, or a line over no body, as it was", () => {
    expect(segmentText(`The metro raised fares on Monday.\n\n${body}`).blocks[0]?.kind).toBe("paragraph");
    expect(segmentText(`Karn metro fares go up after committee report\n${body}`).blocks[0]?.kind).toBe("paragraph");
    expect(segmentText("Karn metro fares go up after committee report\n\nFares rose.").blocks[0]?.kind).toBe("paragraph");
    // (A code review: a first sentence that lost its full stop, with a clause of its own; a quotation whose full stop
    // hides before its closing mark.)
    expect(segmentText(`The Karn charter came into force on 26 January 1950, which is celebrated every year as Charter Day\n\n${body}`).blocks[0]?.kind).toBe("paragraph");
    expect(segmentText(`“The bank will do whatever it takes to keep prices stable,” the Governor said.”\n\n${body}`).blocks[0]?.kind).toBe("paragraph");
  });
  it("asks a place the headline names only as where the news happened ('… in Mumbai'), not the place a subject's title names", () => {
    // (The body of a committed held-out text, written for the project; only its title changes here.)
    const text = readFileSync(path.join(process.cwd(), "test/generate/held-out-texts/undersea-cable-cut-explainer.txt"), "utf8");
    const body = text.slice(text.indexOf("\n"));
    // The cards the engine makes before its one-item-per-sentence screen: the rule under test is whether Mumbai may be
    // asked at all, not which of a sentence's items (a "Mumbai" cloze or a true/false of the same sentence) wins the
    // screen's tie-break between cards and timed questions, which any other card of the set shifts.
    const answersOf = (title: string) => {
      const corpus = buildCorpus([ingestMaterial({ source: "m.txt", content: title + "\n" + body })]);
      return generateCards(corpus, collectSlots(corpus)).map((c) => c.back);
    };
    expect(answersOf("Explained: Why a cable cut in the Red Sea slowed your internet in Mumbai")).toContain("Mumbai");
    expect(answersOf("Undersea Cables and Internet Traffic in Mumbai")).not.toContain("Mumbai");
    // (Code reviews: a headline in title case is news too; a subject's title in title case, whatever its words tag as —
    // "Outages", "Works" — is no clause.)
    expect(answersOf("Explained: Why a Cable Cut in the Red Sea Slowed Your Internet in Mumbai")).toContain("Mumbai");
    expect(answersOf("Internet Outages in Mumbai: Causes and Effects")).not.toContain("Mumbai");
    expect(answersOf("How the Internet Works in Mumbai")).not.toContain("Mumbai");
  });
});
