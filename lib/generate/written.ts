import { stableId } from "@/lib/material/hash";
import type { Corpus } from "./corpus";
import type { Question } from "./schemas";
import { sentenceEvidence } from "./text";
import { tokenizeSentences } from "@/lib/material/nlp";
import { nameSubtype } from "./slots";

/** Exam directives, longest first so "critically analyse" wins over "analyse". */
export const DIRECTIVES = [
  "critically analyse", "critically analyze", "critically examine", "critically evaluate", "critically discuss", "critically assess", "critically comment",
  "analyse", "analyze", "examine", "discuss", "evaluate", "assess", "explain", "elucidate", "comment", "describe", "enumerate", "illustrate",
  "justify", "suggest", "outline", "highlight", "compare", "contrast", "review", "account for", "bring out", "identify",
] as const;

/** Answer size by marks (UPSC Mains convention): 10 marks → 150 words / 7 min, 15 → 250 / 11. */
export function writtenLimits(marks: number): { wordLimit: number; timeLimitSec: number } {
  if (marks >= 15) return { wordLimit: 250, timeLimitSec: 11 * 60 };
  if (marks >= 10) return { wordLimit: 150, timeLimitSec: 7 * 60 };
  return { wordLimit: Math.max(50, marks * 15), timeLimitSec: Math.max(120, Math.round(marks * 42)) };
}

export interface ParsedQuestion {
  text: string;
  directive: string;
  /** What the answer must address, one per demand of the question. */
  demands: string[];
  marks: number;
  wordLimit: number;
}

/**
 * Reads a written question: its directive ("critically examine"), its demands (split at "and" between
 * verb phrases, at sentences and at "suggest"), and marks/word limit when the text states them
 * ("(15 marks)", "in 250 words"); `marks` defaults to 15.
 */
export function parseQuestion(text: string, marks?: number): ParsedQuestion {
  const clean = text.replace(/\s+/g, " ").trim();
  const statedMarks = /\(?\b(\d{1,2})\s*marks?\b\)?/i.exec(clean);
  const statedWords = /\b(?:in|within|about)?\s*(\d{2,4})\s*words\b/i.exec(clean);
  const m = marks ?? (statedMarks ? Number(statedMarks[1]) : 15);
  const limits = writtenLimits(m);
  const body = clean.replace(/\(?\b\d{1,2}\s*marks?\b\)?/gi, "").replace(/\(?\b(?:in|within|about)?\s*\d{2,4}\s*words\b\)?/gi, "").trim();
  const lower = body.toLowerCase();
  const found = DIRECTIVES.map((d) => ({ d, at: lower.search(new RegExp(`\\b${d}\\b`)) })).filter((x) => x.at >= 0).sort((a, b) => a.at - b.at || b.d.length - a.d.length);
  const directive = (found[0]?.d ?? (/^(?:how|why|what|to what extent)\b/i.test(body) ? "analyse" : "discuss")).replace("analyze", "analyse");
  const sentences = body.split(/(?<=[.?!])\s+/).filter(Boolean);
  // The context sentence (no directive) names the subject; later pronouns ("these clashes") point to it.
  const directiveSentences = sentences.filter((s) => DIRECTIVES.some((d) => new RegExp(`\\b${d}\\b`, "i").test(s)) || /^(?:how|why|what|to what extent)\b/i.test(s));
  const demandSource = directiveSentences.length ? directiveSentences : sentences;
  const demands: string[] = [];
  for (const s of demandSource) {
    const rest = s.replace(new RegExp(`^.*?\\b(?:${DIRECTIVES.join("|")})\\b[,:]?\\s*`, "i"), "").replace(/[.?!]+$/, "").trim();
    const suggest = /,?\s*\band\s+(suggest|recommend|propose)\b\s*(.*)$/i.exec(rest);
    if (suggest) {
      const head = rest.slice(0, suggest.index).trim();
      const context = sentences.filter((x) => !demandSource.includes(x)).join(" ").replace(/[.?!]+$/, "");
      if (head) demands.push(head);
      else if (context) demands.push(`${directiveLabel(found[0]?.d ?? "examine")}: ${context}`);
      demands.push(`${suggest[1]} ${suggest[2]}`.trim());
      continue;
    }
    // "how X destabilise A and complicate B" → two demands sharing the subject.
    const split = splitSharedSubject(rest);
    if (split) {
      demands.push(...split);
      continue;
    }
    // Split noun-phrase demands at "and their/the/how…", never inside a quoted title.
    const masked = rest.replace(/"[^"]*"|\u201c[^\u201d]*\u201d/g, (q) => q.replace(/ and /g, " \u0000nd "));
    const parts = masked
      .split(/,?\s+and\s+(?=(?:their|its|the|how|why|what|whether)\b)/i)
      .map((p) => p.replace(/\u0000nd/g, "and"))
      .filter((p) => p.split(/\s+/).length >= 3);
    if (parts.length > 1) demands.push(...parts);
    else if (rest) demands.push(rest);
  }
  if (!demands.length) demands.push(body.replace(/[.?!]+$/, ""));
  const wordLimit = statedWords ? Number(statedWords[1]) : limits.wordLimit;
  return { text: clean, directive, demands: demands.map((d) => d[0]!.toUpperCase() + d.slice(1)), marks: m, wordLimit };
}

