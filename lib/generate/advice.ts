import type { ProcessedMaterial, Sentence } from "@/lib/material/schemas";
import { escapeRegExp } from "@/lib/text/regexp";
import cues from "./advice-cues.json";

/**
 * Advice is no fact to test: an order the writer gives ("Gradually tighten the targets…" under "Way forward") and a clause
 * that pins what something needs or depends on on the writer's judgment ("its credibility will rest on…"). Not advice: a
 * scheme's targets, goals or provisions, though they open with a verb ("Targets: – Reduce the toll to 5 per cent by
 * 2030"), and a forecast a named source made ("…, the weather office said"). Cue words in advice-cues.json.
 */

const phrase = (list: string[]) => list.map((c) => escapeRegExp(c).replace(/\s+/g, String.raw`\s+`)).join("|");
const words = (list: string[]) => new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${phrase(list)})(?![\p{L}\p{N}])`, "iu");

/** A recommendation cue beyond the modal verbs `OPINION` holds ("will depend on", "the way forward is"). */
export const RECOMMENDATION = words(cues.recommendationCues);
const ATTRIBUTION = words(cues.attributionCues);
const ADVICE_LABEL = words(cues.adviceLabels);
const TARGET_LABEL = words(cues.targetLabels);
/** "to 5 per cent", "by 2030", "by March 2031", "to below 28 per 1,000": what an order sets out to reach. */
const TARGET = new RegExp(
  String.raw`(?<![\p{L}])(?:${phrase(cues.targetLeads)})\s+(?:(?:${phrase(cues.targetBounds)})\s+)?(?:\p{Lu}\p{Ll}+\s+)?(?:[₹$€£]\s*)?\d`,
  "u",
);
const VERB_PARTICLES = new Set(cues.verbParticles);
const LEADING_ADVERBS = new Set(cues.leadingAdverbs);
const SUBORDINATORS = new Set(cues.subordinators.filter((w) => !/\s/.test(w)));

/**
 * The spans (offsets into `text`) of the clauses, split at ";", that hold a recommendation cue and name no source for it
 * ("Kharif output will depend on the rains, the weather office said" names one; so does "according to"): a blank inside
 * one is the writer's judgment; a blank in another clause of the sentence is a fact of its own.
 */
export function recommendationClauses(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (const part of text.split(/(?<=;)/)) {
    if (RECOMMENDATION.test(part) && !ATTRIBUTION.test(part)) out.push([start, start + part.length]);
    start += part.length;
  }
  return out;
}

/** Is the whole sentence advice by a recommendation cue: every clause holds an unattributed one? */
export function isRecommendation(text: string): boolean {
  const spans = recommendationClauses(text);
  return spans.reduce((n, [a, b]) => n + (b - a), 0) >= text.length;
}

const tokenText = (sentence: Sentence, i: number) => sentence.text.slice(sentence.tokens[i]!.start - sentence.start, sentence.tokens[i]!.end - sentence.start);
/** Past the adverbs an order may open with ("Gradually", "Also"; not "When"): the index of its head word. */
function headIndex(sentence: Sentence): number {
  let i = 0;
  while (i < sentence.tokens.length && sentence.tokens[i]!.pos === "ADV" && (/ly$/i.test(tokenText(sentence, i)) || LEADING_ADVERBS.has(tokenText(sentence, i).toLowerCase()))) i++;
  return i;
}

/**
 * Does the sentence, from token `from` on, have a clause of its own: an auxiliary, or a finite verb ("widened", "rose")
 * after a word that may be its subject — not one inside a phrase a preposition opened ("children aged 0-6", "land
 * acquired for…"), until a comma ends it, nor one after a determiner (the tagger reads "everything" as a verb), nor
 * anything past a word that opens another clause ("…if work is not given", "…whose members ask").
 */
function hasOwnClause(sentence: Sentence, from: number, baseFormsCount: boolean): boolean {
  let inPhrase = false;
  for (let k = from; k < sentence.tokens.length; k++) {
    const t = sentence.tokens[k]!;
    const w = tokenText(sentence, k).toLowerCase();
    if (SUBORDINATORS.has(w) || t.pos === "SCONJ") return false;
    if (t.pos === "PUNCT") {
      if (/[,;:—–]/.test(w)) inPhrase = false;
      continue;
    }
    if (t.pos === "ADP") {
      inPhrase = true;
      continue;
    }
    if (inPhrase) continue;
    if (t.pos === "AUX") return true;
    const previous = sentence.tokens[k - 1]?.pos ?? "";
    if (t.pos !== "VERB" || /^(?:DET|ADP|PART)$/.test(previous)) continue;
    if (w !== t.lemma && !w.endsWith("ing")) return true;
    // "States lack the funds": a base form after a noun is a present tense, where an order's head word has no subject.
    if (baseFormsCount && w === t.lemma && /^(?:NOUN|PROPN|PRON)$/.test(previous)) return true;
  }
  return false;
}

/**
 * Is the sentence an order — "Gradually tighten the targets and move towards caps", "Keep the wharf open to grain ships"
 * — advice with no subject? Its first word past an adverb is a verb in its base form (by the tagger), not one that opens
 * a participle phrase ("Set up in 1998, the office…": a preposition or a comma follows, past a particle such as "up",
 * though not a bound on a figure: "Provide at least 100 days…"); and nothing later reads as a clause of its own
 * (`hasOwnClause`: "Trade deficit widened…" is a statement).
 */
export function isImperative(sentence: Sentence): boolean {
  const i = headIndex(sentence);
  const head = sentence.tokens[i];
  if (!head || head.pos !== "VERB" || tokenText(sentence, i).toLowerCase() !== head.lemma || !/^\p{Lu}/u.test(sentence.text.trimStart())) return false;
  let next = i + 1;
  if (sentence.tokens[next] && VERB_PARTICLES.has(tokenText(sentence, next).toLowerCase())) next++;
  const after = sentence.tokens[next];
  if (!after || after.pos === "PUNCT") return false;
  const rest = sentence.text.slice(after.start - sentence.start);
  if (after.pos === "ADP" && !new RegExp(String.raw`^(?:${phrase(cues.targetBounds)})\s+[₹$€£]?\d`, "iu").test(rest)) return false;
  return !hasOwnClause(sentence, next, false);
}

/** The text of a block, trimmed. */
const blockText = (pm: ProcessedMaterial, b: number) => pm.material.text.slice(pm.blocks[b]!.start, pm.blocks[b]!.end).trim();
/** A short line with no closing stop, in capitals or not a bullet: a heading the segmenter did not mark. */
function isHeadingLine(text: string): boolean {
  if (/[.!?;,]$/.test(text) || text.split(/\s+/).length > 8) return false;
  return !/\p{Ll}/u.test(text) || !/^[-•*–—]/u.test(text);
}

/** What a label opens: advice ("Way forward", "Suggestions:"), targets ("Targets:", "Provisions of the Act:"), or neither. */
function labelKind(label: string): "advice" | "target" | null {
  if (ADVICE_LABEL.test(label)) return "advice";
  if (TARGET_LABEL.test(label)) return "target";
  return null;
}

/**
 * What the sentence's bullet or line stands under: the nearest lead-in line before it that ends in ":" (across the
 * bullets and lines between, within its section; its last sentence: "…, the mission set four targets:") or line that
 * reads as a heading ("10. WAY FORWARD"), else its heading.
 */
export function sectionKind(pm: ProcessedMaterial, sentence: Sentence): "advice" | "target" | null {
  const block = pm.blocks[sentence.blockIndex];
  if (!block || block.kind === "heading") return null;
  for (let b = sentence.blockIndex - 1; b >= 0; b--) {
    const previous = pm.blocks[b]!;
    if (previous.kind === "heading") break;
    const text = blockText(pm, b);
    if (/:$/.test(text)) return labelKind(text.split(/(?<=[.!?])\s+/).pop()!);
    // A line that reads as a heading the segmenter did not mark ("10. WAY FORWARD", "Way forward"): short, with no
    // closing stop, in capitals or with no bullet mark. Its label is the section's, whatever it is.
    if (isHeadingLine(text)) return labelKind(text);
  }
  return block.headingIndex !== undefined ? labelKind(blockText(pm, block.headingIndex)) : null;
}

/**
 * Is the sentence an order, no fact to test? Under advice ("Way forward"), any bullet or line that is an order or has no
 * clause of its own ("Greater use of audits", "Increase spending to 2.5 per cent", however the tagger reads its first
 * word); under targets or provisions, none (they state a scheme's goals); elsewhere, an order that names no figure or
 * year to reach ("Reduce the toll to 5 per cent by 2030" is a target; "Keep the wharf open" is advice).
 */
export function isOrder(pm: ProcessedMaterial, sentence: Sentence): boolean {
  const kind = sectionKind(pm, sentence);
  if (kind === "target") return false;
  if (kind === "advice") return isImperative(sentence) || !hasOwnClause(sentence, headIndex(sentence) + 1, true);
  return isImperative(sentence) && !TARGET.test(sentence.text);
}
