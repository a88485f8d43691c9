/**
 * Splits an answer into runs for display, each run carrying the labels (rubric point numbers) of
 * the evidence spans that cover it, so the result screen can colour the sentences that earned each
 * point. Spans are [start, end) into the answer; a span whose quote no longer matches its offsets
 * is moved to the quote's nearest occurrence, or dropped when the quote is nowhere in the text.
 */
export interface EvidenceMark {
  label: number;
  start: number;
  end: number;
  quote?: string;
}

export interface TextRun {
  start: number;
  end: number;
  text: string;
  /** Labels of the spans covering this run, ascending; empty for unmarked text. */
  labels: number[];
}

function locate(text: string, mark: EvidenceMark): { start: number; end: number } | null {
  const start = Math.max(0, Math.min(text.length, Math.trunc(mark.start)));
  const end = Math.max(start, Math.min(text.length, Math.trunc(mark.end)));
  if (mark.quote === undefined) return end > start ? { start, end } : null;
  if (!mark.quote) return null;
  if (text.slice(start, end) === mark.quote) return { start, end };
  let best = -1;
  for (let i = text.indexOf(mark.quote); i !== -1; i = text.indexOf(mark.quote, i + 1)) {
    if (best === -1 || Math.abs(i - start) < Math.abs(best - start)) best = i;
  }
  return best === -1 ? null : { start: best, end: best + mark.quote.length };
}

/** Runs covering the whole text in order; adjacent runs always differ in their labels. */
export function segmentByEvidence(text: string, marks: readonly EvidenceMark[]): TextRun[] {
  const spans = marks.flatMap((m) => {
    const at = locate(text, m);
    return at ? [{ ...at, label: m.label }] : [];
  });
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: TextRun[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const labels = [...new Set(spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.label))].sort((a, b) => a - b);
    const prev = runs[runs.length - 1];
    if (prev && prev.labels.join() === labels.join()) {
      prev.end = end;
      prev.text = text.slice(prev.start, end);
    } else {
      runs.push({ start, end, text: text.slice(start, end), labels });
    }
  }
  return runs;
}
