import type { RubricPoint } from "@/lib/generate/schemas";

export type { RubricPoint };

/** A passage of source material the grader may use to check facts and to point at missed content. */
export interface GradingMaterial {
  id: string;
  /** Cleaned text; `missed.source` offsets point into it. */
  text: string;
  /**
   * A digest of exactly `text` (the database's sha256 `Material.checksum`), when the caller has one:
   * the question-preparation cache keys on it instead of hashing the text on every grading.
   */
  checksum?: string;
  /**
   * Ascending offsets into `text` where a sentence is known to start (the stored `Material.sentenceStarts`:
   * boundaries a removed citation marker vouched for), so its sentences are the ones the study set drew on.
   */
  sentenceStarts?: readonly number[];
}

export interface WrittenQuestion {
  id: string;
  prompt: string;
  marks: number;
  wordLimit?: number;
  timeLimitMinutes?: number;
  coreDemands?: string[];
  rubric: RubricPoint[];
  modelAnswer?: string;
  /**
   * Further acceptable answers of a short-answer item (a rubric with one content point): the
   * answer is judged against whichever it matches best.
   */
  referenceAnswers?: string[];
}

export interface WrittenAnswerInput {
  question: WrittenQuestion;
  answerText: string;
  materials?: GradingMaterial[];
}

/** [start, end) into the answer text; `quote === answerText.slice(start, end)`. */
export interface AnswerEvidence {
  start: number;
  end: number;
  quote: string;
}

export interface MaterialEvidence {
  materialId: string;
  start: number;
  end: number;
  quote: string;
}

export interface PointResult {
  rubricId: string;
  kind: "content" | "structure";
  /** Marks awarded: 0, half or full marks of the point (structure points may award quarter steps of 2-mark points). */
  awarded: number;
  max: number;
  evidence: AnswerEvidence[];
  /** One line for the student. */
  feedback: string;
  /** For a point not fully earned: what the model answer or the material says. */
  missed?: { modelAnswer?: string; source?: MaterialEvidence };
  /**
   * How likely a careful examiner gives the same credit, in [0, 1] (content points; structure
   * points follow fixed rules and carry 1).
   */
  confidence?: number;
}

/** Flags explain why an answer scored what it did; stable strings the UI can translate. */
export type GradingFlag =
  | "off_topic"
  | "restates_question"
  | "keyword_stuffing"
  | "headings_without_substance"
  | "factual_error"
  | "over_word_limit"
  | "too_short"
  | "empty_answer"
  | "llm_fallback"
  /** A sentence asserts the opposite of a rubric point, or swaps who does what to whom. */
  | "contradiction"
  /** Nothing earned for content: structure marks are withheld too. */
  | "no_content_credit";

/** A sentence of the answer that asserts the opposite of a rubric point; it earns that point nothing. */
export interface ContradictionFinding {
  rubricId: string;
  /** "polarity": negation, an antonym, "failed to"…; "roles": the actor and target are swapped. */
  kind: "polarity" | "roles";
  /** The student's sentence. */
  answer: AnswerEvidence;
}

export interface FactIssue {
  /** The answer's claim that contradicts the material. */
  answer: AnswerEvidence;
  /** What the material says for the same subject. */
  source?: MaterialEvidence;
  reason: string;
  /** A wrong year, or a figure off by a factor of two or more: an error no rounding explains. */
  isBlatant: boolean;
}

export interface WrittenGradeResult {
  questionId: string;
  score: number;
  maxScore: number;
  points: PointResult[];
  flags: GradingFlag[];
  wordCount: number;
  wordLimit?: number;
  /** Contradictions with the material that cancelled or weakened points. */
  factIssues: FactIssue[];
  /** Which grader produced the result. */
  grader: "heuristic" | "llm";
  /** Sentences that assert the opposite of a rubric point (each earned that point nothing). */
  contradictions?: ContradictionFinding[];
  /**
   * The total's confidence in [0, 1]: 1 − the expected share of the marks a careful examiner
   * would change, from each point's confidence.
   */
  confidence?: number;
  /** "Provisional — a teacher should check": the grade falls where automatic marking is unreliable. */
  isProvisional?: boolean;
  /** Why the grade is provisional, in words for the student and the teacher. */
  provisionalReasons?: string[];
}

/** One interface, two implementations: the deterministic heuristic grader and the optional LLM grader. */
export interface Grader {
  readonly name: "heuristic" | "llm";
  gradeWrittenAnswer(input: WrittenAnswerInput): Promise<WrittenGradeResult>;
}
