import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { itemDefect } from "@/lib/generate/quality";
import { withResolvedReferents } from "@/lib/generate/referents";
import { clozeCard as card, readAloneIn, sentenceStarting } from "./helpers";

// Written for this test; not copied from any source. Invented statutes, boards, valleys, birds and prizes: an item is read
// alone, so a provision must say which text it is part of, a role what it is of, "the trees" which trees, a verb that
// needs an object must have one, and nothing the item asks about may be "an award" no one can name.

function readAlone(content: string, start: string): string | null {
  return readAloneIn(ingestMaterial({ source: "invented.txt", content }), start);
}

describe("provisions: 'Section 14' names nothing until the text it is part of is named", () => {
  it("names the one Act the paragraph gave (fisheries law)", () => {
    const text = [
      "Trawling rules",
      "",
      "The Coastal Fisheries Act, 2011 governs trawling in the Veldra estuary. Section 14 bars mechanised trawlers from waters shallower than 20 metres.",
    ].join("\n");
    expect(readAlone(text, "Section 14")).toContain("Section 14 of the Coastal Fisheries Act, 2011 bars");
  });

  it("takes no owner from another paragraph, even the only Schedule the material names (electoral law)", () => {
    const text = [
      "The Ninth Schedule of the Republic of Morvia lists the grounds on which a councillor loses a seat.",
      "",
      "Paragraph 3 allows a councillor to resign from a party within 30 days of a merger.",
    ].join("\n");
    expect(readAlone(text, "Paragraph 3")).not.toContain("Paragraph 3 of");
  });

  it("takes no owner from the heading above, even when it is an Act's name (seed law)", () => {
    const text = [
      "The Seed Certification Act, 2009",
      "",
      "Section 4 requires every seller of paddy seed to show a germination rate of at least 80 per cent.",
      "",
      "Older rules",
      "",
      "Before 2009, seed sellers answered only to the Essential Commodities Act, 1955.",
    ].join("\n");
    expect(readAlone(text, "Section 4")).not.toContain("Section 4 of");
  });

  it("does not read a heading 'Powers of the Code' as a name of a Code (tax law)", () => {
    const text = [
      "Powers of the Code",
      "",
      "Section 31 gives the revenue code of Morvia overriding effect over any older levy on salt.",
    ].join("\n");
    expect(readAlone(text, "Section 31")).not.toContain("Section 31 of the Powers");
  });

  it("leaves 'Section 14' alone when two Acts could own it, and the item is dropped (mining law)", () => {
    const text = [
      "The Mineral Leases Act, 1998 and the Quarry Safety Act, 2004 both apply to the Tarn hills. Section 9 requires a blasting licence for every quarry deeper than 12 metres.",
    ].join("\n");
    const read = readAlone(text, "Section 9");
    expect(read).not.toContain("Section 9 of");
    expect(itemDefect(card("Section _____ requires a blasting licence for every quarry deeper than 12 metres.", "9"))).toMatch(/provision/);
  });

  it("keeps provisions that say whose they are", () => {
    expect(itemDefect(card("Section _____ of the Quarry Safety Act requires a blasting licence for deep quarries.", "9"))).toBeNull();
    expect(itemDefect(card("Under clause (b) of Article 31, the Morvian Assembly may extend its term by _____ months.", "six"))).toBeNull();
    expect(itemDefect(card("With reference to the seed certification law: Rule _____ sets the fee for a field inspection.", "7"))).toBeNull();
  });
});

describe("roles: 'the chairperson', 'member secretary', 'Patron-in-Chief' need what they are of", () => {
  it("drops an item whose role names no body (botany)", () => {
    expect(itemDefect(card("The botanist _____ was the first member secretary, and Ilse Varga was the first treasurer.", "Oren Haskel"))).toMatch(/role/);
    expect(itemDefect(card("The Duchess of Lerin was named Patron-in-Chief in _____.", "1931"))).toMatch(/role/);
  });

  it("keeps a role whose body the item names", () => {
    expect(itemDefect(card("The botanist _____ was the first member secretary of the Orlan Seed Board.", "Oren Haskel"))).toBeNull();
    expect(itemDefect(card("The _____ was set up in 1950 with the premier as its chairperson.", "Tariff Board"))).toBeNull();
    expect(itemDefect(card("The Seed Board's chairperson, _____, resigned in 2014.", "Oren Haskel"))).toBeNull();
  });
});

