import type { Definition, Sentence } from "./schemas";
import { textOfToken, tokenText } from "./segment";

const NAME = String.raw`[A-Z][\w'-]*(?:\s+(?:of\s+|for\s+|the\s+|&\s+)*[A-Z][\w'-]*){0,6}(?:\s+\([A-Z][A-Za-z-]{1,8}\))?`;
const NOT_A_TERM = /^(?:It|They|He|She|This|That|These|Those|There|Here|However|But|And|The|A|An|In|On|At|Since|When|While|As|If|Then|Yet|So|Also)$/;
/** A sentence's opening prepositional phrase up to a name: "Under his successor ", "To reach ", "In ". */
const OPENING_PREPOSITION = /^\W*(?:To|In|On|At|By|For|With|From|During|Under|Over|Unlike|Like|Despite|Through|Across|Against|Beyond|Within|Without|Among|Following|Upon|Along|Besides|Near|Inside|Outside|Beginning|Starting)\b[^,;:]*$/;
/**
 * An opening subordinate clause or phrase up to a name, whether or not it has a verb: "Because the PSLV could not send
 * it towards ", "Since Dalhousie annexed ", "After ", "Once in power ".
 */
const OPENING_CLAUSE = /^\W*(?:When|While|Although|Though|Because|Unless|Whereas|If|As|Once|Where|Since|After|Before|Until|Till)\b[^,;:]*$/;
/** A description that would not read out of context or is a clause, not a noun phrase. */
const CONTEXT_BOUND = /\b(?:this|these|those|that|such|it|its|they|them|their|he|she|his|her|which|who|whom|said|says|told)\b/i;

function push(out: Definition[], s: Sentence, term: string, termStart: number, def: string, defStart: number) {
  const definition = def.trim().replace(/[,;]$/, "");
  if (definition.split(/\s+/).length < 2 || definition.split(/\s+/).length > 24 || CONTEXT_BOUND.test(definition)) return;
  const cleanTerm = term
    .replace(/\s+\([A-Z][A-Za-z-]{1,8}\)$/, "")
    .replace(/^[A-Z][\w]*-(?:based|led|backed)\s+/, "")
    .replace(/^(?:(?:Dr|Mr|Mrs|Ms|Prof|Gen)\.?\s+)+(?=[A-Z])/, "");
  if (NOT_A_TERM.test(cleanTerm)) return;
  out.push({
    sentenceIndex: s.index,
    term: cleanTerm,
    definition,
    start: s.start + defStart,
    end: s.start + defStart + definition.length,
    termSpan: { start: s.start + termStart + term.indexOf(cleanTerm), end: s.start + termStart + term.indexOf(cleanTerm) + cleanTerm.length },
  });
}

/** The sentence's tokens inside its text from `start` (`length` characters). */
function tokensWithin(s: Sentence, start: number, length: number): Sentence["tokens"] {
  return s.tokens.filter((t) => t.start - s.start >= start && t.end - s.start <= start + length);
}

/**
 * Is the head of the noun phrase in the sentence's text from `start` (`length` characters) a plural — its last noun before
 * any preposition or verb ("the first cheetahs born on Indian soil", "the states and local bodies"; not "the sports
 * minister of Veldra", "a think tank monitoring terrorism trends")?
 */
function headIsPlural(s: Sentence, start: number, length: number): boolean {
  const inside = tokensWithin(s, start, length);
  // The phrase's own words end at the first preposition or verb ("an industry body representing many smaller makers").
  // (So does a word in -ing right after a noun, however it is tagged — "a think tank monitoring terrorism trends" —, not
  // "the students' wing", "a long building".)
  const end = inside.findIndex((t, k) => t.pos === "ADP" || t.pos === "VERB" || t.pos === "AUX" || (k > 0 && inside[k - 1]!.pos === "NOUN" && /ing$/.test(textOfToken(s, t))));
  const head = (end >= 0 ? inside.slice(0, end) : inside).findLast((t) => t.pos === "NOUN");
  if (!head) return false;
  const word = textOfToken(s, head);
  return head.lemma.toLowerCase() !== word.toLowerCase() && /s$/.test(word);
}

/** Does the text from `start` (`length` characters) open with "the", capitalised words only, then a word tagged as a verb? */
function startsWithNameAndVerb(s: Sentence, start: number, length: number): boolean {
  const inside = tokensWithin(s, start, length);
  const word = (k: number) => textOfToken(s, inside[k]);
  if (!/^the$/i.test(word(0))) return false;
  let k = 1;
  while (k < inside.length && (/^\p{Lu}[\p{L}\p{M}-]*$/u.test(word(k)) || (/^(?:of|and|for)$/.test(word(k)) && /^\p{Lu}/u.test(word(k + 1))))) k++;
  return k > 1 && (inside[k]?.pos === "VERB" || /^(?:set|took|made|became|began|won|led|went|gave|held|kept|left|lost|sent|built)$/.test(word(k)));
}

