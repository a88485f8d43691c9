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
  it("names the subject for 'the Act' when nothing else of that head came before", () => {
    const s = sentenceStarting(pm, "The Act made the gram sabha");
    expect(namingSubject("The Act made the _____ the body that starts the verification of claims.", pm, s)).toBe(
      "The Forest Rights Act, 2006 made the _____ the body that starts the verification of claims.",
    );
    const critics = sentenceStarting(pm, "Critics say");
    expect(namingSubject("Critics say the act is weakened by slow verification, and in _____ a court order threatened eviction.", pm, critics)).toBe(
      "Critics say the Forest Rights Act, 2006 is weakened by slow verification, and in _____ a court order threatened eviction.",
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