function directiveLabel(d: string): string {
  return d[0]!.toUpperCase() + d.slice(1);
}

/**
 * "how these clashes destabilise A and complicate B" → ["how these clashes destabilise A",
 * "how these clashes complicate B"]: the second verb after "and" shares the first clause's subject.
 */
function splitSharedSubject(text: string): string[] | null {
  const [sentence] = tokenizeSentences(text, 0, text.length);
  if (!sentence) return null;
  const tokens = sentence.tokens;
  const lead = /^(how|why|whether|the extent to which|to what extent)\s+/i.exec(text);
  const firstVerb = tokens.findIndex((t, i) => i > 0 && t.start >= (lead?.[0].length ?? 0) && t.pos === "VERB");
  if (firstVerb < 0) return null;
  for (let i = firstVerb + 1; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    if (text.slice(t.start, t.end).toLowerCase() !== "and") continue;
    const next = tokens[i + 1]!;
    if (next.pos !== "VERB") continue;
    const subject = text.slice(0, tokens[firstVerb]!.start);
    return [text.slice(0, t.start).trim().replace(/,$/, ""), `${subject}${text.slice(next.start)}`.trim()];
  }
  // The tagger may read the first verb as a noun ("how these clashes strain relations and complicate…"):
  // after "how these <noun>", the next word is the verb when a verb follows "and" later on.
  const subjectMatch = /^((?:how|why|whether)\s+(?:these|the|this|those|such|its|their)\s+[\w-]+\s+)[a-z]+\s/i.exec(text);
  if (subjectMatch) {
    for (let i = 1; i + 1 < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.start <= subjectMatch[0].length || text.slice(t.start, t.end).toLowerCase() !== "and" || tokens[i + 1]!.pos !== "VERB") continue;
      return [text.slice(0, t.start).trim().replace(/,$/, ""), `${subjectMatch[1]}${text.slice(tokens[i + 1]!.start)}`.trim()];
    }
  }
  return null;
}

/** A written-answer question with its limits; evidence is the material the answer should draw on. */
export function writtenQuestion(text: string, marks: number, evidence: Question["evidence"]): Question {
  const limits = writtenLimits(marks);
  const parsed = parseQuestion(text, marks);
  return {
    id: stableId("q", "written", text),
    kind: "written",
    prompt: text,
    explanation: `A ${parsed.directive} question: ${parsed.demands.join("; ")}. A model answer and its rubric accompany it.`,
    marks,
    timeLimitSec: limits.timeLimitSec,
    wordLimit: parsed.wordLimit,
    evidence,
  };
}

/**
 * Exam-style written questions from the material's most discussed actor and places:
 * a 15-mark "critically examine" question and a 10-mark "discuss" question.
 */
export function generateWrittenQuestions(corpus: Corpus): Question[] {
  const counts = new Map<string, { name: string; kind: string; n: number }>();
  for (const pm of corpus.materials) for (const e of pm.entities) {
    const key = corpus.aliases.key(e.name);
    const entity = corpus.aliases.resolve(e.name) ?? e;
    const prev = counts.get(key) ?? { name: entity.name, kind: e.kind, n: 0 };
    prev.n += e.mentions.length;
    counts.set(key, prev);
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n || a.name.localeCompare(b.name));
  const actors = ranked.filter((e) => e.kind === "organization" || e.kind === "group");
  const places = ranked.filter((e) => e.kind === "place");
  const top = corpus.refs.slice().sort((a, b) => b.terms.size - a.terms.size)[0];
  if (!top) return [];
  const evidence = [sentenceEvidence(top.pm, top.sentence)];
  const out: Question[] = [];
  const actor = actors[0];
  const countries = places.filter((p) => nameSubtype(p.name) === "country");
  const [p1, p2] = countries;
  if (actor && p1 && p2) {
    // International-relations material: an actor between two countries.
    const entity = corpus.aliases.resolve(actor.name);
    const name = entity?.acronym && entity.acronym !== actor.name ? `${actor.name} (${entity.acronym})` : actor.name;
    out.push(writtenQuestion(`Critically examine how the ${name} shapes relations between ${p1.name} and ${p2.name}, and suggest a way forward.`, 15, evidence));
    out.push(writtenQuestion(`Discuss the security and diplomatic challenges that ${p1.name} faces from developments in ${p2.name}.`, 10, evidence));
  } else {
    // Any other subject: ask about each material's own topic, named by its title (whose words also
    // steer the model answer's retrieval).
    const titled = corpus.materials.filter((m) => !/\.\.\.$/.test(m.material.title) && m.material.title.split(/\s+/).length >= 3).slice(0, 2);
    titled.forEach((m, i) => {
      const topic = `"${m.material.title.replace(/[.?!]$/, "")}"`;
      const firstSentence = m.sentences[0];
      const ev = firstSentence ? [sentenceEvidence(m, firstSentence)] : evidence;
      out.push(
        i === 0
          ? writtenQuestion(`Critically examine the issues raised in ${topic}, and suggest a way forward.`, 15, ev)
          : writtenQuestion(`Explain the main developments described in ${topic} and their significance.`, 10, ev),
      );
    });
  }
  return out;
}
