import { hash53, stableId } from "@/lib/material/hash";
import type { Corpus } from "./corpus";
import type { EvidenceSpan, Option, Question } from "./schemas";
import { blankedText, buildPools, nameSubtype, pickDistractors, type Slot } from "./slots";
import { endWithPeriod, sentenceEvidence } from "./text";
import { inContext } from "./context";
import { isAnswerGivenAway } from "./readability";
import { HEDGED_ATTRIBUTION, itemDefect, scoreItem } from "./quality";
import { lacksSubject, namingSubject, topicFor, withTopic, withTopicLead } from "./topic";

/** Words that give the figure after them as approximate ("around 1040", "c. 750", "some 3,000"). */
const APPROXIMATE_BEFORE = /\b(?:around|about|approximately|roughly|nearly|almost|some|circa|c\.|ca\.)\s*$/i;

/** Default time limits per item, in seconds (UPSC prelims allow ~72 s per item on average). */
export const TIME_LIMIT_SEC = { single_choice: 45, true_false: 30, numeric: 60, multi_statement: 90 } as const;

const LETTERS = ["a", "b", "c", "d", "e"];

function sourceLabel(slot: Slot): string {
  const m = slot.ref.pm.material;
  const title = m.title.length > 70 ? `${m.title.slice(0, 67).replace(/\s+\S*$/, "")}...` : m.title;
  return [m.outlet, title].filter(Boolean).join(", ") || m.source;
}

function cite(slot: Slot): string {
  return `Source (${sourceLabel(slot)}): "${slot.ref.sentence.text}"`;
}

function options(seed: string, correct: string, distractors: string[], evidence: EvidenceSpan[]): Option[] {
  const all = [{ text: correct, correct: true }, ...distractors.map((text) => ({ text, correct: false }))];
  const ordered = [...all].sort((a, b) => hash53(seed + a.text) - hash53(seed + b.text));
  return ordered.map((o, i) => ({ id: LETTERS[i] ?? String(i), text: o.text, correct: o.correct, ...(o.correct ? { evidence } : {}) }));
}

/** The slot's sentence with `value` in its place, standing alone: with the section's subject before it when it needs one. */
function filled(slot: Slot, value: string): string | null {
  const { sentence } = slot.ref;
  const text = sentence.text.slice(0, slot.start - sentence.start) + value + sentence.text.slice(slot.end - sentence.start);
  const read = inContext(text, slot.ref.pm, sentence);
  if (!read) return null;
  const resolved = namingSubject(read, slot.ref.pm, sentence);
  const lead = topicFor(resolved, slot.ref.pm, sentence, [slot.answer, value]);
  return lacksSubject(resolved, lead, slot.ref.pm, sentence) ? null : withTopic(endWithPeriod(resolved), lead);
}


function slotQuality(corpus: Corpus, slot: Slot, kind: Question["kind"] | "multi_statement", text: string, slots: Slot[] = [slot]): Question["quality"] {
  return scoreItem(corpus, { kind, asks: slot.type, ...(slot.key ? { answerName: slot.answer } : {}), ...(slot.unit ? { unit: slot.unit } : {}), ...(slot.value !== undefined ? { value: slot.value } : {}), refs: slots.map((s) => s.ref), text });
}

/** A name named in more than this share of the set's sentences is too common to set a circle (`sharesCircle`). */
const CIRCLE_COMMON_SHARE = 0.05;

/**
 * Is `name` named in some sentence of the material together with another of the names the slot's sentence gives (not the
 * answer, nor one the material names in more than CIRCLE_COMMON_SHARE of its sentences unless those are all it gives), and
 * not already one of them under another name? A sentence that names nothing else sets no circle, and any name of the kind
 * may be swapped in.
 */
export function sharesCircle(corpus: Corpus, slot: Slot, name: string): boolean {
  const own = `@${corpus.aliases.key(name)}`;
  const answer = `@${slot.key ?? corpus.aliases.key(slot.answer)}`;
  // "either the Council of States or the Rajya Sabha": a name the sentence already gives under another name.
  if (slot.ref.terms.has(own)) return false;
  // A name the material keeps naming (the country or the body it is about) sits beside everyone and sets no circle.
  const common = Math.max(3, corpus.refs.length * CIRCLE_COMMON_SHARE);
  const named = [...slot.ref.terms].filter((t) => t.startsWith("@") && t !== answer && t !== own);
  const rare = named.filter((t) => (corpus.byTerm.get(t)?.length ?? 0) <= common);
  // (When every other name is a common one — a short note, a sentence about the protagonists — those set the circle.)
  const others = rare.length ? rare : named;
  if (!others.length) return true;
  return (corpus.byTerm.get(own) ?? []).some((ref) => ref !== slot.ref && others.some((t) => ref.terms.has(t)));
}