describe("natural kinds: 'the trees', 'the species' must say which", () => {
  it("puts in no kind even when the paragraph gave one: the item is dropped (soil conservation)", () => {
    const text = [
      "Field edges in the Dera valley",
      "",
      "Farmers in the Dera valley plant argan trees along field edges. The trees hold the soil during the spring floods of March and April 2015.",
    ].join("\n");
    expect(readAlone(text, "The trees hold") ?? "").not.toMatch(/argan trees hold/);
    expect(itemDefect(card("The trees hold the soil during the spring floods of March and April _____.", "2015"))).toMatch(/natural kind/);
  });

  it("does not put in the bird a copula defined as a species (ornithology)", () => {
    const text = [
      "Cliff nesters",
      "",
      "The Kessel eagle-owl is a species of large owl found in the Harun range. The species nests on cliff ledges above 2,000 metres.",
    ].join("\n");
    expect(readAlone(text, "The species nests") ?? "").not.toMatch(/Kessel eagle-owl nests/);
  });

  it("drops 'the trees' when two kinds were named, or none (forestry)", () => {
    const text = "Villagers planted neem trees and tamarind trees along the canal in 2008. The trees shade about 12 kilometres of the canal bank.";
    expect(readAlone(text, "The trees shade")).toMatch(/^The trees shade/);
    expect(itemDefect(card("The trees shade about _____ kilometres of the canal bank.", "12"))).toMatch(/natural kind/);
    expect(itemDefect(card("Rangers declared the species extinct in the Harun range in _____.", "1952"))).toMatch(/natural kind/);
  });

  it("keeps a kind the item names, or a kind word used as a modifier", () => {
    expect(itemDefect(card("Argan trees hold the soil of the Dera valley; the trees were planted in _____.", "2008"))).toBeNull();
    expect(itemDefect(card("The tree cover of the Dera valley rose to _____ per cent.", "14"))).toBeNull();
    expect(itemDefect(card("The species of owl found in the Harun range nests above _____ metres.", "2,000"))).toBeNull();
  });
});

describe("verbs that need an object, unnamed things received, reports said by a blank, openings that lean back", () => {
  it("drops an item whose verb has lost its object (a conference)", () => {
    expect(itemDefect(card("Over _____ delegates from 40 countries attended.", "300"))).toMatch(/object/);
    expect(itemDefect(card("The ministers who attended agreed to cut fishing quotas by _____ per cent.", "15"))).toMatch(/object/);
    expect(itemDefect(card("Over _____ delegates attended the Lisbon water summit.", "300"))).toBeNull();
    expect(itemDefect(card("The Kessel Treaty was signed in _____ by four states.", "1961"))).toBeNull();
  });

  it("drops an item that leans on an unnamed award (chemistry)", () => {
    expect(itemDefect(card("The chemist _____ received an award in 2019.", "Mara Oduya"))).toMatch(/unnamed/);
    expect(itemDefect(card("The chemist _____ received the Haldane Medal in 2019.", "Mara Oduya"))).toBeNull();
    expect(itemDefect(card("The chemist _____ received an award for work on soil enzymes in 2019.", "Mara Oduya"))).toBeNull();
  });

  it("drops a report named only by its blank (hydrology)", () => {
    expect(itemDefect(card("The _____ assessment found that groundwater in the basin fell by 2 metres.", "Kolva Water Board"))).toMatch(/report/);
    expect(itemDefect(card("The _____ assessment of the Kolva basin found that groundwater fell by 2 metres.", "2021"))).toBeNull();
  });

  it("drops a statement that opens by leaning on one it does not show (medicine)", () => {
    expect(itemDefect(card("Likewise, the clinic in Orvan cut waiting times by _____ per cent.", "40"))).toMatch(/tying itself/);
    expect(itemDefect(card("Further trials in _____ and 2016 failed to show any benefit.", "2014"))).toMatch(/tying itself/);
    expect(itemDefect(card("Further to the Orvan Health Act of 2014, clinics must report cases within _____ days.", "3"))).toBeNull();
  });
});

