/**
 * Alias and acronym equivalence: different surface forms of one entity map to one concept key, so
 * that "TTP", "Tehreek-e-Taliban Pakistan", "Tehrik-i-Taliban" and "Pakistani Taliban" all match.
 *
 * Two sources: a built-in gazetteer of general world knowledge (countries with their capitals and
 * demonyms, common international bodies, and widely used spelling variants of militant groups), and
 * aliases learnt from a text itself ("Islamic State Khorasan Province (ISKP)" → ISKP = the long form).
 * Surface forms are matched with spaces, hyphens and diacritics folded ("IS-KP" = "ISKP",
 * "Türkiye" = "Turkiye"); short all-capital acronyms match case-sensitively ("US" is not "us").
 */

import { escapeRegExp } from "../text/regexp";

export interface AliasMatch {
  /** [start, end) into the searched text. */
  start: number;
  end: number;
  /** Concept key shared by every alias of the entity, e.g. "@ttp". */
  concept: string;
}

/**
 * Each group: concept key, then its surface forms. The first form is the display name. Only
 * general knowledge belongs here — acronyms, transliteration variants, capitals and demonyms —
 * never phrases of a particular question or rubric; text-specific acronyms are learnt by
 * `learnFrom`.
 */
const BUILTIN_GROUPS: ReadonlyArray<readonly string[]> = [
  // Militant groups and movements (spelling variants are the reason these are built in).
  ["@ttp", "Tehreek-e-Taliban Pakistan", "Tehrik-e-Taliban Pakistan", "Tehrik-i-Taliban Pakistan", "Tehreek-i-Taliban Pakistan",
    "Tehreek-e-Taliban", "Tehrik-e-Taliban", "Tehrik-i-Taliban", "Tehreek-i-Taliban", "TTP", "Pakistani Taliban", "Pakistan Taliban"],
  ["@taliban", "Afghan Taliban", "Taliban", "Islamic Emirate of Afghanistan", "Islamic Emirate", "IEA"],
  ["@iskp", "Islamic State Khorasan Province", "Islamic State Khorasan", "Islamic State-Khorasan", "Islamic State in Khorasan",
    "ISKP", "IS-KP", "ISK", "ISIS-K", "ISIS-KP", "Daesh-Khorasan"],
  ["@isis", "Islamic State", "ISIS", "ISIL", "IS", "Daesh"],
  ["@alqaeda", "al-Qaeda", "al-Qaida", "al Qaeda", "al Qaida", "Al-Qaeda", "AQ", "al-Qa'ida"],
  ["@aqis", "al-Qaeda in the Indian Subcontinent", "AQIS"],
  ["@bla", "Balochistan Liberation Army", "Baloch Liberation Army", "BLA"],
  ["@etim", "East Turkestan Islamic Movement", "Turkistan Islamic Party", "ETIM", "TIP"],
  ["@let", "Lashkar-e-Taiba", "Lashkar-e-Toiba", "LeT"],
  ["@jem", "Jaish-e-Mohammed", "Jaish-e-Muhammad", "JeM"],
  ["@hamas", "Hamas"],
  ["@hezbollah", "Hezbollah", "Hizbullah", "Hizballah"],
  // International bodies and programmes.
  ["@un", "United Nations", "UN", "U.N."],
  ["@unsc", "UN Security Council", "United Nations Security Council", "Security Council", "UNSC"],
  ["@unhcr", "UNHCR", "UN refugee agency", "UN High Commissioner for Refugees"],
  ["@nato", "NATO", "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"],
  ["@eu", "European Union", "EU", "Brussels"],
  ["@sco", "Shanghai Cooperation Organisation", "Shanghai Cooperation Organization", "SCO", "SCO-RATS", "SCO RATS"],
  ["@rats", "Regional Anti-Terrorist Structure", "RATS"],
  ["@saarc", "South Asian Association for Regional Cooperation", "SAARC"],
  ["@csto", "Collective Security Treaty Organization", "Collective Security Treaty Organisation", "CSTO"],
  ["@brics", "BRICS"],
  ["@imf", "International Monetary Fund", "IMF"],
  ["@fatf", "Financial Action Task Force", "FATF"],
  ["@cpec", "China-Pakistan Economic Corridor", "China Pakistan Economic Corridor", "CPEC"],
  ["@bri", "Belt and Road Initiative", "Belt and Road", "One Belt One Road", "BRI", "OBOR"],
  ["@kp", "Khyber Pakhtunkhwa", "Khyber-Pakhtunkhwa", "KP", "KPK", "NWFP"],
  ["@fata", "Federally Administered Tribal Areas", "FATA", "ex-FATA", "tribal areas"],
  ["@isi", "Inter-Services Intelligence", "ISI"],
  ["@gdp", "gross domestic product", "GDP"],
  ["@wmd", "weapons of mass destruction", "WMD"],
  // Countries: name, short forms, capital (metonymy) and demonyms.
  ["@pakistan", "Pakistan", "Pak", "Islamabad", "Pakistani", "Pakistanis"],
  ["@afghanistan", "Afghanistan", "Afghan", "Afghans", "Kabul", "Afghani"],
  ["@india", "India", "Indian", "Indians", "New Delhi", "Delhi", "Bharat"],
  ["@china", "China", "Chinese", "Beijing", "People's Republic of China", "PRC"],
  ["@russia", "Russia", "Russian", "Russians", "Moscow", "Russian Federation", "Kremlin"],
  ["@iran", "Iran", "Iranian", "Iranians", "Tehran", "Islamic Republic of Iran"],
  ["@usa", "United States of America", "United States", "USA", "US", "U.S.", "U.S.A.", "America", "American", "Americans", "Washington"],
  ["@uk", "United Kingdom", "UK", "Britain", "Great Britain", "British", "London"],
  ["@turkiye", "Türkiye", "Turkiye", "Turkey", "Turkish", "Ankara"],
  ["@qatar", "Qatar", "Qatari", "Doha"],
  ["@saudi", "Saudi Arabia", "Saudi", "Saudis", "Riyadh", "KSA"],
  ["@uae", "United Arab Emirates", "UAE", "Emirati", "Abu Dhabi", "Dubai"],
  ["@uzbekistan", "Uzbekistan", "Uzbek", "Tashkent"],
  ["@tajikistan", "Tajikistan", "Tajik", "Dushanbe"],
  ["@turkmenistan", "Turkmenistan", "Turkmen", "Ashgabat"],
  ["@kazakhstan", "Kazakhstan", "Kazakh", "Astana"],
  ["@kyrgyzstan", "Kyrgyzstan", "Kyrgyz", "Bishkek"],
  ["@central_asia", "Central Asia", "Central Asian", "Central Asian states", "Central Asian republics"],
  ["@israel", "Israel", "Israeli", "Israelis", "Tel Aviv"],
  ["@palestine", "Palestine", "Palestinian", "Palestinians"],
  ["@gaza", "Gaza", "Gaza Strip"],
  ["@egypt", "Egypt", "Egyptian", "Cairo"],
  ["@japan", "Japan", "Japanese", "Tokyo"],
  ["@france", "France", "French", "Paris"],
  ["@germany", "Germany", "German", "Berlin"],
  ["@bangladesh", "Bangladesh", "Bangladeshi", "Dhaka"],
  ["@srilanka", "Sri Lanka", "Sri Lankan", "Colombo"],
  ["@nepal", "Nepal", "Nepali", "Nepalese", "Kathmandu"],
  ["@myanmar", "Myanmar", "Burma", "Burmese", "Naypyidaw"],
  ["@ukraine", "Ukraine", "Ukrainian", "Kyiv", "Kiev"],
  ["@syria", "Syria", "Syrian", "Damascus"],
  ["@iraq", "Iraq", "Iraqi", "Baghdad"],
  ["@yemen", "Yemen", "Yemeni"],
  ["@balochistan", "Balochistan", "Baluchistan", "Baloch", "Baluch"],
  // More countries with their capitals (general knowledge). Forms that are also common words or
  // ambiguous ("Jordan", "Georgia", "Chad", "Male", "Polish", "Korean") are left out on purpose:
  // names match regardless of case.
  ["@bhutan", "Bhutan", "Bhutanese", "Thimphu"],
  ["@maldives", "Maldives", "Maldivian", "Maldivians"],
  ["@canada", "Canada", "Canadian", "Canadians", "Ottawa"],
  ["@australia", "Australia", "Australian", "Australians", "Canberra"],
  ["@brazil", "Brazil", "Brazilian", "Brazilians", "Brasilia", "Brasília"],
  ["@south_africa", "South Africa", "South African", "South Africans", "Pretoria"],
  ["@indonesia", "Indonesia", "Indonesian", "Indonesians", "Jakarta"],
  ["@south_korea", "South Korea", "Republic of Korea", "Seoul"],
  ["@north_korea", "North Korea", "DPRK", "Pyongyang"],
  ["@mexico", "Mexico", "Mexican", "Mexicans", "Mexico City"],
  ["@italy", "Italy", "Italian", "Italians", "Rome"],
  ["@spain", "Spain", "Spaniards", "Madrid"],
  ["@vietnam", "Vietnam", "Viet Nam", "Vietnamese", "Hanoi"],
  ["@thailand", "Thailand", "Thai", "Bangkok"],
  ["@malaysia", "Malaysia", "Malaysian", "Malaysians", "Kuala Lumpur"],
  ["@singapore", "Singapore", "Singaporean", "Singaporeans"],
  ["@philippines", "Philippines", "Filipino", "Filipinos", "Manila"],
  ["@nigeria", "Nigeria", "Nigerian", "Nigerians", "Abuja"],
  ["@kenya", "Kenya", "Kenyan", "Kenyans", "Nairobi"],
  ["@ethiopia", "Ethiopia", "Ethiopian", "Ethiopians", "Addis Ababa"],
  ["@argentina", "Argentina", "Argentine", "Argentinian", "Buenos Aires"],
  ["@poland", "Poland", "Poles", "Warsaw"],
  ["@netherlands", "Netherlands", "Dutch", "The Hague", "Amsterdam"],
  ["@taiwan", "Taiwan", "Taiwanese", "Taipei"],
  ["@mongolia", "Mongolia", "Mongolian", "Ulaanbaatar"],
  ["@lebanon", "Lebanon", "Lebanese", "Beirut"],
  ["@oman", "Oman", "Omani", "Muscat"],
];

