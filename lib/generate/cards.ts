import { isAcronym, nameKey } from "@/lib/material/entities";
import type { ProcessedMaterial, Sentence } from "@/lib/material/schemas";
import { sentencePositionAt } from "@/lib/material/segment";
import type { Corpus } from "./corpus";
import type { Card } from "./schemas";
import { keyClauseOf } from "./readability";
import { blankedText, isPersonName, statesAState, type Slot } from "./slots";
import { inContext, leansOnSubject, referenceWords, spanPointsBack } from "./context";
import { definedTermTakesThe, lacksSubject, namingSubject, topicFor, withTopic, withTopicLead } from "./topic";
import { ABSOLUTE_PHRASE, PLACE_HEAD, SECOND_DESCRIPTION, closesItsClause, definitionHead, explanationCards, namesSomeone, termAcronymCards } from "./explain";
import { LASTING_ROLE, scoreItem, type QualityInput } from "./quality";
import { conceptCards } from "./concept";
import { countedListCards, effectCards, leadInListCards } from "./relations";
import type { SentenceRef } from "./corpus";
import { STOP_WORDS, capitalize, makeCard, endWithPeriod, evidenceOf, isStandalone, sentenceEvidence, standaloneText, wordCount } from "./text";
import { escapeRegExp } from "@/lib/text/regexp";
import { isKnownWord, namesAGroup, namesAPerson } from "@/lib/nlp/wordnet";

/** The indexed sentence holding a material offset. */
function refAt(corpus: Corpus, pm: ProcessedMaterial, offset: number): SentenceRef | undefined {
  const { at, holds } = sentencePositionAt(pm.sentences, offset);
  return holds ? corpus.refsOf(pm)[at] : undefined;
}

function quality(corpus: Corpus, input: Omit<QualityInput, "refs"> & { refs: Array<SentenceRef | undefined> }): Card["quality"] {
  return scoreItem(corpus, { ...input, refs: input.refs.filter((r): r is SentenceRef => !!r) });
}

/** Normalised text for duplicate detection: lower case, letters and digits only. */
function dedupeKey(text: string): string {
  return text.toLowerCase().replace(/_+/g, "_").replace(/[^a-z0-9_]+/g, " ").trim();
}

function tokensOf(text: string): Set<string> {
  return new Set(dedupeKey(text).split(" ").filter((w) => w.length > 2));
}

/** Jaccard similarity of word sets. */
function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.max(1, a.size + b.size - shared);
}