describe("owners and roles read where they stand", () => {
  it("does not take a Code named after a provision for its owner (arbitration)", () => {
    const text = [
      "The Village Mediation Act, 1994",
      "",
      "Under Section 22, a mediation council has the powers of a civil court under the Code of Civil Procedure for summoning witnesses.",
    ].join("\n");
    // The heading names the Act, but the sentence names a Code as well: which one owns Section 22 is left open.
    expect(readAlone(text, "Under Section 22")).not.toContain("Section 22 of");
    expect(itemDefect(card("Under Section _____, a mediation council has the powers of a civil court under the Code of Civil Procedure.", "22"))).toMatch(/provision/);
  });

  it("asks 'What is Patron-in-Chief?' of no body: dropped (charities)", () => {
    expect(itemDefect(card("What is Patron-in-Chief?", "The Bishop of Orvan"))).toMatch(/role/);
    expect(itemDefect(card("Who is Patron-in-Chief of the Orvan Lifeboat Society?", "The Bishop of Orvan"))).toBeNull();
  });
});

describe("a kind described only by adjectives, and a span of examples", () => {
  it("drops 'the thorny tree' and 'the invasive weed' when the item never says which (ecology)", () => {
    expect(itemDefect(card("The thorny tree, native to northern _____, was brought to the Dera valley in 1870.", "Peru"))).toMatch(/natural kind/);
    expect(itemDefect(card("Rangers removed the trees from _____ hectares of wetland.", "40"))).toMatch(/natural kind/);
    expect(itemDefect(card("The tallest tree in the Dera valley stands _____ metres high.", "61"))).toBeNull();
  });

  it("drops a blank at one end of a span of examples, keeps a route's end (geography)", () => {
    expect(itemDefect(card("Fishing villages from _____ to Kessel Point have built new seawalls.", "Orvan"))).toMatch(/span of examples/);
    expect(itemDefect(card("The Dera railway runs from _____ to Kessel Point, a distance of 300 km.", "Orvan"))).toBeNull();
  });
});

describe("what the checks leave alone", () => {
  it("keeps a figure's range, an ordinal animal among animals the item names, and a verb whose noun named the object", () => {
    expect(itemDefect(card("In 2021 the Morvian Central Bank raised the minimum capital for new lenders from _____ to Rs 50 crore.", "Rs 20 crore"))).toBeNull();
    expect(itemDefect(card("Bison were moved to the Kessel reserve in _____; the first animal was released in March.", "2016"))).toBeNull();
    expect(itemDefect(card("The Orvan Accord reached universal ratification when its last member, Tarn, ratified in _____.", "2013"))).toBeNull();
  });
});

describe("a role's body is not the answer's", () => {
  it("drops 'Patron-in-Chief is …; Executive Chairman is a _____ judge' whose only body is the answer (charities)", () => {
    expect(itemDefect(card("Patron-in-Chief is the Bishop of Orvan; Executive Chairman is a _____ judge.", "High Court"))).toMatch(/role/);
    expect(itemDefect(card("A chief executive officer of the rank of Secretary to the _____ runs day-to-day work.", "Cabinet of Morvia"))).toMatch(/role/);
  });
});