/** Why a prelims statement could not stand as a true/false item of its own, or null. */
function statementDefect(text: string, evidence: EvidenceSpan[]): string | null {
  return itemDefect({ id: "statement", kind: "true_false", prompt: `True or false? ${text}`, answer: "true", explanation: "", marks: 1, timeLimitSec: 1, evidence });
}

const SLOT_NOUN: Record<Slot["type"], string> = { number: "figure", year: "date", person: "person", place: "place", actor: "name", term: "term" };

/**
 * Objective questions from the slots: single choice (same-type distractors the material does not
 * state for the slot), true/false (the statement as written or minimally altered), numeric (figures),
 * and UPSC-prelims multi-statement items built from three statements of one material.
 * At most one question per sentence, so a quiz does not ask the same fact twice.
 */
/** A true/false item on `statement`: the slot's sentence with its answer, or with `swap` in its place (then false). */
function trueFalseQuestion(corpus: Corpus, slot: Slot, statement: string, isTrue: boolean, swap: string): Question {
  return {
    id: stableId("q", "tf", slot.ref.pm.material.id, slot.start, slot.end),
    kind: "true_false",
    prompt: `True or false? ${statement}`,
    answer: isTrue ? "true" : "false",
    explanation: isTrue ? `True. ${cite(slot)}` : `False: the ${SLOT_NOUN[slot.type]} is ${slot.answer}, not ${swap}. ${cite(slot)}`,
    marks: 1,
    timeLimitSec: TIME_LIMIT_SEC.true_false,
    evidence: [sentenceEvidence(slot.ref.pm, slot.ref.sentence)],
    quality: slotQuality(corpus, slot, "true_false", statement),
  };
}