/** Share of the smaller set found in the larger: a lede repeated with extra words is still a duplicate. */
function containment(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

/**
 * Removes duplicate cards: the same front, or the same answer with a near-identical front
 * (Jaccard ≥ 0.7 — the same fact told by two articles). Keeps the first, in input order.
 */
export function dedupeCards(cards: Card[]): Card[] {
  const out: Card[] = [];
  const seenFront = new Set<string>();
  const byBack = new Map<string, Array<Set<string>>>();
  for (const c of cards) {
    const fk = `${c.kind}|${dedupeKey(c.front)}`;
    if (seenFront.has(fk)) continue;
    const bk = dedupeKey(c.back);
    const tokens = tokensOf(c.front);
    const siblings = byBack.get(bk) ?? [];
    if (siblings.some((t) => similarity(t, tokens) >= 0.7 || containment(t, tokens) >= 0.85)) continue;
    seenFront.add(fk);
    siblings.push(tokens);
    byBack.set(bk, siblings);
    out.push(c);
  }
  return out;
}

/**
 * Blanks offered per sentence: its most important fact, then the next ones as second choices. The screen keeps one item
 * per sentence and one per answer, so a sentence whose first blank another item already asks ("40 per cent" in two
 * sentences) is asked for its next fact instead of making no item.
 */
const BLANKS_PER_SENTENCE = 3;
/** How far below its sentence's first blank a second choice scores, so that it is taken only when the first is not. */
const SECOND_CHOICE_STEP = 0.05;
/** The least a second or third blank scores on its own to be offered at all. */
const SECOND_BLANK_MIN_SCORE = 0.5;

/**
 * Cloze cards: per sentence, its most important fact blanked (figure > year > person > actor > place), and up to
 * `BLANKS_PER_SENTENCE - 1` more as second choices scored below the first (`SECOND_CHOICE_STEP`).
 */
export function clozeCards(slots: Slot[], corpus: Corpus): Card[] {
  const out: Card[] = [];
  const made = new Map<string, { count: number; score: number }>();
  for (const slot of slots) {
    const key = `${slot.ref.pm.material.id}#${slot.ref.sentence.index}`;
    const before = made.get(key);
    if (before && before.count >= BLANKS_PER_SENTENCE) continue;
    // "union territories such as _____ and Puducherry", "_____ and other coastal cities": a name given as one of several
    // (`Slot.isOneOfSeveral`) has no one answer to recall (the sentence's other slots are tried instead).
    if (slot.isOneOfSeveral) continue;
    const blank = blankedText(slot);
    if (!blank) continue;
    const lead = topicFor(blank, slot.ref.pm, slot.ref.sentence, [slot.answer]);
    if (lacksSubject(blank, lead, slot.ref.pm, slot.ref.sentence)) continue;
    const front = withTopic(blank, lead);
    let q = quality(corpus, { kind: "cloze", asks: slot.type, ...(slot.key ? { answerName: slot.answer } : {}), ...(slot.unit ? { unit: slot.unit } : {}), ...(slot.value !== undefined ? { value: slot.value } : {}), refs: [slot.ref], text: front });
    // A second choice scores below its sentence's first blank, whatever its own score: it stands in for the first only
    // when the screen drops that one (a repeated answer, a defect), never displaces it.
    if (before) {
      // A weak one is no stand-in at all ("West Bengal, Bihar, _____, Assam" scored 0.3).
      if (!q || q.score < SECOND_BLANK_MIN_SCORE) continue;
      const capped = Math.max(0, Math.round((before.score - SECOND_CHOICE_STEP * before.count) * 100) / 100);
      q = { ...q, score: Math.min(q.score, capped), reasons: [...q.reasons, `a second blank of its sentence (own score ${q.score}, scored at most ${capped}), asked only when the first is not`] };
    }
    made.set(key, { count: (before?.count ?? 0) + 1, score: before?.score ?? q?.score ?? 0 });
    out.push(makeCard("cloze", front, slot.answer, [sentenceEvidence(slot.ref.pm, slot.ref.sentence)], q));
  }
  return out;
}

/** Acronym cards: "What does TTP stand for?" → its expansion, once per acronym across materials. */
export function acronymCards(materials: ProcessedMaterial[], corpus: Corpus): Card[] {
  const out: Card[] = [];
  // Once per acronym and expansion across materials, whatever subject leads each.
  const seen = new Set<string>();
  for (const pm of materials) {
    for (const a of pm.acronyms) {
      const expansion = a.expansion.replace(/^the\s+/i, "");
      const key = `${a.short}|${expansion.toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // "BRT" alone reads as Bus Rapid Transit: the subject of its section or material says which field it is from
      // ("With reference to Project Tiger, what does BRT stand for?").
      const sentence = refAt(corpus, pm, a.span.start)?.sentence;
      const question = `what does ${a.short} stand for?`;
      const front = withTopicLead(sentence ? topicFor(question, pm, sentence, [expansion, a.short]) : null, question);
      out.push(makeCard("acronym", front, expansion, [evidenceOf(pm, a.span.start, a.span.end)], quality(corpus, { kind: "acronym", asks: "expansion", answerName: expansion, refs: [refAt(corpus, pm, a.span.start)], text: front })));
    }
  }
  return out;
}

/** A speaker's role cut to its head ("an adjunct senior fellow at the S School of International Studies of the N University" → up to "…Studies"). */
function shortRole(role: string): string {
  const words = role.split(/\s+/);
  if (words.length <= 10) return role;
  const cut = role.search(/\s+of the\s+(?=[A-Z])/);
  return cut > 0 && wordCount(role.slice(0, cut)) <= 12 ? role.slice(0, cut) : words.slice(0, 10).join(" ").replace(/\s+(?:of|at|in|the|and|for)$/i, "");
}

/** Verbs of saying, as a speaker's attribution uses them. */
const SPEECH_VERB = String.raw`(?:said|says|say|told|tells|argued|argues|warned|warns|explained|explains|remarked|cautioned|insisted|added|adds|noted|notes|observed|observes)`;

/**
 * Is every mention of the person named `term` one where they speak — the name (with its appositive) followed by a verb of
 * saying, or a quotation's "said"/"says" or "according to" just before it? Then the material only quotes them.
 * ("Historians have noted that X…" and "X, the first director, observed the transit of Venus" are no quotes of X.) A
 * lasting role (`LASTING_ROLE`: a founder, a ruler, the first holder of an office) is worth asking about anyway.
 */
export function isOnlyQuoted(pm: ProcessedMaterial, term: string, role: string): boolean {
  if (LASTING_ROLE.test(role)) return false;
  const named = (e: ProcessedMaterial["entities"][number]) => e.name === term || e.aliases.includes(term);
  const entity = pm.entities.find((e) => e.kind === "person" && named(e)) ?? pm.entities.find(named);
  if (!entity || !entity.mentions.length) return false;
  const text = pm.material.text;
  const speaksAfter = new RegExp(String.raw`^(?:\s*,[^,.;:]{1,120},)?\s+(?:also\s+|has\s+|had\s+)?${SPEECH_VERB}\b(?!\s+(?:by|to be)\b)`, "i");
  // Before the name, only a quotation's "…," said X or "according to X" makes X the speaker ("Spies warned X", "Historians
  // say X abolished…" are about X).
  const speaksBefore = /(?:[,"”’]\s*(?:said|says)|\baccording to)\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?$/i;
  return entity.mentions.every((m) => {
    const sentence = pm.sentences[m.sentenceIndex];
    if (!sentence) return false;
    const after = text.slice(m.end, sentence.end);
    // A speech verb after the name only quotes it when it is a transitive saying verb, not "observed the transit".
    const speaks = speaksAfter.exec(after);
    const quotes = speaks && !/^\s+(?:also\s+)?(?:observed|noted|added)\s+(?:the|a|an)\s/i.test(after.replace(/^\s*,[^,.;:]{1,120},/, ""));
    return !!quotes || speaksBefore.test(text.slice(sentence.start, m.start));
  });
}

const COMMENTATOR_ROLE = /\b(?:analyst|expert|fellow|scholar|researcher|journalist|commentator|columnist|professor|writer|author|editor|correspondent|think[- ]tank)\b/i;
const OFFICE_ROLE = /\b(?:minister|president|prime minister|chief|spokes(?:person|man|woman)|ambassador|governor|secretary|general|envoy|representative)\b/i;
/** A sitting office-holder: "former" envoys and "retired" generals speak for no one. */
const SITTING_OFFICE_ROLE = (role: string) => OFFICE_ROLE.test(role) && !/\b(?:former|ex-|retired|erstwhile|then)\b/i.test(role);
/**
 * A policy statement: a commitment, demand, offer, refusal or stated position ("will not allow",
 * "stands ready to", "demands", "our policy"), not a platitude, a complaint or a description.
 */
const POLICY_STATEMENT = /\b(?:will|won't|shall|must|cannot|can't|would never|never allow|not allow|ready to|prepared to|committed|commit|demand\w*|call(?:s|ed)? on|urge\w*|insist\w*|policy|reject\w*|condemn\w*|oppose\w*|refuse\w*|warn\w*|pledge\w*|vow\w*|offer\w*)\b/i;

/** Who-said cards for attributed quotations of at least six words that stand on their own. */
export function whoSaidCards(materials: ProcessedMaterial[], corpus: Corpus): Card[] {
  const out: Card[] = [];
  for (const pm of materials) {
    for (const q of pm.quotes) {
      if (!q.speaker || !/^[A-Z]/.test(q.speaker)) continue;
      // Who said what is worth asking only for an office-holder's policy statement: a commentator's,
      // a former official's or an unnamed role's words, and platitudes, are trivia.
      if (!q.role || !SITTING_OFFICE_ROLE(q.role) || (COMMENTATOR_ROLE.test(q.role) && !OFFICE_ROLE.test(q.role))) continue;
      // A whole paragraph is not a card: keep the key clause (its own evidence span) or skip the quote.
      const quoted = pm.material.text.slice(q.start, q.end);
      const offset = quoted.indexOf(q.text);
      const clause = offset >= 0 ? keyClauseOf(q.text) : null;
      if (!clause) continue;
      const start = q.start + offset + clause.start;
      const end = q.start + offset + clause.end;
      const key = pm.material.text.slice(start, end).replace(/[,;:\s]+$/, "");
      // A fragment picked up mid-sentence ("personally will not kill…") is not a quotable line.
      if (wordCount(key) < 6 || /^[a-z]/.test(key)) continue;
      const text = key.replace(/\s*\.\.\.\s*/g, " ... ").trim();
      if (!POLICY_STATEMENT.test(text)) continue;
      const back = q.role ? `${q.speaker}, ${shortRole(q.role)}` : q.speaker;
      const evidence = [evidenceOf(pm, start, start + key.length)];
      if (q.attribution && (q.attribution.start >= q.end || q.attribution.end <= q.start)) evidence.push(evidenceOf(pm, q.attribution.start, q.attribution.end));
      const front = `Who said: "${text}"?`;
      out.push(makeCard("who_said", front, back, evidence, quality(corpus, { kind: "who_said", asks: "speaker", ...(q.role ? { role: q.role } : {}), refs: [refAt(corpus, pm, start)], text: front })));
    }
  }
  return out;
}

/** Timeline cards: "When did this happen? <event>" → the date, for sentences naming one date only. */
export function timelineCards(materials: ProcessedMaterial[], corpus: Corpus): Card[] {
  const out: Card[] = [];
  for (const pm of materials) {
    const perSentence = new Map<number, number>();
    for (const e of pm.events) perSentence.set(e.sentenceIndex, (perSentence.get(e.sentenceIndex) ?? 0) + 1);
    for (const e of pm.events) {
      if (perSentence.get(e.sentenceIndex) !== 1) continue;
      const sentence = pm.sentences[e.sentenceIndex];
      if (!sentence || !isStandalone(sentence, pm)) continue;
      // The date must be a clean adverbial at the start or the end of the sentence: cut from the
      // middle, it leaves the rest dangling ("…expected to decline by about.").
      const phraseStart = /(?:\b(?:in|on|by|since|from|until|during|after|before|as of|prior to|in early|in late)\s+)?$/i.exec(pm.material.text.slice(sentence.start, e.start))!;
      const lead = standaloneText(pm.material.text.slice(sentence.start, phraseStart.index + sentence.start)).trim();
      const tail = pm.material.text.slice(e.end, sentence.end).trim();
      if (lead && !/^[.!?"')\s]*$/.test(tail)) continue;
      // Nor may the cut leave a preposition without its object ("…the first crewed flight, now targeted for."), or a
      // reduced clause that the date belonged to ("…cooperatives such as IFFCO, established.": the date is IFFCO's).
      const rest = pm.material.text.slice(sentence.start, phraseStart.index + sentence.start).trim();
      if (/\b(?:the year|about|around|sometime|some time|of|the|for|to|at|than|between|with|from)\s*[.,]?$/i.test(rest)) continue;
      // "… stating that the reverse repo is still the floor (the SDF has been the floor since April 2022)": a date inside
      // a bracketed aside dates the aside, not the sentence, and the cut would leave "(… the floor )".
      if ((rest.match(/\(/g)?.length ?? 0) > (rest.match(/\)/g)?.length ?? 0)) continue;
      // "…a satellite programme that has operated since 2000": a date at the end of a relative clause dates that clause,
      // and the cut leaves it hanging ("…a programme that has operated.").
      // Not "that" as a complementiser after a verb of saying or ruling ("…ruled that privacy is fundamental in August
      // 2017": the ruling is dated), unless what it introduces has a verb of its own that the date may belong to ("…announced
      // that polls would begin in April 2019").
      const relative = /\b(that|which|who|whose)\s+(?:[\w-]+\s+){0,3}[\w-]+$/i.exec(rest);
      if (relative) {
        const at = sentence.start + (phraseStart.index - pm.material.text.slice(sentence.start, phraseStart.index + sentence.start).trimStart().length) + relative.index;
        const i = sentence.tokens.findIndex((t) => t.start === at);
        const complement = /^that$/i.test(relative[1]!) && sentence.tokens[i]?.pos === "SCONJ" && !sentence.tokens.slice(i + 1).some((t) => t.start < e.start && t.pos === "VERB");
        if (!complement) continue;
      }
      if (/,\s*(?:(?:first|originally|newly|only)\s+)?(?:established|founded|set up|formed|created|launched|constituted|incorporated|registered|built|opened|inaugurated)(?:\s+by\s+[^,]+)?$/i.test(rest)) continue;
      // The year (or financial year) is the fact asked for, never the month or the day.
      const when = e.isFiscal ? e.label : String(e.year);
      const read = inContext(e.event, pm, sentence);
      const named = read && namingSubject(read, pm, sentence);
      // A year the subject's name brought in must not be the answer ("When? The Factories Act, 1948 received…"): the
      // sentence as it was, then.
      const showsWhen = (t: string) => new RegExp(String.raw`(?<![\p{L}\p{N}])${escapeRegExp(when)}(?![\p{L}\p{N}])`, "u").test(t);
      const event = read && named && showsWhen(named) && !showsWhen(read) ? read : named;
      if (!event || wordCount(event) < 6 || /"/.test(event) || /,\s*\.?$|^[^A-Za-z0-9]/.test(event)) continue;
      // "…9.2 per cent of GDP in.", "In, UPI handled…": the cut left a preposition without its object.
      if (/\b(?:in|on|at|by|for|to|of|from|with|about|around|than|between|since|until|during)\s*\.?$/i.test(event.trim()) || /^(?:In|On|By|Since|From|Until|During|After|Before|At)\s*,/.test(event.trim())) continue;
      // Not an event but a state that held for years ("Gandhi was the leader of the Congress"): "When?" has no one answer.
      if (statesAState(event)) continue;
      // Not an event: a comparison ("Unlike 1996, when…") or the date of a source ("2025 data").
      if (/^(?:when|while|although|though|if|unlike)\b/i.test(event)) continue;
      // The date of a report or a statement is not the date of an event ("When? The office reported…").
      if (/\b(?:reported|said|stated|told|noted|wrote|estimated|calculated)\b/i.test(event)) continue;
      if (/^\s*(?:data|figures|estimates|statistics|census)\b/i.test(pm.material.text.slice(e.end, e.end + 20))) continue;
      // A date inside a relative clause ("X, which lent $3bn in 2019, said …") dates the clause, not the sentence.
      const before = pm.material.text.slice(sentence.start, e.start);
      const clause = before.lastIndexOf(", which ") >= 0 ? before.slice(before.lastIndexOf(", which ")) : before.lastIndexOf(", who ") >= 0 ? before.slice(before.lastIndexOf(", who ")) : null;
      if (clause !== null && !clause.slice(2).includes(",")) continue;
      // "Prior to 2020" is not "2020", and not an answer to "When?" either: "before" or "after" a year pins no time.
      // "Since 2022" (a start), "By 2070" (a target), "Until 1950" (an end) keep their preposition on the back.
      // "As of 2024" dates a state of affairs, not an event.
      const prep = /(?:^|\s)(prior to|before|after|since|until|till|by|as of|as on|as at)\s+$/i.exec(pm.material.text.slice(Math.max(0, e.start - 12), e.start))?.[1];
      if (prep && /^(?:prior to|before|after|as of|as on|as at)$/i.test(prep)) continue;
      const back = prep ? `${capitalize(prep.toLowerCase())} ${when}` : when;
      const eventLead = topicFor(event, pm, sentence, [when]);
      if (lacksSubject(event, eventLead, pm, sentence)) continue;
      const front = `${withTopicLead(eventLead, "when?")} ${endWithPeriod(event)}`;
      out.push(makeCard("timeline", front, back, [sentenceEvidence(pm, sentence)], quality(corpus, { kind: "timeline", asks: "year", refs: [refAt(corpus, pm, sentence.start)], text: front })));
    }
  }
  return out;
}

const PERSON_KIND_HINT = /\b(?:analyst|expert|researcher|minister|spokes(?:person|man|woman)|ambassador|fellow|professor|scholar|director|chief|editor|representative|official|commander|leader|president|secretary|envoy|bureaucrat|adviser|advisor|head|governor|founder|author|[a-z]+ologist|economist|scientist|journalist|specialist|activist|physicist|chemist|historian|physician|politician|diplomat|lawyer|judge)\b/i;
/**
 * Definition head nouns (tested on the head only: "a temple to the god Shiva" is a temple's) that make a name someone's
 * though WordNet's commonest senses of them are no person: a deity ("Varaha, the boar incarnation of Vishnu") — asked
 * "Who is…?" whatever the name was read as — and a person by metaphor ("Gokhale, a leading figure of the moderates",
 * "Bahuguna, the face of Chipko"), which never turns a person into a thing.
 */
const DEITY_HEAD = /^(?:deity|goddess|god|incarnation|avatar)$/;
const PERSON_METAPHOR_HEAD = /^(?:figure|face|voice|subject|champion|architect|pillar)$/;
/**
 * "…built a thousand temples of Shiva, an indication of how the later kings…": a noun that sums up the whole clause before
 * it (`reference-words.json` clauseSummaryHeads), so the appositive says nothing of the name just before it.
 */
const CLAUSE_SUMMARY_HEADS = new Set(referenceWords.clauseSummaryHeads);
/**
 * Does the text after an appositive (at `end`) go on with another noun phrase of a list — ", a flourishing of Tamil
 * literature, and…" — with no verb of its own before the next comma or the sentence's end? Then the appositive was one
 * item of that list, not a description of the name before it.
 */
export function continuesAList(pm: ProcessedMaterial, sentence: Sentence, end: number): boolean {
  const after = pm.material.text.slice(end, sentence.end);
  const m = /^,\s+(?:and\s+)?(?:the|a|an)\s[^,;]*/i.exec(after);
  if (!m) return false;
  // A finite verb: an auxiliary, or a verb that is no infinitive ("the power to manage village markets") or participle.
  const word = (t: Sentence["tokens"][number]) => pm.material.text.slice(t.start, t.end);
  const inList = sentence.tokens.filter((t) => t.start >= end && t.end <= end + m[0].length);
  // A word in "-ed" is a participle ("a system of village administration recorded in…") unless a name or a pronoun comes
  // right before it ("a post Mossin occupied until 1931"), or a noun before it and its object after it ("the rebels
  // captured Velan").
  const finite = (t: Sentence["tokens"][number], i: number) => {
    if (t.pos === "AUX") return true;
    if (t.pos !== "VERB" || (i > 0 && /^to$/i.test(word(inList[i - 1]!)))) return false;
    if (!/(?:ing|ed)$/i.test(word(t))) return true;
    const prev = inList[i - 1];
    const next = inList[i + 1];
    if (!/ed$/i.test(word(t)) || !prev) return false;
    return prev.pos === "PROPN" || prev.pos === "PRON" || (prev.pos === "NOUN" && !!next && ["DET", "PROPN", "NUM", "NOUN"].includes(next.pos));
  };
  return !inList.some(finite);
}

const afterFiguresCache = new WeakMap<ProcessedMaterial, Map<string, boolean>>();
/** Does the material write `word` only right after a figure ("78 CE", "47.8 degrees Celsius"), as an era or a unit? */
function isOnlyAfterFigures(pm: ProcessedMaterial, word: string): boolean {
  let byWord = afterFiguresCache.get(pm);
  if (!byWord) afterFiguresCache.set(pm, (byWord = new Map()));
  let only = byWord.get(word);
  if (only === undefined) {
    const text = pm.material.text;
    const uses = [...text.matchAll(new RegExp(String.raw`(?<![\p{L}\p{N}])${escapeRegExp(word)}(?![\p{L}\p{N}])`, "gu"))];
    // ("the first century CE" writes an era after a century.)
    only = uses.length > 0 && uses.every((m) => /(?:\d|\bcentur(?:y|ies)|\bmillenni(?:um|a))(?:[^\S\n]+(?!(?:in|by|at|to|of|for|from|on|and|or|with|since|until|the|a|an|its|their)\b)[a-z]+)?[^\S\n]*$/.test(text.slice(Math.max(0, m.index - 20), m.index)));
    byWord.set(word, only);
  }
  return only;
}

/**
 * Is the definition's head noun plainly no kind of what the name is: for a body or a person, a word WordNet knows that
 * names neither a group nor a person ("benchmark", "salary")? Other names, and heads WordNet does not know, are left alone.
 */
function isNoKindOf(head: string | undefined, kind: string | undefined): boolean {
  if (!head || (kind !== "organization" && kind !== "person") || !isKnownWord(head)) return false;
  return !namesAGroup(head) && !namesAPerson(head);
}

/** Kind words a definition may stand on as a short name ("The Act was a meeting point…"): not a name a card can ask about. */
const BARE_KIND_TERM = /^(?:Act|Bill|Amendment|Commission|Committee|Council|Court|Board|Plan|Scheme|Programme|Program|Mission|Policy|Treaty|Agreement|Accord|Pact|Report|Government|Ministry|Department|Authority|Tribunal|Constitution|Code|Rules|Ordinance|Resolution|Declaration|Convention|Protocol|Project|Movement|Party|Union|Assembly|Organisation|Organization)$/;


/**
 * Question–answer cards: "Who is X?" / "What is X?" from definitions and appositives, "By what
 * other name is X known?" from aliases, and "When was X formed?" from founding sentences.
 */
export function qaCards(materials: ProcessedMaterial[], corpus: Corpus): Card[] {
  const out: Card[] = [];
  for (const pm of materials) {
    for (const d of pm.definitions) {
      // A definition is a noun phrase ("a militant alliance formed in 2007"), not a sentence or a name.
      if (!/^(?:[Aa]n?|[Tt]he)\s+[a-z]/.test(d.definition) || wordCount(d.definition) > 30 || !/^[A-Z]/.test(d.term) || !corpus.entityKind(d.term)) continue;
      // "…as Returning Officer, the two being chosen in rotation…": an absolute phrase, not a description.
      if (ABSOLUTE_PHRASE.test(d.definition)) continue;
      if (/\b(?:is|are|was|were|has|have|had)\b|\b\w+ed\s+by\b/.test(d.definition)) continue;
      // "Anamudi, the highest peak of the range": the definition leans on an earlier sentence's range.
      if (spanPointsBack(pm, d.start, d.end)) continue;
      // "President's Rule is the popular name for the situation that arises when the Union government, acting through…":
      // a definition cut inside a clause ("…when the Union government") says half of what it means.
      // "Dessa is the district most often named": a definition that ranks without saying among what (`leansOnSubject`;
      // read for the whole sentence, so another clause that leaves out its subject takes the definition with it).
      const definedIn = refAt(corpus, pm, d.start)?.sentence;
      if (definedIn && (!closesItsClause(definedIn, d.start, d.end, pm.material.text.slice(d.start, d.end)) || leansOnSubject(pm, definedIn))) continue;
      const kind = corpus.entityKind(d.term);
      // "What is Afghanistan? A landlocked country…": a place is named, not defined; and a bare genus
      // ("a global monitoring organisation") says nothing an examiner asks.
      if (kind === "place" || wordCount(d.definition) < 5) continue;
      // "Bande Mataram, a song from Anandamath": what the definition's own noun says it is — a song, a journal, a
      // society — outweighs a name read as a person's, so the card asks "What is…?", never "Who is…?".
      const head = definitionHead(d.definition);
      // "The Act was a meeting point…": a bare kind word is a short name the card cannot resolve ("What is Act?"), unlike
      // the one-word name of a body ("Parliament", "the Knesset").
      if (BARE_KIND_TERM.test(d.term.replace(/^The\s+/, ""))) continue;
      // "…land of a Scheduled Tribe, the power to manage village markets, the power to…", "the Brihadisvara temple at
      // Thanjavur, the refinement of bronze casting…, a flourishing of Tamil literature, and…", "The Utkalas were the people
      // of Orissa, the Gurjaras almost certainly the Pratiharas…": one item of a list of noun phrases, not a description of
      // the name before it.
      // (A clause after it is no list: "…Mossin, the foreign minister of Dorra from 1920, a post he held until 1931", ", and
      // the treaty was signed…"; nor a list of names inside it: "a forum of India, the United States, Japan and Australia".)
      if ((definedIn && continuesAList(pm, definedIn, d.end)) || SECOND_DESCRIPTION.test(d.definition)) continue;
      // "…temples of Shiva, an indication of how the later Pala kings…", "…, a sign that…": the appositive sums up the clause
      // before it ("The Gini index, a measure of inequality…" is a definition).
      // ("a measure that tracks…" is a relative clause: "that" must open a clause with its own subject.)
      if (head && CLAUSE_SUMMARY_HEADS.has(head) && new RegExp(String.raw`\b${escapeRegExp(head)}s?\s+(?:of\s+(?:how|what|why|whether|the extent)\b|that\s+(?:the|a|an|its|their|his|her|this|these|those|it|they|he|she|there|we|\p{Lu}|\d)|to\s+how\b)`, "u").test(d.definition)) continue;
      // "…with 78 CE, the epoch of the Saka era", "47.8 degrees Celsius, the highest temperature…": what follows a figure's
      // era or unit describes the figure, not the word — a word the material writes only after a figure.
      if (!/\s/.test(d.term) && kind !== "person" && isOnlyAfterFigures(pm, d.term)) continue;
      const namesAThing = !!head && isKnownWord(head) && !namesAPerson(head) && !DEITY_HEAD.test(head) && !PERSON_METAPHOR_HEAD.test(head) && !PERSON_KIND_HINT.test(head);
      // "Warangal, the capital of the Kakatiya king": a place by its head noun is named, not defined, as a place read as
      // one is.
      if (head && PLACE_HEAD.test(head)) continue;
      // "…equal to that of a judge of the Supreme Court, a benchmark later revised…": after a name that ends a phrase "<noun>
      // of X", the description may sum up the whole phrase or clause; a body or a person is not described by a noun that
      // names neither a body nor a person ("the support of Homi Bhabha, the architect of…" describes him).
      if (/\b\p{Ll}[\p{L}-]*\s+of\s+(?:the\s+)?$/u.test(pm.material.text.slice(Math.max(0, d.termSpan.start - 40), d.termSpan.start)) && isNoKindOf(head, kind)) continue;
      // "Ambedkar, the chairman of the Drafting Committee", "Alauddin Khalji … the second and most powerful ruler of…": a
      // head noun of a ruler, an office-holder or a relative makes the name someone's, whatever the name was read as.
      const isPerson = (kind === "person" && !namesAThing) || PERSON_KIND_HINT.test(d.definition) || (!!head && DEITY_HEAD.test(head)) || (kind !== "organization" && namesSomeone(d.definition));
      // "Who is <an analyst>?" is trivia for an exam.
      if (isPerson && COMMENTATOR_ROLE.test(d.definition) && !OFFICE_ROLE.test(d.definition)) continue;
      // "Who is Meenakshi Rao? → A deputy general manager…": someone the material only quotes is known to the reader by
      // the quote alone, so who they are is trivia (unless their role lasts: a founder, a ruler, a first holder).
      if (isPerson && isOnlyQuoted(pm, d.term, d.definition)) continue;
      // ("The Mahanavami Dibba" keeps its own article once; a name read as a person's and found to be a thing's — "Bande
      // Mataram", "Deepor Beel" — is asked as it is written, without one.)
      const ownArticle = /^The\s/.test(d.term);
      const term = d.term.replace(/^The\s+/, "");
      const needsArticle = !isPerson && (ownArticle || (kind !== "person" && definedTermTakesThe(pm, term)));
      // ("Who is the Nawab of Bengal?": an office "of" a place, or a term the text writes with its own "The", keeps its article.)
      const isOffice = isPerson && kind !== "person" && (ownArticle || /^\p{Lu}\p{Ll}+ of \p{Lu}/u.test(term));
      const front = isPerson ? `Who is ${isOffice ? "the " : ""}${term}?` : `What is ${needsArticle ? "the " : ""}${term}?`;
      const start = Math.min(d.termSpan.start, d.start);
      out.push(makeCard("qa", front, capitalize(d.definition), [evidenceOf(pm, start, Math.max(d.termSpan.end, d.end))], quality(corpus, { kind: "qa", asks: "definition", role: d.definition, refs: [refAt(corpus, pm, start)], text: front })));
    }
    for (const s of pm.sentences) {
      const m = /^(?:The\s+)?([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,5})\s+(?:was|were)\s+(formed|founded|established|created|set up|launched|signed|born)\s+in\s+((?:[A-Z][a-z]+\s+)?(?:19|20)\d{2})\b/.exec(s.text);
      // "It was launched in December 2000…": a pronoun or a determiner is no subject to ask about.
      if (m && !STOP_WORDS.has(m[1]!.split(/\s+/)[0]!.toLowerCase())) {
        const subject = /^The\s/.test(s.text) || isAcronym(m[1]!) ? `the ${m[1]}` : m[1]!;
        const front = `When was ${subject} ${m[2]}?`;
        const year = /(?:19|20)\d{2}/.exec(m[3]!)![0];
        out.push(makeCard("qa", front, year, [sentenceEvidence(pm, s)], quality(corpus, { kind: "qa", asks: "year", refs: [refAt(corpus, pm, s.start)], text: front })));
      }
    }
    // Alias cards from "also/commonly known as".
    for (const e of pm.entities) {
      if (e.aliases.length < 2) continue;
      const full = e.aliases.filter((a) => !isAcronym(a) && !/^the\s/i.test(a));
      const informal = full.filter((a) => nameKey(a) !== nameKey(e.name) && !e.acronym?.includes(a));
      for (const alias of informal) {
        // The whole name after "known as", in a sentence that names the thing itself: "…gateways, known as the Kakatiya Kala
        // Thoranam" makes "Kakatiya" no other name of "Mission Kakatiya".
        const base = e.acronym ?? e.name;
        const knownAs = new RegExp(String.raw`known as (the\s+)?${escapeRegExp(alias)}(?![\p{L}\p{N}])(?![^\S\n]+\p{Lu})`, "u");
        // (Not a name inside a phrase of place or role before "known as": "Derozio's circle at Hindu College, known as Young
        // Bengal" names the circle, "…especially as Waterfowl Habitat, commonly known as the Ramsar Convention" the treaty.)
        const inPhraseBefore = new RegExp(String.raw`\b(?:at|in|on|from|as)\s+(?:the\s+)?${escapeRegExp(base.replace(/^the\s+/i, ""))},?\s+(?:also\s+|commonly\s+|popularly\s+)?known as\b`, "iu");
        const sentence = pm.sentences.find((s) => knownAs.test(s.text) && !inPhraseBefore.test(s.text) && [e.name, e.acronym].some((n) => !!n && s.text.toLowerCase().includes(n.toLowerCase())));
        if (!sentence) continue;
        if (nameKey(base) === nameKey(alias)) continue;
        // "also known as Chanakya or Vishnugupta": either name answers "By what other name…?", so the card has no one key.
        const alternatives = new RegExp(String.raw`known as (?:the\s+)?(?:${escapeRegExp(alias)},?\s+or\s+(?:the\s+)?\p{Lu}|\p{Lu}[^,.;]{0,60}?,?\s+or\s+(?:the\s+)?${escapeRegExp(alias)}(?![\p{L}\p{N}]))`, "u");
        if (alternatives.test(sentence.text)) continue;
        // A person's name takes no article ("Dhondu Pant", "Nana Sahib"); the other name keeps the one the material gives it
        // ("known as the Mandovi").
        const article = e.kind === "person" || isPersonName(e.name) || /\s[IVX]+$/.test(e.name) ? "" : "the ";
        const front = `By what other name is ${article}${base.replace(/^the\s+/i, "")} commonly known?`;
        const answer = `${knownAs.exec(sentence.text)![1] ? "The " : ""}${alias}`;
        out.push(makeCard("qa", front, answer, [sentenceEvidence(pm, sentence)], quality(corpus, { kind: "qa", asks: "term", refs: [refAt(corpus, pm, sentence.start)], text: front })));
      }
    }
  }
  return out;
}

/**
 * "How many …?" cards from counts in subject position: "More than 2,500 civilians were killed in
 * 2024" → "How many civilians were killed in 2024?"; "A UN report estimated that at least 6,000
 * fighters operate from X" → "According to a UN report, how many fighters operate from X?".
 * Returns the cards and the sentences they used (so no cloze repeats them).
 */
export function howManyCards(materials: ProcessedMaterial[], corpus: Corpus): { cards: Card[]; used: Set<string> } {
  const cards: Card[] = [];
  const used = new Set<string>();
  for (const pm of materials) {
    for (const n of pm.numbers) {
      if (n.unit !== "count" || !/\d/.test(n.figure) || n.value < 2) continue;
      const sentence = pm.sentences[n.sentenceIndex];
      if (!sentence || !isStandalone(sentence) || used.has(`${pm.material.id}#${sentence.index}`)) continue;
      // Built from pieces of the sentence: only a sentence that needs no resolving.
      // (No lead is put before these: a sentence that leaves out what it is about makes none, unless it names its
      // section's subject itself.)
      if (inContext(sentence.text, pm, sentence) !== standaloneText(sentence.text) || lacksSubject(sentence.text, null, pm, sentence)) continue;
      const text = sentence.text;
      const offset = n.start - sentence.start;
      const before = text.slice(0, offset);
      let rest = text.slice(offset + n.text.length);
      let lead = "";
      if (before.trim() === "") lead = "";
      else {
        const that = /^(.{3,90}?)\s+(?:estimated|found|said|showed|reported|stated|noted|estimates|finds|says|shows|reports)\s+that\s+$/.exec(before);
        if (!that) continue;
        const source = that[1]!.replace(/^The\s/, "the ").replace(/^A\s/, "a ").replace(/^An\s/, "an ");
        lead = `According to ${source}, `;
      }
      // The clause that says what was counted, without trailing appositions or attribution.
      rest = rest.split(/,\s+(?:a|an|the|according|many|most|some|which|who|including|up|down)\b|;|\s+-\s+/)[0]!;
      // ("…are engaged in dairying, and women make up…", "…had been shut in and that only 23 survived": a second clause, with
      // a verb of its own before the next comma, is no part of what was counted; "…grow wheat, rice, and pulses" is a list.)
      const restAt = n.start + n.text.length;
      for (const m of rest.matchAll(/,\s+(?:and|but|while|whereas)\s|\s+and\s+that\s/g)) {
        const from = restAt + m.index + m[0].length;
        const to = from + (/^[^,;]*/.exec(rest.slice(m.index + m[0].length))?.[0].length ?? 0);
        if (sentence.tokens.some((t) => t.start >= from && t.end <= to && (t.pos === "VERB" || t.pos === "AUX"))) {
          rest = rest.slice(0, m.index);
          break;
        }
      }
      rest = rest.replace(/[.!?]$/, "").trim();
      const words = rest.split(/\s+/);
      if (words.length < 3 || words.length > 28 || /"/.test(rest)) continue;
      const restTokens = sentence.tokens.filter((t) => t.start >= n.end && t.start < n.end + rest.length + 1);
      if (!restTokens.some((t) => t.pos === "VERB" || t.pos === "AUX")) continue;
      const front = `${lead}${lead ? "how" : "How"} many ${rest}?`;
      const back = capitalize(n.text);
      used.add(`${pm.material.id}#${sentence.index}`);
      cards.push(makeCard("qa", front, back, [sentenceEvidence(pm, sentence)], quality(corpus, { kind: "qa", asks: "number", value: n.value, refs: [refAt(corpus, pm, sentence.start)], text: front })));
    }
  }
  return { cards, used };
}

/** All cards for a corpus: atomic, evidence-backed, deduplicated. */
export function generateCards(corpus: Corpus, slots: Slot[]): Card[] {
  const howMany = howManyCards(corpus.materials, corpus);
  const cards = [
    ...acronymCards(corpus.materials, corpus),
    ...qaCards(corpus.materials, corpus),
    ...explanationCards(corpus),
    ...conceptCards(corpus),
    ...effectCards(corpus),
    ...countedListCards(corpus),
    ...leadInListCards(corpus),
    ...termAcronymCards(corpus),
    ...howMany.cards,
    ...whoSaidCards(corpus.materials, corpus),
    ...timelineCards(corpus.materials, corpus),
    ...clozeCards(slots.filter((s) => !howMany.used.has(`${s.ref.pm.material.id}#${s.ref.sentence.index}`)), corpus),
  ];
  return dedupeCards(cards.filter((c) => c.front.length <= 600 && c.back.length <= 300));
}
