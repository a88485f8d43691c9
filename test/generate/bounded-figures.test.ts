import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { buildCorpus } from "@/lib/generate/corpus";
import { collectSlots } from "@/lib/generate/slots";
import { generateObjectiveQuestions } from "@/lib/generate/questions";

// Written for this test; not copied from any source. Figures that are bounds ("over 2.5 million") beside
// figures that are values, on several subjects.
const TEXT = [
  "During the famine of 1943, over 2.5 million people died in the province of Veldra.",
  "The Veldra Canal irrigates 1.2 million hectares of farmland in the dry districts.",
  "The river treaty of 1996 allots at least 35,000 cubic metres of water a day to the downstream state.",
  "The wetland sanctuary shelters 240 species of migratory birds every winter.",
  "Fewer than 400 tigers survived in the Veldra forests by 2006.",
  "The state assembly has 182 members elected from single-member constituencies.",
  "Farmers holding 5 hectares or more pay the canal tax in full since the reform of 1998.",
  "The central bank raised the reserve requirement to 4.5 per cent in 2022.",
  "The new metro line carries up to 900,000 passengers a day across the capital.",
].join("\n");

describe("figures that are bounds make no choice, true/false or statement item", () => {
  const pm = ingestMaterial({ source: "bounds.txt", content: TEXT });
  const corpus = buildCorpus([pm]);
  const slots = collectSlots(corpus);
  const numberSlots = slots.filter((s) => s.type === "number");
  const slotOf = (figure: string) => numberSlots.find((s) => s.answer === figure);

  it("marks a figure after over / at least / fewer than / up to, or before 'or more', as open", () => {
    for (const figure of ["2.5 million", "35,000", "400", "900,000"]) expect(slotOf(figure)?.isOpenRange, figure).toBe(true);
    expect(numberSlots.find((s) => s.value === 5)?.isOpenRange, "5 hectares or more").toBe(true);
  });

  it("leaves a figure that is a value closed", () => {
    for (const figure of ["1.2 million", "182", "4.5 per cent"]) {
      const slot = slotOf(figure);
      expect(slot, figure).toBeDefined();
      expect(slot!.isOpenRange, figure).toBeUndefined();
    }
  });

  it("asks no question whose swapped or offered figure could also be true", () => {
    const questions = generateObjectiveQuestions(corpus, slots);
    const bounds = ["over 2.5 million", "at least 35,000", "Fewer than 400", "up to 900,000", "5 hectares or more"];
    for (const q of questions) {
      const source = q.evidence.map((e) => e.quote).join(" ");
      for (const bound of bounds.filter((b) => source.includes(b))) {
        // The bound may stand in a question on another fact of its sentence (a year), but as written:
        // never blanked, never offered among figures, never swapped in a true/false statement.
        const shown = `${q.prompt} ${(q.options ?? []).map((o) => o.text).join(" ")}`;
        const [word] = bound.split(/\s+(?=\d)/);
        if (q.kind === "numeric") {
          // Asked as itself: the figure the material states, typed in, with no figure offered.
          expect(q.prompt).toMatch(/^Give the figure the material states: /);
          expect(q.options ?? []).toEqual([]);
          continue;
        }
        expect(shown, q.prompt).not.toMatch(new RegExp(`${word} _____|_____ hectares or more`, "i"));
        if (shown.toLowerCase().includes(word!.toLowerCase())) expect(shown, q.prompt).toContain(bound);
      }
    }
    // The values still make questions.
    expect(questions.some((q) => q.evidence.some((e) => /1\.2 million hectares|182 members|4\.5 per cent/.test(e.quote)))).toBe(true);
  });
});