/** Is there a verb in the sentence's text between offsets `start` and `end` (not a word tagged so after a preposition or an article: "an emphasis on conduct")? */
function hasVerbIn(s: Sentence, start: number, end: number): boolean {
  return s.tokens.some((t, i) => t.start - s.start >= start && t.end - s.start <= end && (t.pos === "VERB" || t.pos === "AUX") && s.tokens[i - 1]?.pos !== "ADP" && !/^(?:a|an|the)$/i.test(tokenText(s, i - 1)));
}

/** Does a verb come before this offset of the sentence ("In 1969 the government set up … under Vikram Sarabhai")? */
function hasVerbBefore(s: Sentence, offset: number): boolean {
  // "To reach Mars": the infinitive is the opening phrase's own, not a main clause's verb.
  return s.tokens.some((t, i) => t.start - s.start < offset && (t.pos === "VERB" || t.pos === "AUX") && !/^to$/i.test(tokenText(s, i - 1)));
}

/**
 * Definitions and descriptions: appositives ("Asim Munir, Pakistan's chief of army staff,"),
 * "X, which is the Y", copular openings ("The TTP is a militant alliance …") and "X refers to/means Y".
 * Descriptions that lean on context (this, their, which…) are skipped.
 */
export function extractDefinitions(s: Sentence): Definition[] {
  const out: Definition[] = [];
  const text = s.text;
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\w'-])(${NAME}),\s+(?:which is\s+|who is\s+)?((?:an?|the|[A-Z][\w-]*'s)\s+[^,;:"()]{3,160}?)(?=,|\.|;|$)`, "g"))) {
    const term = m[1]!;
    const before = text.slice(0, m.index);
    if (/\b(?:and|or|&)\s+$/.test(before)) continue; // "X and Y, the two provinces": the description covers both
    if (/\b(?:such as|including|like|namely)\s+(?:the\s+)?$/.test(before) || /,\s*$/.test(before)) continue; // an item of a list
    if (NOT_A_TERM.test(term.split(/\s+/)[0]!) && term.split(/\s+/).length === 1) continue;
    // "M. C. Mehta v. Union of India, the oleum gas leak case…": the second party of a case, whose name the description
    // is not; "a human-rated LVM3, a crew module and service module, a crew escape system…": a name inside an indefinite
    // noun phrase, which a list of them goes on from. ("a colossal Nandi, the bull mount of Shiva" describes it.)
    if (/\b(?:v|vs|versus)\.?\s+$/i.test(before)) continue;
    if (/(?:^|\s)an?\s+(?:(?!(?:of|in|at|for|from|with|by|on|to|and|or)\s)[\p{Ll}-]+\s+){0,2}$/u.test(before) && /^an?\s/i.test(m[2]!) && /^,\s+(?:(?:and|or)\s+)?an?\s/.test(text.slice(m.index + m[0].length))) continue;
    const defStart = m.index + m[0].length - m[2]!.length;
    // The description must end the appositive (a comma or the end follows), not start a clause.
    const after = text.slice(defStart + m[2]!.length);
    // "Because the PSLV could not send it towards Mars, the spacecraft used….", "Under Akbar, the empire grew.": the comma
    // closes an opening phrase, and what runs on to the sentence's end is the main clause, not a description of the name.
    // (An appositive a second comma closes stays: "With the support of Homi Bhabha, the architect of the atomic
    // programme, the government…"; so does one after a main clause: "In 1969 the government set up ISRO under Vikram
    // Sarabhai, a physicist.")
    if (!after.startsWith(",") && (OPENING_CLAUSE.test(before) || (OPENING_PREPOSITION.test(before) && !hasVerbBefore(s, m.index)))) continue;
    if (!/^(?:,|\.|;|$)/.test(after) || /^,\s*(?:(?:also|commonly)\s+)?(?:known|called|referred)\b/.test(after)) continue;
    const desc = m[2]!;
    if (/\b(?:is|are|was|were|has|have|had|will|would|can|could)\b/.test(desc)) continue;
    // "devotion to one God, the need for a guru, a rejection of ritual, and…": one item of a list, not a description — what
    // follows is another noun phrase and no verb runs on to the sentence's end. ("With the support of Homi Bhabha, the
    // architect of the programme, the government built…": a main clause follows.)
    // ("Parliament, the executive, and the courts" too; "Kiran Dev, a poet from Ostra, the same year" has no "and" or "or"
    // to be a list, and "Sambodhi, the site of the enlightenment, and he later visited…" goes on with a clause.)
    const rest = after.split(/[;:]/)[0]!;
    const restIsPhrase = !hasVerbIn(s, defStart + desc.length, defStart + desc.length + rest.length);
    if (/^,\s+(?:and\s+(?:an?\s|the\s|\p{Lu})|or\s+(?:an?|the)\s)/u.test(rest) && restIsPhrase) continue;
    if (/^,\s+(?:an?|the)\s/.test(rest) && /\b(?:and|or)\b/.test(rest) && restIsPhrase) continue;
    // "…several factors: the absence of a law of succession, the overextension of the empire, the sack of Delhi by Timur, the
    // rise of regional kingdoms…": the name ends one item of a list that runs before it, and the description is the next.
    // (Not "Daulat Khan, the governor of Punjab, and Alam Khan, an uncle, invited Babur, …": a verb comes between. Not an
    // appositive's comma — "Aran Dev, the finance minister," — nor an opening phrase's — "By 1600, the end of his reign,";
    // and only when no verb follows the description: "…, the army of Babur, the ruler of Kabul, defeated Ibrahim Lodi".)
    const segmentStart = Math.max(before.lastIndexOf(":"), before.lastIndexOf(";")) + 1;
    const segment = before.slice(segmentStart);
    const items = [...segment.matchAll(/,\s+(?:the|an?)\s/g)].filter((c) => {
      const lead = segment.slice(0, c.index);
      return !/\p{Lu}[\p{L}\p{M}'’-]*$/u.test(lead) && !(segmentStart === 0 && (OPENING_PREPOSITION.test(lead) || OPENING_CLAUSE.test(lead)));
    });
    const lastItem = items.at(-1);
    if (items.length >= 2 && lastItem && restIsPhrase && !hasVerbIn(s, segmentStart + lastItem.index, m.index)) continue;
    // "India, the United States, and Japan signed…", "Kerala, the Andaman Islands, or Goa": "the" and a name before ", and"
    // is the next name of a list, whatever verb follows. ("Shuja-ud-Daula, the Nawab of Awadh, and Mir Qasim…" describes
    // him: a title with "of" is a description.)
    if (/^,\s+(?:and|or)\s/.test(rest) && /^the\s+\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)*$/u.test(desc)) continue;
    // "Instead, the Company annexed the kingdom…", "Unlike the Chishtis, the Suhrawardis accepted…": a name and its verb
    // after the comma are the main clause, not a description. ("the Haryana breed of buffalo", "the Maratha Empire's
    // celebrated general" have no verb after a name.)
    if (startsWithNameAndVerb(s, defStart, desc.length)) continue;
    // "Parliament, the executive and the courts", "India, the United States and Japan": short names joined by "and"/"or"
    // that run to the sentence's end are a list. ("Tagore, a poet and a playwright, won…" is closed by its comma; "a member
    // of the Constituent Assembly and a former Union minister" has a preposition before its "and".)
    const coordinated = /^(?:an?|the)\s+((?:[\w'-]+\s+){0,3}?)(?:and|or)\s+(?:an?|the)\s/.exec(desc) ?? /^the\s+((?:\p{Lu}[\w'-]*\s+){1,3})(?:and|or)\s+\p{Lu}/u.exec(desc);
    if (coordinated && !after.startsWith(",") && !/\b(?:of|in|to|for|on|at|from|with|by|into|under|between|among)\s/.test(coordinated[1]!)) continue;
    // "the Union, the states and local bodies", "the female Jwala, the first cheetahs born…": a plural head describes no one
    // name — it continues a list, or describes the noun the name hangs on.
    if (!/\band\b/.test(term) && headIsPlural(s, defStart, desc.length)) continue;
    // "…the political determination of C. Subramaniam and…": the description was cut at an initial inside the sentence.
    if (/\s\p{Lu}$/u.test(desc) && /^\.\s+\p{Lu}/u.test(after) && !/\s(?:I|V|X)$/.test(desc)) continue;
    push(out, s, term, m.index, desc, defStart);
  }
  const cop = new RegExp(String.raw`^(?:The\s+)?(${NAME})\s+(?:is|was|are|were)\s+((?:an?|the)\s+[^;"]{5,200}?)\.?$`).exec(text);
  if (cop) push(out, s, cop[1]!, text.indexOf(cop[1]!), cop[2]!, text.indexOf(cop[2]!, cop[1]!.length));
  const refers = new RegExp(String.raw`(${NAME})\s+(?:refers to|means|is defined as|stands for)\s+([^;"]{5,200}?)\.?$`).exec(text);
  if (refers) push(out, s, refers[1]!, refers.index, refers[2]!, text.indexOf(refers[2]!, refers.index + refers[1]!.length));
  return out;
}