interface AliasForm {
  concept: string;
  /** Folded, separator-free key, e.g. "iskp". */
  key: string;
  isCaseSensitive: boolean;
  surface: string;
}

const SEPARATORS = /[\s\-'.]+/g;

/** Folds one surface form to a comparison key: diacritics off, lower case, separators removed. */
export function aliasKey(surface: string): string {
  return foldCharwise(surface).toLowerCase().replace(SEPARATORS, "");
}

/** Diacritic folding that keeps the string length (one output char per input UTF-16 unit). */
export function foldCharwise(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  let out = "";
  for (const ch of text) {
    const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    out += base.length === ch.length ? base : ch;
  }
  return out;
}

function isAcronym(surface: string): boolean {
  return /^[A-Z][A-Z.\-]{0,5}$/.test(surface) && surface.replace(/[^A-Z]/g, "").length <= 5;
}

/**
 * An index of alias surface forms. Build once (per rubric or per corpus) and reuse; `find` is a
 * linear scan with one compiled regular expression.
 */
export class AliasIndex {
  private readonly forms: AliasForm[] = [];
  private readonly displayNames = new Map<string, string>();
  private compiled: { sensitive: RegExp | null; insensitive: RegExp | null; byText: Map<string, string> } | null = null;

  constructor(groups: ReadonlyArray<readonly string[]> = BUILTIN_GROUPS) {
    for (const group of groups) {
      const [concept, ...surfaces] = group;
      if (!concept) continue;
      for (const s of surfaces) this.add(concept, s);
    }
  }

  /** Adds one surface form for a concept (creating the concept when new). */
  add(concept: string, surface: string): void {
    const trimmed = surface.trim();
    if (!trimmed) return;
    const key = aliasKey(trimmed);
    if (key.length < 2) return;
    if (!this.displayNames.has(concept)) this.displayNames.set(concept, trimmed);
    this.forms.push({ concept, key, isCaseSensitive: isAcronym(trimmed), surface: trimmed });
    this.compiled = null;
  }

  /** The concept a surface form belongs to, or undefined. */
  conceptOf(surface: string): string | undefined {
    const key = aliasKey(surface);
    const exact = this.forms.find((f) => f.key === key && (!f.isCaseSensitive || f.surface.replace(SEPARATORS, "") === surface.replace(SEPARATORS, "")));
    return exact?.concept ?? this.forms.find((f) => f.key === key && !f.isCaseSensitive)?.concept;
  }

  /** The display name of a concept ("@ttp" → "Tehreek-e-Taliban Pakistan"). */
  displayName(concept: string): string | undefined {
    return this.displayNames.get(concept);
  }

  /**
   * Learns "Long Form (ACR)" and "ACR (Long Form)" pairs from a text when the acronym's letters are
   * the initials of the long form's words (ignoring small words such as "e", "of", "the").
   */
  learnFrom(text: string): void {
    const re = /((?:[A-Z][\p{L}']*(?:[\s-]+(?:of|the|and|for|in|e|i|al|ul|[A-Z][\p{L}']*))*))\s*\(([A-Z][A-Za-z-]{1,8})\)/gu;
    for (const m of text.matchAll(re)) {
      const longForm = m[1] ?? "";
      const acronym = m[2] ?? "";
      const words = longForm.split(/[\s-]+/).filter(Boolean);
      const letters = acronym.replace(/[^A-Za-z]/g, "").toUpperCase();
      // Take the shortest tail of the long form whose initials spell the acronym.
      for (let from = words.length - 1; from >= 0; from--) {
        const tail = words.slice(from);
        const initials = tail
          .filter((w) => /^[A-Z]/.test(w))
          .map((w) => w[0])
          .join("");
        if (initials === letters) {
          const long = tail.join(" ");
          const existing = this.conceptOf(acronym) ?? this.conceptOf(long);
          const concept = existing ?? `@${letters.toLowerCase()}`;
          if (!this.conceptOf(acronym)) this.add(concept, acronym);
          if (!this.conceptOf(long)) this.add(concept, long);
          break;
        }
      }
    }
  }

  /** Returns a copy that can learn further aliases without changing this index. */
  clone(): AliasIndex {
    const copy = new AliasIndex([]);
    for (const f of this.forms) copy.add(f.concept, f.surface);
    return copy;
  }

  private compile() {
    if (this.compiled) return this.compiled;
    const byText = new Map<string, string>();
    const pattern = (forms: AliasForm[]) => {
      const alts = forms
        .map((f) => f.surface)
        .sort((a, b) => b.length - a.length)
        .map((s) =>
          s
            .split(/[\s\-]+/)
            .map((part) => escapeRegExp(foldCharwise(part)))
            .join("[\\s\\-]*"),
        );
      return alts.length ? alts.join("|") : null;
    };
    const sensitive = this.forms.filter((f) => f.isCaseSensitive);
    const insensitive = this.forms.filter((f) => !f.isCaseSensitive);
    for (const f of this.forms) byText.set(f.isCaseSensitive ? `S:${f.key}` : `I:${f.key}`, f.concept);
    const ps = pattern(sensitive);
    const pi = pattern(insensitive);
    this.compiled = {
      sensitive: ps ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${ps})(?![\\p{L}\\p{N}])`, "gu") : null,
      insensitive: pi ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${pi})(?:s)?(?![\\p{L}\\p{N}])`, "giu") : null,
      byText,
    };
    return this.compiled;
  }

  /** All alias occurrences in `text`, longest first where they overlap, sorted by position. */
  find(text: string): AliasMatch[] {
    const { sensitive, insensitive, byText } = this.compile();
    const folded = foldCharwise(text);
    const found: AliasMatch[] = [];
    const scan = (re: RegExp | null, prefix: "S" | "I") => {
      if (!re) return;
      re.lastIndex = 0;
      for (const m of folded.matchAll(re)) {
        const raw = m[0];
        let key = aliasKey(raw);
        let concept = byText.get(`${prefix}:${key}`);
        if (!concept && prefix === "I" && key.endsWith("s")) {
          key = key.slice(0, -1);
          concept = byText.get(`I:${key}`);
        }
        if (concept) found.push({ start: m.index ?? 0, end: (m.index ?? 0) + raw.length, concept });
      }
    };
    scan(sensitive, "S");
    scan(insensitive, "I");
    found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
    const out: AliasMatch[] = [];
    let lastEnd = -1;
    for (const m of found) {
      if (m.start >= lastEnd) {
        out.push(m);
        lastEnd = m.end;
      } else {
        const prev = out[out.length - 1];
        if (prev && m.start === prev.start && m.end > prev.end) {
          out[out.length - 1] = m;
          lastEnd = m.end;
        }
      }
    }
    // A place followed by an event noun names the event, not the country: "Doha Agreement",
    // "Doha pledges" and "Doha process" are one thing ("@qatar:event"), distinct from Qatar.
    for (const m of out) {
      const ev = EVENT_NOUN_RE.exec(folded.slice(m.end));
      if (ev) {
        m.concept = `${m.concept}:event`;
        m.end += ev[0].length;
      }
    }
    return out;
  }
}

const EVENT_NOUN_RE =
  /^[\s-]+(?:agreements?|accords?|process|declarations?|summits?|talks|pledges?|commitments?|format|treat(?:y|ies)|conferences?|protocols?|deals?|peace process|consensus|charter|dialogue)(?![\p{L}\p{N}])/iu;


let defaultIndex: AliasIndex | null = null;

/** The shared built-in alias index (built once). Clone it before learning text-specific aliases. */
export function getDefaultAliasIndex(): AliasIndex {
  defaultIndex ??= new AliasIndex();
  return defaultIndex;
}

/** True when two surface forms name the same entity under the built-in gazetteer (or are equal). */
export function areAliases(a: string, b: string, index: AliasIndex = getDefaultAliasIndex()): boolean {
  if (aliasKey(a) === aliasKey(b)) return true;
  const ca = index.conceptOf(a);
  return !!ca && ca === index.conceptOf(b);
}
