import { collapseRepeatedWords, normalizeText } from "./normalize";

export interface CleanResult {
  /** Cleaned text: normalised, boilerplate lines removed, paragraphs one per line. */
  text: string;
  title?: string;
  outlet?: string;
  publishedAt?: string;
  removed: Array<{ text: string; reason: string }>;
  /**
   * Offsets into `text` where a sentence certainly starts because a removed citation marker stood
   * between a full stop and the next sentence ("…World War I.[133] Gandhi's…"): without the marker,
   * a sentence splitter may read "I." as an initial and run the two sentences together.
   */
  sentenceStarts: number[];
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Parses "2026-02-27", "08/14/2025" (US order), "14 August 2025", "Aug 14, 2025" to ISO; else null. */
export function parseDateLabel(label: string): string | null {
  const s = label.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
  if (m) {
    let month = Number(m[1]);
    let day = Number(m[2]);
    if (month > 12 && day <= 12) [month, day] = [day, month];
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    return `${m[3]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  }
  m = /^(\d{1,2})\s+([A-Za-z]{3,})\.?,?\s+(\d{4})$/.exec(s) ?? null;
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
    if (month > 0) return `${m[3]}-${String(month).padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  }
  m = /^([A-Za-z]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1;
    if (month > 0) return `${m[3]}-${String(month).padStart(2, "0")}-${m[2]!.padStart(2, "0")}`;
  }
  return null;
}

const DATE_RE = String.raw`(\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})`;
/** "date 2026-02-27 Title…", "Published: 14 Aug 2025 Title…" — a metadata label glued to the title. */
const GLUED_DATE_LINE = new RegExp(String.raw`^(?:date|published(?: on)?|posted(?: on)?|updated(?: on)?|last updated)\s*:?\s*${DATE_RE}\s*[-|:]?\s*(.*)$`, "i");
/** "Title - Outlet - 08/14/2025" or "Title | Outlet | date". */
const TITLE_OUTLET_DATE = new RegExp(String.raw`^(.{8,}?)\s+[-|]\s+([A-Z][\w&.' ]{0,40}?)\s+[-|]\s+${DATE_RE}$`);
/** "Title - 08/14/2025". */
const TITLE_DATE = new RegExp(String.raw`^(.{8,}?)\s+[-|]\s+${DATE_RE}$`);
/** "Title | Outlet" (an HTML page title). */
const TITLE_OUTLET = /^(.{12,}?)\s+\|\s+((?:The\s+)?[A-Z][\w&.']*(?:\s+[A-Z][\w&.']*){0,3})$/;

interface LineRule {
  reason: string;
  test: (line: string, context: { index: number; count: number }) => boolean;
}

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * Line-level boilerplate. Each rule describes a kind of page furniture, not a particular site's
 * wording, and only fires on lines short enough to be furniture rather than prose.
 */
const LINE_RULES: LineRule[] = [
  { reason: "no words", test: (l) => !/[\p{L}\p{N}]/u.test(l) },
  {
    reason: "byline",
    test: (l) => wordCount(l) <= 14 && /^by\s+[A-Z][\w.'-]+(?:\s+(?:and\s+)?[A-Z][\w.'-]+){0,4}(?:\s*[,|\u00b7\u2022-]\s*.*)?$/i.test(l) && !/[.!?]$/.test(l.replace(/\b(?:ago|am|pm)\.?$/i, "")),
  },
  {
    reason: "relative date",
    test: (l) =>
      /^(?:(?:updated|posted|published)\s*:?\s*)?(?:\d+|an?|one|two|few)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\.?$/i.test(l) ||
      /^(?:just now|yesterday|today|last updated.*)$/i.test(l) ||
      (wordCount(l) <= 10 && /\b\d+\s+(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago\b/i.test(l) && !/[.!?]$/.test(l)),
  },
  {
    reason: "video or media placeholder",
    test: (l) =>
      wordCount(l) <= 40 &&
      (/\benable javascript\b/i.test(l) ||
        /\b(?:supports?|upgrad\w*)\b.*\bhtml5? (?:video|audio)\b/i.test(l) ||
        /\byour browser (?:does not|doesn't) support\b/i.test(l) ||
        /^(?:watch|listen)(?: the)? (?:video|audio)\b/i.test(l)),
  },
  {
    reason: "newsletter or subscription promotion",
    test: (l) =>
      wordCount(l) <= 30 &&
      (/\b(?:newsletters?|subscribe|subscription|sign up|sign-up|unlock|inbox|free trial|paywall|premium)\b/i.test(l) ||
        /\bdigest\b.*\bfree\b|\bfree\b.*\bdigest\b/i.test(l)),
  },
  {
    reason: "print, PDF or share control",
    test: (l) =>
      wordCount(l) <= 20 &&
      (/\b(?:print|download)\b.*\bpdf\b|\bpdf version\b/i.test(l) ||
        /\bclick (?:on )?(?:the )?.*\b(?:button|link|here)\b/i.test(l) ||
        /^(?:share|share this|share on \w+|tweet|email this|copy link|save article|bookmark)\b/i.test(l)),
  },
  {
    reason: "comments or related-links widget",
    test: (l) =>
      wordCount(l) <= 8 &&
      /^(?:latest|recent|top|view|show|load|leave a|post a|add a|\d+)?\s*(?:comments?|replies|related (?:articles|stories|posts)|recommended|most read|more from|read more|read next|trending|advertisement|sponsored|skip to (?:main )?content|cookies?|accept cookies)\b/i.test(l),
  },
  {
    reason: "read-more link",
    test: (l) => wordCount(l) <= 10 && /^(?:read|see|view|continue reading)\b.*\b(?:article|story|here|more|original)\b\.?$/i.test(l),
  },
  {
    reason: "credit line",
    test: (l) =>
      wordCount(l) <= 25 &&
      /^(?:data visuali[sz]ations?|graphics?|photo(?:graph)?s?|images?|illustrations?|cartography|additional reporting|reporting|editing|edited|video|produced|design)\b.*\bby\b/i.test(l),
  },
  { reason: "copyright notice", test: (l) => wordCount(l) <= 25 && /(?:\u00a9|\(c\)|copyright\b|all rights reserved)/i.test(l) },
  {
    reason: "disclaimer",
    test: (l) => /\bviews\b.*\bexpressed\b.*\b(?:do not|don't)\b.*\b(?:reflect|represent)\b/i.test(l),
  },
  {
    reason: "author biography",
    test: (l, c) =>
      c.index >= c.count - 3 &&
      wordCount(l) <= 60 &&
      /^\W*(?:(?:[Dd]r|[Pp]rof|[Mm]r|[Mm]s|[Mm]rs)\.?\s+)?(?:[A-Z][\w'-]+\s+){1,3}is (?:the|an?) (?:author|editor|columnist|correspondent|contributor|professor|fellow|senior fellow|director)\b/.test(l),
  },
];

/**
 * Inline citation apparatus of a copied encyclopaedia or journal page: footnote markers ("[12]",
 * "[a]", "[note 3]", "[citation needed]"), edit links ("[edit]") and page citations ("(Roan, p. 56.)").
 * They are references to a page the learner does not have, never facts.
 */
const CITATION_MARKER = /\[(?:\d{1,4}|[a-z]|(?:note|nb|n) ?\d{1,3}|citation needed|clarification needed|when\?|who\?|which\?|by whom\?|according to whom\?|dubious[^\]]{0,30}|failed verification|edit|update|page needed|full citation needed|original research\??|not in citation given|better source needed|verification needed|unreliable source\??)\]/gi;
/** Superscript footnote digits right after punctuation ("…in 1947.¹² The…"); "km²" and "(a+b)²" keep their squares. */
const SUPERSCRIPT_MARKER = /(?<=[.,;:!?"'])[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+/g;
const PAGE_CITATION = /\s*\((?:[A-Z][\p{L}'-]+(?:\s+(?:et al\.|and [A-Z][\p{L}'-]+))?,?\s+)?(?:\d{4},?\s+)?pp?\.\s*\d+(?:\s*[-\u2013]\s*\d+)?\.?\)/gu;

/** Removes inline citation markers from a line; returns the line and what was removed. */
export function stripCitationMarkers(line: string): { line: string; markers: string[] } {
  const markers: string[] = [];
  const out = line
    .replace(CITATION_MARKER, (m) => {
      markers.push(m);
      return "";
    })
    .replace(SUPERSCRIPT_MARKER, (m) => {
      markers.push(m);
      return "";
    })
    .replace(PAGE_CITATION, (m) => {
      markers.push(m.trim());
      return "";
    })
    .replace(/[ \t]{2,}/g, " ")
    .replace(/\s+([,.;:])/g, "$1")
    .trim();
  return { line: out, markers };
}

/**
 * A sentence's end and the citation markers after it. The markers match in any case ("[Note 3]"), so
 * whether a capital (or digit) opens the next sentence is checked case-sensitively where the matches
 * are read (`markedBoundaries`).
 */
const MARKED_BOUNDARY = new RegExp(`([.!?]["')]?)((?:\\s*(?:${CITATION_MARKER.source}|${SUPERSCRIPT_MARKER.source}))+)`, "giu");

/**
 * The sentence boundaries a line's citation markers vouch for, as the cleaned text just before and
 * just after each one (to be found again in the cleaned page).
 */
function markedBoundaries(line: string): Array<{ before: string; after: string }> {
  const out: Array<{ before: string; after: string }> = [];
  for (const m of line.matchAll(MARKED_BOUNDARY)) {
    // "the U.S.[12] and the rest…" goes on after an abbreviation: a new sentence opens with a capital or a digit.
    const next = /^\s*["'(]?(.)/su.exec(line.slice(m.index + m[0].length))?.[1] ?? "";
    if (!/[\p{Lu}\d]/u.test(next)) continue;
    const endOfSentence = m.index + m[1]!.length;
    const before = strippedNear(line, endOfSentence, "before").slice(-40);
    const after = strippedNear(line, m.index + m[0].length, "after").slice(0, 20);
    if (before && after) out.push({ before, after });
  }
  return out;
}

/**
 * The line just before (or after) `at` with its citation markers removed, read from a window that widens
 * until it holds twice the 40 characters `markedBoundaries` keeps or reaches the end of the line — not the
 * whole rest of the line for every marker, which made a long line full of markers quadratic (a 200 KB
 * line with 8,000 markers took 24 s).
 */
function strippedNear(line: string, at: number, side: "before" | "after"): string {
  for (let width = 160; ; width *= 2) {
    const from = side === "before" ? Math.max(0, at - width) : at;
    const to = side === "before" ? at : Math.min(line.length, at + width);
    const stripped = stripCitationMarkers(line.slice(from, to)).line;
    const isWhole = side === "before" ? from === 0 : to === line.length;
    if (isWhole || stripped.length >= 80) return stripped;
  }
}

/** Offsets in `text` of the sentence starts vouched for by removed markers, found in order; a boundary rewritten beyond recognition is skipped. */
function locateBoundaries(text: string, boundaries: Array<{ before: string; after: string }>): number[] {
  const starts: number[] = [];
  // Each start lies after the one before; its `before` may reach back over that one (two marked
  // sentence ends fewer than 40 characters apart), so the search begins that far back.
  let previous = -1;
  for (const { before, after } of boundaries) {
    for (const gap of [" ", ""]) {
      const at = text.indexOf(`${before}${gap}${after}`, Math.max(0, previous + 1 - before.length - gap.length));
      if (at < 0) continue;
      const start = at + before.length + gap.length;
      starts.push(start);
      previous = start;
      break;
    }
  }
  return starts;
}

/**
 * An image caption left in a browser copy: a short one-sentence line with no figure, standing alone
 * between two long paragraphs (a caption's tail "…]]" from a wiki rendering too).
 */
function isCaption(line: string, prev: string | undefined, next: string | undefined): boolean {
  if (/\]\]\s*$/.test(line)) return true;
  if (wordCount(line) > 12 || /\d/.test(line) || /^(?:[-*\u2022]|\d+[.)])\s/.test(line)) return false;
  if (/[.!?]\s+\S/.test(line) || !/[.!?]$/.test(line)) return false;
  return wordCount(prev ?? "") >= 40 && wordCount(next ?? "") >= 40;
}

/** Furniture glued to the end of a real line ("…cooperation.Latest Comments"). */
const TRAILING_FURNITURE = /(?<=[.!?"')\]])\s*(?:Latest Comments|Comments|Read more|Advertisement|Share this article)\s*$/i;

/**
 * Cleans normalised page text: drops boilerplate lines (recording why), lifts a glued
 * date/outlet line into metadata and keeps its title as the first line.
 */
export function cleanText(raw: string): CleanResult {
  const lines = normalizeText(raw).split("\n");
  const removed: CleanResult["removed"] = [];
  const kept: string[] = [];
  let title: string | undefined;
  let outlet: string | undefined;
  let publishedAt: string | undefined;
  const count = lines.length;
  const markers: string[] = [];
  const nonEmpty = (from: number, step: 1 | -1) => {
    for (let i = from + step; i >= 0 && i < count; i += step) if (lines[i]!.trim()) return lines[i]!.trim();
    return undefined;
  };
  const boundaries: Array<{ before: string; after: string }> = [];
  lines.forEach((original, index) => {
    const unbolded = original.replace(/^[*_]{2,}\s*|\s*[*_]{2,}$/g, "");
    const stripped = stripCitationMarkers(unbolded);
    boundaries.push(...markedBoundaries(unbolded));
    markers.push(...stripped.markers);
    let line = stripped.line;
    if (!line) {
      kept.push("");
      return;
    }
    if (isCaption(line, nonEmpty(index, -1), nonEmpty(index, 1))) {
      removed.push({ text: line, reason: "image caption" });
      return;
    }
    const trailing = TRAILING_FURNITURE.exec(line);
    if (trailing && line.length > trailing[0].length + 20) {
      removed.push({ text: trailing[0].trim(), reason: "comments or related-links widget" });
      line = line.slice(0, trailing.index).trimEnd();
    }
    const isNearTop = kept.filter(Boolean).length < 3;
    if (isNearTop) {
      const glued = GLUED_DATE_LINE.exec(line);
      if (glued) {
        publishedAt ??= parseDateLabel(glued[1]!) ?? undefined;
        removed.push({ text: line.slice(0, line.length - glued[2]!.length).trim(), reason: "date line" });
        line = glued[2]!.trim();
        if (!line) return;
        title ??= line;
      } else {
        const pageTitle = TITLE_OUTLET.exec(line);
        if (pageTitle && !title) {
          title = pageTitle[1]!.trim();
          outlet ??= pageTitle[2]!.trim();
          removed.push({ text: line.slice(pageTitle[1]!.length).trim(), reason: "outlet in page title" });
          line = title;
        }
        const tod = TITLE_OUTLET_DATE.exec(line);
        const td = tod ? null : TITLE_DATE.exec(line);
        if (tod || td) {
          const date = parseDateLabel((tod ? tod[3] : td![2])!);
          if (date) {
            publishedAt ??= date;
            if (tod) outlet ??= tod[2]!.trim();
            removed.push({ text: line.slice((tod ?? td)![1]!.length).trim(), reason: "outlet and date line" });
            line = (tod ?? td)![1]!.trim();
            title ??= line;
          }
        }
      }
    }
    // The same title twice near the top (a page <title> and its <h1>).
    if (title && line === title && kept.some((k) => k === title)) {
      removed.push({ text: line, reason: "duplicate title" });
      return;
    }
    const rule = LINE_RULES.find((r) => r.test(line, { index, count }));
    if (rule) {
      removed.push({ text: line, reason: rule.reason });
      return;
    }
    // A wire-style dateline ("ISLAMABAD: ", "KABUL, Feb 27 (Reuters) - ") is furniture before the lede.
    const dateline = /^[A-Z][A-Z .'-]{2,30}(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?(?:\s*\([A-Za-z ]+\))?\s*(?::|-)\s+(?=[A-Z])/.exec(line);
    if (dateline && wordCount(line) > 8) {
      removed.push({ text: dateline[0].trim(), reason: "dateline" });
      line = line.slice(dateline[0].length);
    }
    kept.push(collapseRepeatedWords(line));
  });
  if (markers.length) removed.push({ text: markers.length > 6 ? `${markers.slice(0, 6).join(" ")} … (${markers.length} in all)` : markers.join(" "), reason: "citation markers" });
  const text = unwrapHardWrapped(kept.join("\n").replace(/\n{3,}/g, "\n\n").trim());
  return { text, title, outlet, publishedAt, removed, sentenceStarts: locateBoundaries(text, boundaries) };
}

/**
 * Joins hard-wrapped lines (fixed-width .txt/.md) back into paragraphs. Applies only when the text
 * uses blank lines between paragraphs and most of its lines stop mid-sentence; list items and
 * short heading-like lines stay on their own.
 */
export function unwrapHardWrapped(text: string): string {
  if (!text.includes("\n\n")) return text;
  const lines = text.split("\n").filter(Boolean);
  const midSentence = lines.filter((l) => l.length > 40 && !/[.!?:;"')\]]$/.test(l)).length;
  if (midSentence < lines.length * 0.4) return text;
  return text
    .split(/\n{2,}/)
    .map((para) =>
      para
        .split("\n")
        .reduce<string[]>((out, line) => {
          const prev = out[out.length - 1];
          const isListItem = /^(?:[-*\u2022]|\d+[.)])\s/.test(line);
          if (prev !== undefined && !isListItem && prev.length > 40 && !/[.!?:]$/.test(prev)) out[out.length - 1] = `${prev} ${line}`;
          else out.push(line);
          return out;
        }, [])
        .join("\n"),
    )
    .join("\n\n");
}