export function generateObjectiveQuestions(corpus: Corpus, slots: Slot[]): Question[] {
  const pools = buildPools(corpus, slots);
  const out: Question[] = [];
  const usedSentence = new Set<string>();
  const statementBank = new Map<string, Array<{ text: string; isTrue: boolean; slot: Slot; correction: string; swap: string }>>();
  const turns = new Map<Slot["type"], number>();
  for (const slot of slots) {
    const sKey = `${slot.ref.pm.material.id}#${slot.ref.sentence.index}`;
    if (usedSentence.has(sKey)) continue;
    const blank = blankedText(slot);
    // Related terms share properties (HCFCs and HFCs both replace CFCs): a statement with another term
    // swapped in cannot be checked against the material, and a choice of terms may have two answers.
    // A term is asked by a cloze card only.
    if (!blank || slot.type === "term") continue;
    // A year after "since" or a figure after "over" is a bound: neighbouring values are true too, so no
    // choice, true/false or statement item may offer one. A bounded figure is still asked as itself (numeric).
    if (slot.isOpenRange && slot.type !== "number") continue;
    const evidence = [sentenceEvidence(slot.ref.pm, slot.ref.sentence)];
    // "around 1040", "about 1,200 villages": a figure the material gives as approximate is not made false by a near one
    // ("around 1038"), nor is a near one a wrong option beside it — a year must be 10 away, another figure a quarter.
    const textBefore = slot.ref.sentence.text.slice(0, slot.start - slot.ref.sentence.start);
    const textAfter = slot.ref.sentence.text.slice(slot.end - slot.ref.sentence.start);
    const isApproximate = (slot.type === "year" || slot.type === "number") && APPROXIMATE_BEFORE.test(textBefore);
    const farEnough = (d: string) => {
      const value = Number(/\d[\d,]*(?:\.\d+)?/.exec(d)?.[0].replace(/,/g, "") ?? NaN);
      const answer = slot.value ?? NaN;
      if (!isApproximate || !Number.isFinite(value) || !Number.isFinite(answer)) return true;
      return slot.type === "year" ? Math.abs(value - answer) >= 10 : Math.abs(value - answer) >= Math.abs(answer) * 0.25;
    };
    // "reigned from roughly _____ or 775 to about 810": a year swapped in must still open the span before it closes (and
    // close it after it opens), or the false statement gives itself away.
    // (Years before the era run the other way: "from about 3200 to 2600 BCE".)
    const isYearLike = (slot.type === "year" || (slot.type === "number" && /^\d{3,4}$/.test(slot.answer))) && !/^[^.;]{0,40}?\b(?:BCE|BC|B\.C\.?)(?![\p{L}])/u.test(textAfter);
    const spanEnd = isYearLike ? Number(/^\s*(?:or\s+\d{3,4}\s+)?(?:to|until|till|–|-)\s*(?:about\s+|around\s+|roughly\s+|c\.\s*)?(\d{3,4})\b/.exec(textAfter)?.[1] ?? NaN) : NaN;
    const spanStart = isYearLike ? Number(/\b(?:from|between)\s+(?:about\s+|around\s+|roughly\s+|c\.\s*)?(\d{3,4})\s*(?:or\s+\d{3,4}\s*)?(?:to|and|–|-)\s*(?:about\s+|around\s+|roughly\s+|c\.\s*)?$/.exec(textBefore)?.[1] ?? NaN) : NaN;
    const fitsSpan = (d: string) => {
      const value = Number(/\d{3,4}/.exec(d)?.[0] ?? NaN);
      return !Number.isFinite(value) || ((!Number.isFinite(spanEnd) || value < spanEnd) && (!Number.isFinite(spanStart) || value > spanStart));
    };
    const distractors = pickDistractors(corpus, pools, slot, 3).filter((d) => farEnough(d) && fitsSpan(d));
    // A false statement must stay plausible: a place is swapped only for a place of the same kind.
    // A year swapped by one is a quibble, not a falsehood a learner should catch.
    // A name swapped in must belong to the same circle: named somewhere beside one of the other people, places or bodies
    // the sentence names ("…gave up legal practices, as did Mustafa Kemal in Gujarat", "a committee under Jinnah to
    // inquire into the disturbances" make statements nobody could believe) — and not one the sentence names another way
    // ("attacked Chinese staff at a mining project in China").
    const swap = slot.isOpenRange ? undefined : distractors.find((d) => (slot.type !== "place" || nameSubtype(d) === nameSubtype(slot.answer)) && (slot.type !== "year" || Math.abs(Number(/\d{4}/.exec(d)?.[0] ?? 0) - (slot.value ?? 0)) >= 2) && !slot.ref.sentence.text.includes(d) && (!slot.key || (sharesCircle(corpus, slot, d) && !isAnswerGivenAway(slot.ref.sentence.text, d, corpus.aliases))));
    const id = (kind: string) => stableId("q", kind, slot.ref.pm.material.id, slot.start, slot.end);
    const seed = `${slot.ref.pm.material.id}:${slot.start}`;
    // Each kind of fact cycles through the question kinds on its own, so figures still get numeric
    // items however many names or years come between them.
    const turn = turns.get(slot.type) ?? 0;
    turns.set(slot.type, turn + 1);
    const first = turn % 4;
    // A true statement needs no value to swap in: a slot with no plausible swap (none of the sentence's circle, say) still
    // makes one, one time in four — more would tilt the statements towards true ("1, 2 and 3" was the key of about a quarter
    // of the prelims items on the 106 texts of test/generate at the time, against 15 of 97 before) and, as a prelims item takes three sentences that
    // could each make an item of their own, thin a short set. A slot with a swap is stated true or altered, half and half.
    const statementIsTrue = swap ? hash53(seed) % 2 === 0 : hash53(seed) % 4 === 0;
    // "Some analysts worry that…", "Experts say…": what an unnamed group thinks is no statement to judge true or false (a
    // swapped value cannot be shown false from the material); the slot is asked as a choice or a numeric item instead.
    const isHedged = HEDGED_ATTRIBUTION.test(slot.ref.sentence.text);
    // The rotating kind first; when the slot cannot make it, the next kind that it can.
    let made = false;
    for (const variant of [first, 0, 2, 1].filter((v, i, all) => all.indexOf(v) === i)) {
    if (made) break;
    if (variant === 3 && !isHedged && (swap || statementIsTrue)) {
      // Banked for a multi-statement item.
      const isTrue = statementIsTrue;
      const text = isTrue || !swap ? filled(slot, slot.answer) : filled(slot, swap);
      // A statement that could not stand as an item of its own would sink the whole prelims item.
      if (text && !statementDefect(text, evidence)) {
        // One bank for the whole set: a prelims item may combine statements from several sources.
        const list = statementBank.get("set") ?? [];
        list.push({ text, isTrue, slot, correction: slot.answer, swap: swap ?? "" });
        statementBank.set("set", list);
        usedSentence.add(sKey);
        made = true;
        continue;
      }
    }
    // A figure with a scale word ("2.5 million") is not typed as a bare number: no numeric item for it.
    const numericLead = variant === 2 ? topicFor(blank, slot.ref.pm, slot.ref.sentence, [slot.answer]) : null;
    if (variant === 2 && slot.type === "number" && slot.value !== undefined && /^\D*[\d,]+(?:\.\d+)?\D*$/.test(slot.answer) && !/\b(?:thousand|million|billion|trillion|lakhs?|crores?|bn|mn|tn)\b|\d\s?[kmb]\b/i.test(slot.answer) && !lacksSubject(blank, numericLead, slot.ref.pm, slot.ref.sentence)) {
      const numberText = /[\d,]+(?:\.\d+)?/.exec(slot.answer)![0];
      out.push({
        id: id("numeric"),
        kind: "numeric",
        // A bound ("fewer than _____") is asked as the figure the material states, not as any figure that fits.
        prompt: `${withTopicLead(numericLead, slot.isOpenRange ? "give the figure the material states" : "give the missing figure")}: ${blank}`,
        answer: numberText.replace(/,/g, ""),
        tolerance: 0,
        ...(slot.answer.replace(numberText, "").trim() ? { unit: slot.answer.replace(numberText, "").trim() } : {}),
        explanation: `The material gives ${slot.answer}. ${cite(slot)}`,
        marks: 1,
        timeLimitSec: TIME_LIMIT_SEC.numeric,
        evidence,
        quality: slotQuality(corpus, slot, "numeric", blank),
      });
      usedSentence.add(sKey);
      made = true;
      continue;
    }
    if (variant === 1 && swap && !isHedged) {
      const isTrue = hash53(`${seed}tf`) % 2 === 0;
      const statement = isTrue ? filled(slot, slot.answer) : filled(slot, swap);
      if (statement) {
        out.push(trueFalseQuestion(corpus, slot, statement, isTrue, swap));
        usedSentence.add(sKey);
        made = true;
        continue;
      }
    }
    const choiceLead = variant === 0 ? topicFor(blank, slot.ref.pm, slot.ref.sentence, [slot.answer, ...distractors]) : null;
    if (variant === 0 && distractors.length >= 3 && !slot.isOpenRange && !lacksSubject(blank, choiceLead, slot.ref.pm, slot.ref.sentence)) {
      out.push({
        id: id("mcq"),
        kind: "single_choice",
        prompt: `${withTopicLead(choiceLead, `which ${SLOT_NOUN[slot.type]} completes the statement?`)} ${blank}`,
        options: options(seed, slot.answer, distractors, evidence),
        explanation: `${slot.answer}. ${cite(slot)}`,
        marks: 1,
        timeLimitSec: TIME_LIMIT_SEC.single_choice,
        evidence,
        quality: slotQuality(corpus, slot, "single_choice", blank),
      });
      usedSentence.add(sKey);
      made = true;
    }
    }
  }
  // Multi-statement items, three statements each, from one material.
  for (const [materialId, bank] of statementBank) {
    for (let i = 0; i + 3 <= bank.length; i += 3) {
      const group = bank.slice(i, i + 3);
      const correctSet = group.flatMap((s, j) => (s.isTrue ? [j + 1] : []));
      const label = (set: number[]) => (set.length === 0 ? "None of the above" : set.length === 3 ? "1, 2 and 3" : set.length === 1 ? `${set[0]} only` : `${set[0]} and ${set[1]} only`);
      const candidates = [[1], [2], [3], [1, 2], [1, 3], [2, 3], [1, 2, 3], []];
      const correctLabel = label(correctSet);
      const seed = `${materialId}:${group[0]!.slot.start}`;
      const wrong = candidates
        .map(label)
        .filter((l) => l !== correctLabel)
        .sort((a, b) => hash53(seed + a) - hash53(seed + b))
        .slice(0, 3);
      const opts = [correctLabel, ...wrong]
        .sort((a, b) => candidates.findIndex((c) => label(c) === a) - candidates.findIndex((c) => label(c) === b))
        .map((text, k) => ({ id: LETTERS[k]!, text, correct: text === correctLabel, ...(text === correctLabel ? { evidence: group.map((s) => sentenceEvidence(s.slot.ref.pm, s.slot.ref.sentence)) } : {}) }));
      const prompt = ["Consider the following statements:", ...group.map((s, j) => `${j + 1}. ${s.text}`), "Which of the statements given above is/are correct?"].join("\n");
      const explanation = group
        .map((s, j) => (s.isTrue ? `${j + 1} is correct. ` : `${j + 1} is incorrect: the ${SLOT_NOUN[s.slot.type]} is ${s.correction}. `) + cite(s.slot))
        .join("\n");
      out.push({
        id: stableId("q", "multi", materialId, ...group.map((s) => `${s.slot.ref.pm.material.id}:${s.slot.start}`)),
        kind: "single_choice",
        prompt,
        options: opts,
        explanation,
        marks: 2,
        timeLimitSec: TIME_LIMIT_SEC.multi_statement,
        evidence: group.map((s) => sentenceEvidence(s.slot.ref.pm, s.slot.ref.sentence)),
        quality: slotQuality(corpus, group[0]!.slot, "multi_statement", prompt, group.map((s) => s.slot)),
      });
    }
    // The one or two statements left over make no prelims item; each is still asked, as a true/false item, rather than
    // lost with the sentence it took.
    for (const s of bank.slice(bank.length - (bank.length % 3))) out.push(trueFalseQuestion(corpus, s.slot, s.text, s.isTrue, s.swap));
  }
  return out;
}