describe("a provision's owner only when the material leaves no doubt", () => {
  it("takes no owner from the words after the provision, and none when the paragraph names a second Act (harbour law)", () => {
    const text = [
      "Pilotage",
      "",
      "The Harbour Pilots Act, 2003 licenses pilots at Kessel. Section 8(2) exempts naval tugs from pilotage notwithstanding the Port Dues Act.",
      "",
      "Dues",
      "",
      "Section 12 applies to every ship notwithstanding the Port Dues Act.",
    ].join("\n");
    expect(readAlone(text, "Section 8(2)")).not.toContain("Section 8(2) of");
    expect(readAlone(text, "Section 12")).not.toContain("Section 12 of");
  });

  it("takes no owner an earlier paragraph named, and takes a heading only when it is the text's own name (public order)", () => {
    const text = [
      "Public order in Morvia",
      "",
      "The Assemblies Act, 1911 governs processions in Morvia.",
      "",
      "Under Section 14, a magistrate can forbid a gathering of five or more persons.",
      "",
      "Clause (2) lets the Assembly extend an emergency by six months.",
    ].join("\n");
    expect(readAlone(text, "Under Section 14")).not.toContain("Section 14 of");
    expect(readAlone(text, "Clause (2)")).not.toContain("Clause (2) of");
  });

  it("reads 'Code of Civil Procedure', an Article and an abbreviation as texts, and an unread one as a doubt (procedure)", () => {
    const civil = "The Code of Civil Procedure, 1908 governs suits in Morvia. Section 9 lets civil courts try every suit of a civil nature.";
    expect(readAlone(civil, "Section 9")).toContain("Section 9 of the Code of Civil Procedure, 1908 lets");
    const article = "Article 47 deals with loans taken by provinces. Clause (3) requires a province to seek the consent of the Union.";
    expect(readAlone(article, "Clause (3)")).toContain("Clause (3) of Article 47 requires");
    const both = "The Salt Levy Act, 1950 and the CrPC apply on the coast. Section 41 lets the police arrest smugglers without a warrant.";
    expect(readAlone(both, "Section 41")).not.toContain("Section 41 of");
    const unread = "The Salt Levy Act, 1950 taxes salt; the 1986 Act raised the rate. Section 7 exempts fishermen.";
    expect(readAlone(unread, "Section 7")).not.toContain("Section 7 of");
  });

  it("leaves a provision put into a text alone: neither filled nor dropped (amendments)", () => {
    const text = "The Ninth Amendment of Morvia added clauses (4) and (5) to Article 212 in 1981.";
    expect(readAlone(text, "The Ninth Amendment")).toBe(text);
    expect(itemDefect(card("The Ninth Amendment of Morvia added clauses (4) and (5) to Article 212 in _____.", "1981"))).toBeNull();
    expect(itemDefect(card("A 1996 law inserted Section 29B into the Morvian Elections Act in _____.", "1996"))).toBeNull();
  });

  it("does not read 'weaker sections 12 per cent' as a provision, and fills no plural (welfare)", () => {
    expect(itemDefect(card("The scheme reserves for the weaker sections 12 per cent of the houses built in _____.", "Tarn"))).toBeNull();
    const text = "The Housing Act, 2001 governs tenancies in Tarn. Sections 4 and 5 fix the rent a landlord may charge.";
    expect(readAlone(text, "Sections 4 and 5")).not.toContain("Sections 4 and 5 of");
  });
});

/** The sentence starting so, with what the material names beyond doubt put in (`withResolvedReferents`). */
function filled(content: string, start: string): string {
  const pm = ingestMaterial({ source: "invented.txt", content });
  const sentence = sentenceStarting(pm, start);
  return withResolvedReferents(sentence.text, pm, sentence);
}

