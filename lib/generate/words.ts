/** Whitespace-separated tokens that hold a letter or digit (a lone dash or bullet is not a word). */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Words of a model answer as a reader counts them: introduction, headings, points, examples, conclusion. */
export function modelAnswerWordCount(answer: {
  introduction: string;
  conclusion: string;
  body: readonly { heading: string; points: readonly { text: string; example?: string | undefined }[] }[];
}): number {
  return (
    wordCount(answer.introduction) +
    wordCount(answer.conclusion) +
    answer.body.reduce((sum, s) => sum + wordCount(s.heading) + s.points.reduce((p, x) => p + wordCount(x.text) + wordCount(x.example ?? ""), 0), 0)
  );
}
