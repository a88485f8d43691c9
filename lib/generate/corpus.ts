import { openingPronounAntecedent } from "./antecedent";
import { createAliasResolver, type AliasResolver } from "@/lib/material/aliases";
import type { Entity, EntityKind, ProcessedMaterial, Sentence } from "@/lib/material/schemas";
import { contentLemmas, sentenceStems } from "./text";

export interface SentenceRef {
  pm: ProcessedMaterial;
  sentence: Sentence;
  /** Content lemmas plus the canonical keys of the entities it mentions. */
  terms: Set<string>;
  /** Rough stems of its words, for matching free text (questions typed by teachers). */
  stems: Set<string>;
}

export type SlotType = "number" | "year" | "person" | "place" | "actor" | "term";

/**
 * The materials of one study set, indexed once: every sentence with its terms, an inverted index
 * from term to sentences (so fact checks stay linear in the material), document frequencies, and
 * an alias resolver shared by all materials.
 */
export interface Corpus {
  materials: ProcessedMaterial[];
  refs: SentenceRef[];
  byTerm: Map<string, SentenceRef[]>;
  byStem: Map<string, SentenceRef[]>;
  aliases: AliasResolver;
  /** A material's sentence refs, indexed by sentence index. */
  refsOf(pm: ProcessedMaterial): SentenceRef[];
  entityKind(name: string): EntityKind | undefined;
  idf(term: string): number;
  stemIdf(stem: string): number;
}

export function entitySlotType(kind: EntityKind | undefined): SlotType | null {
  if (kind === "person") return "person";
  if (kind === "place") return "place";
  if (kind === "organization" || kind === "group") return "actor";
  return null;
}

export function buildCorpus(materials: ProcessedMaterial[]): Corpus {
  const aliases = createAliasResolver(materials);
  const refs: SentenceRef[] = [];
  const byTerm = new Map<string, SentenceRef[]>();
  const byStem = new Map<string, SentenceRef[]>();
  const byMaterial = new Map<ProcessedMaterial, SentenceRef[]>();
  for (const pm of materials) {
    const own: SentenceRef[] = [];
    byMaterial.set(pm, own);
    const mentionsBySentence = new Map<number, Entity[]>();
    for (const e of pm.entities) for (const m of e.mentions) {
      const list = mentionsBySentence.get(m.sentenceIndex) ?? [];
      if (!list.includes(e)) list.push(e);
      mentionsBySentence.set(m.sentenceIndex, list);
    }
    for (const sentence of pm.sentences) {
      const terms = new Set(contentLemmas(sentence));
      // "It was agreed in 1987" is about the name its opening pronoun stands for.
      const antecedent = openingPronounAntecedent(pm, sentence);
      const named = [
        ...(mentionsBySentence.get(sentence.index) ?? []),
        ...(antecedent ? (mentionsBySentence.get(sentence.index - 1) ?? []).filter((e) => [e.name, ...e.aliases].some((n) => antecedent.includes(n))) : []),
      ];
      for (const e of named) terms.add(`@${aliases.key(e.name)}`);
      // …and carries the words of that name, as the sentence naming it outright would.
      if (antecedent) {
        const previous = pm.sentences[sentence.index - 1]!;
        const nameEnd = previous.start + antecedent.length;
        for (const l of contentLemmas({ ...previous, tokens: previous.tokens.filter((t) => t.end <= nameEnd) })) terms.add(l);
      }
      const stems = new Set(sentenceStems(sentence));
      for (const e of named) stems.add(`@${aliases.key(e.name)}`);
      const ref = { pm, sentence, terms, stems };
      refs.push(ref);
      own[sentence.index] = ref;
      for (const t of terms) {
        const list = byTerm.get(t) ?? [];
        list.push(ref);
        byTerm.set(t, list);
      }
      for (const t of stems) {
        const list = byStem.get(t) ?? [];
        list.push(ref);
        byStem.set(t, list);
      }
    }
  }
  const kinds = new Map<string, EntityKind>();
  for (const pm of materials) for (const e of pm.entities) {
    const k = aliases.key(e.name);
    if (!kinds.has(k) || kinds.get(k) === "other") kinds.set(k, e.kind);
  }
  const n = Math.max(1, refs.length);
  return {
    materials,
    refs,
    byTerm,
    byStem,
    aliases,
    refsOf: (pm) => byMaterial.get(pm) ?? [],
    entityKind: (name) => kinds.get(aliases.key(name)),
    idf: (term) => Math.log(1 + n / (1 + (byTerm.get(term)?.length ?? 0))),
    stemIdf: (stem) => Math.log(1 + n / (1 + (byStem.get(stem)?.length ?? 0))),
  };
}