describe("a kind's name is never put in", () => {
  it("leaves 'the species' after a binomial and 'the shrub' after a copula as written (wetland birds, meadow plants)", () => {
    const bird = "The Spotted Marsh Harrier (Circus maculatus) nests in the reed beds of Lake Orvan. The species is listed as Endangered.";
    expect(filled(bird, "The species")).toBe("The species is listed as Endangered.");
    const plant = "Mimosa velutina is a thorny shrub of wet meadows. The shrub closes its leaves at dusk.";
    expect(filled(plant, "The shrub")).toBe("The shrub closes its leaves at dusk.");
  });

  it("leaves 'the trees' as written after one named kind (valley forests)", () => {
    const text = "Sal trees (Shorea robusta) cover the eastern valleys, and villagers press sal seeds for oil. The trees shed their leaves in March.";
    expect(filled(text, "The trees")).toBe("The trees shed their leaves in March.");
  });

  it("puts in no name when two are joined, a second one follows, the sentence gives a class, or the word is an adjective (rivers)", () => {
    const joined = "Alder and willow trees line the Dera river. The trees hold its banks in floods.";
    expect(filled(joined, "The trees")).not.toMatch(/willow trees hold|alder trees hold/i);
    const second = "Mimosa velutina is a creeping shrub of wet meadows. Orvan thorn, another invasive, came with cattle. The shrub now covers the floodplain.";
    expect(filled(second, "The shrub")).not.toContain("Mimosa velutina now");
    const cls = "Mangroves are salt-tolerant trees of tidal coasts. The trees shelter the nurseries of many fish.";
    expect(filled(cls, "The trees")).not.toContain("Mangroves trees");
    const adjective = "Invasive fish such as the Orvan carp threaten native fish in the Dera. The fish were brought in for ponds.";
    expect(filled(adjective, "The fish were")).not.toMatch(/Invasive fish were/);
  });
});

describe("what the statement itself supplies is no missing referent", () => {
  it("keeps 'attended' whose event the statement named, and 'signed … and ratified' after 'which' (assemblies, treaties)", () => {
    expect(itemDefect(card("The Tarn Council met twice; the 2019 meeting was the first in a decade, and all the mayors who attended agreed to share water in _____.", "2020"))).toBeNull();
    expect(itemDefect(card("The Orvan Accord, which Morvia signed in 2015 and ratified in October _____, limits river dredging.", "2016"))).toBeNull();
    expect(itemDefect(card("Over _____ delegates attended.", "900"))).toMatch(/verb/);
  });

  it("reads 'head' in its ordinary sense as no role, and a body composed of a role as its complement (burials, ombudsmen)", () => {
    // (Whether "the head" of whom is clear is the description check's matter, not a role's.)
    expect(itemDefect(card("The dead of Kessel were buried with the head to the _____.", "east")) ?? "").not.toMatch(/role/);
    expect(itemDefect(card("The rebel captain placed himself at their head in _____.", "1790"))).toBeNull();
    expect(itemDefect(card("For ration cards the eldest woman in the household is treated as its head from age _____.", "18"))).toBeNull();
    expect(itemDefect(card("The Ombudsal consists of a Chairperson and up to _____ members.", "eight"))).toBeNull();
    expect(itemDefect(card("In 1988 Ilse Varga became the head, at the age of _____.", "41"))).toMatch(/role/);
  });

  it("reads a saying as no natural kind, and a blank naming a case or a census as the fact asked (chronicles, law)", () => {
    expect(itemDefect(card("The chroniclers called it a time in which the big fish eat the small ones, in the _____ century.", "ninth"))).toBeNull();
    expect(itemDefect(card("The _____ case found that the Morvian governor must act on ministerial advice.", "Veldra"))).toBeNull();
  });
});

describe("a text set against a provision, or changing one, owns none (records law)", () => {
  it("takes no owner from 'notwithstanding the X Act', from a paragraph where a provision is substituted, or from a heading's description", () => {
    const against = "Section 6(2) allows access to files, notwithstanding the Archives Secrecy Act, where the public interest outweighs harm. Section 7 permits rejection where disclosure would infringe copyright.";
    expect(readAlone(against, "Section 7")).not.toContain("Section 7 of");
    const changed = "A deeper change came through the Data Shield Act, 2022. Its Section 40(3) substituted Section 6(1)(j) with a short clause. The government maintains that Section 6(2) still allows disclosure in the public interest.";
    expect(readAlone(changed, "The government maintains")).not.toContain("Section 6(2) of");
    const heading = ["Provisions of the Eighth Schedule", "", "Paragraph 1 defines the terms used in the rest of the text."].join("\n");
    expect(readAlone(heading, "Paragraph 1")).not.toContain("Paragraph 1 of the Provisions");
  });
});