describe("bounds are told apart from values beside them", () => {
  // Written for this test; not copied from any source.
  const lines = [
    "Veldra won 30 seats, and over 40 per cent of the vote in 2019.",
    "Veldra had 200 schools, and more than 300 colleges in 2015.",
    "Veldra reported 300 cases and less than 20 deaths in 2016.",
    "Veldra employs 12 million workers and more are expected to join by 2030.",
    "The army handed over 20 tanks to the new state in 1999.",
    "The forest is spread over 3,000 square kilometres of hills.",
    "Rainfall in the hills exceeds 2,000 mm a year.",
    "The population of Ostra crossed 1 billion in 2000.",
  ];
  const pm = ingestMaterial({ source: "values.txt", content: lines.join("\n") });
  const slots = collectSlots(buildCorpus([pm])).filter((s) => s.type === "number");
  const isOpen = (sentence: number, figure: string) => slots.find((s) => s.ref.sentence.index === sentence && s.answer === figure)?.isOpenRange === true;

  it("keeps a value whose next clause opens with a bound ('30 seats, and over 40 per cent') a value, and the bound a bound", () => {
    expect(isOpen(0, "30")).toBe(false);
    expect(isOpen(0, "40 per cent")).toBe(true);
    expect(isOpen(1, "200")).toBe(false);
    expect(isOpen(1, "300")).toBe(true);
    expect(isOpen(2, "300")).toBe(false);
    expect(isOpen(3, "12 million")).toBe(false);
  });
  it("reads 'over' after a verb as its particle ('handed over 20 tanks'), and 'exceeds', 'crossed' as bounds", () => {
    expect(isOpen(4, "20")).toBe(false);
    expect(isOpen(5, "3,000")).toBe(false);
    expect(isOpen(6, "2,000")).toBe(true);
    expect(isOpen(7, "1 billion")).toBe(true);
  });
});

describe("a bounded figure is still asked as itself", () => {
  const pm = ingestMaterial({ source: "bounds.txt", content: TEXT });
  const corpus = buildCorpus([pm]);
  const questions = generateObjectiveQuestions(corpus, collectSlots(corpus));
  it("makes a numeric item for 'fewer than 400 tigers' that asks for the figure the material states", () => {
    const numeric = questions.find((q) => q.kind === "numeric" && q.evidence.some((e) => e.quote.includes("Fewer than 400")));
    expect(numeric?.prompt).toMatch(/^Give the figure the material states: Fewer than _____ tigers/);
    expect(numeric?.answer).toBe("400");
  });
  it("makes no question whose blank is 'over 2.5 million' (a scale word: no numeric item either)", () => {
    expect(questions.some((q) => /over _____ people/.test(q.prompt))).toBe(false);
  });
});

describe("a year that is one end of an open range, and a year of a state", () => {
  // Written for this test; not copied from any source.
  const text = [
    "Prior to 2020, the rebel movement was weakened by a long army campaign in the northern hills.",
    "Since 2016, the central bank has set a formal inflation target for the whole economy.",
    "The state government plans to restore degraded forest land by 2030 under the green mission.",
    "The coastal state created its first marine reserve around the coral islands in 1974.",
  ].join("\n");
  const slots = collectSlots(buildCorpus([ingestMaterial({ source: "ranges.txt", content: text })])).filter((s) => s.type === "year");
  it("makes no blank of 'prior to 2020' (any earlier year fits); 'since 2016' and 'by 2030' (a target) stay, open", () => {
    expect(slots.map((s) => s.value)).not.toContain(2020);
    expect(slots.find((s) => s.value === 2030)?.isOpenRange).toBe(true);
    expect(slots.find((s) => s.value === 2016)?.isOpenRange).toBe(true);
    expect(slots.find((s) => s.value === 1974)?.isOpenRange).toBeUndefined();
  });
  it("makes no year blank of a state that held for years ('In 1931, X was the leader of …'); an event stays", () => {
    const states = collectSlots(buildCorpus([ingestMaterial({ source: "states.txt", content: [
      "In 1931, Ravi Dhar was the leader of the largest farmers' union in the province.",
      "In 1934, Mira Sen served as president of the provincial congress committee.",
      "In 1972, the port city of Ostra was the venue of the first regional conference on the sea.",
      "The treaty that was a response to the famine was signed in Ostra in 1973.",
    ].join("\n") })])).filter((s) => s.type === "year").map((s) => s.value);
    expect(states).not.toContain(1931);
    expect(states).not.toContain(1934);
    expect(states).toContain(1972);
    expect(states).toContain(1973);
  });
});