describe("a provision in small letters", () => {
  it("still reads 'paragraph 6' as a provision to own or drop, not 'a section 3 metres long' (schedules)", () => {
    expect(itemDefect(card("Judges in Morvia held in _____ that paragraph 6 does not exclude judicial review.", "1993"))).toMatch(/provision/);
    expect(itemDefect(card("Workers laid a section 3 metres long across the _____.", "canal"))).toBeNull();
  });
});

describe("a provision's owner only when nothing else in the paragraph could be its text", () => {
  it("fills no owner when a Code is mentioned between the Act and the provision (poaching trials)", () => {
    const text = [
      "Poaching trials",
      "",
      "The Tarn Wildlife Act, 1980 makes the trapping of otters an offence. Judges try such cases by the procedure in the Code. Section 212 lets a judge grant bail to an accused trapper.",
    ].join("\n");
    expect(readAlone(text, "Section 212") ?? "").not.toContain("Section 212 of");
  });

  it("fills no owner when the paragraph speaks of another, unnamed law (grazing rights)", () => {
    const text = "The Morvian Pasture Act, 1931 governs common grazing land. In 2010 the Assembly passed a separate law for herders. Section 5 lists the grazing rights of herders.";
    expect(readAlone(text, "Section 5") ?? "").not.toContain("Section 5 of");
  });

  it("takes no owner from an Act's heading over a paragraph about 'a 1962 law' (river pollution)", () => {
    const text = [
      "The Clean Rivers Act, 1999",
      "",
      "Before the Act, rivers were governed by a 1962 law that set up the river boards. Section 31 forbids dumping waste into any river of Morvia. Section 32 requires a licence for every new drain.",
    ].join("\n");
    expect(readAlone(text, "Section 31") ?? "").not.toContain("Section 31 of");
    expect(readAlone(text, "Section 32") ?? "").not.toContain("Section 32 of");
    const lower = ["The Clean Rivers Act, 1999", "", "An older 1962 law set up the river boards. Section 31 forbids dumping waste into any river."].join("\n");
    expect(readAlone(lower, "Section 31") ?? "").not.toContain("Section 31 of");
  });

  it("never makes Rules or an Amendment Act the owner of a Section (grazing procedure, seed fines)", () => {
    const rules = "The Pasture Claims Rules, 2012 set out how herders file claims. Section 8 makes the village council the first authority.";
    expect(readAlone(rules, "Section 8") ?? "").not.toContain("Section 8 of");
    const amending = "The Seed Certification (Amendment) Act, 2021 changed the penalties for fake seed. Section 19 now prescribes a fine instead of prison.";
    expect(readAlone(amending, "Section 19") ?? "").not.toContain("Section 19 of");
  });

  it("puts in no bird after two birds were named (lake birds)", () => {
    const text = "The Orvan crane is the largest bird of Lake Tarn. The marsh lapwing shares its reed beds. The bird nests in June.";
    expect(filled(text, "The bird")).toBe("The bird nests in June.");
    expect(itemDefect(card("The bird nests in the reed beds of Lake _____.", "Tarn"))).toMatch(/natural kind/);
  });

  it("still names the one Act a paragraph gives when nothing else there is a law (fisheries)", () => {
    const text = "The Coastal Fisheries Act, 2011 governs trawling in the Veldra estuary. Section 14 bars trawlers from shallow waters.";
    expect(readAlone(text, "Section 14")).toContain("Section 14 of the Coastal Fisheries Act, 2011 bars");
  });
});
