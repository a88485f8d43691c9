/**
 * Function words that carry no claim of their own. Lower-case lemmas. Negation words ("not", "no",
 * "never") are deliberately absent: they change a claim and are handled by the callers; so are the
 * comparatives "more" and "less" ("displaces more water" and "less water" are opposite claims) and
 * "same" ("in the same path" and "in different paths" are opposite claims).
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a an the and or but nor so yet for of in on at to from by with within without into onto upon about above below
  over under between among through during before after since until while as than then there here this that these
  those such other another each every either neither both all any some many much most least few
  several own very too also just only even still already again ever quite rather really almost enough
  i me my mine we us our ours you your yours he him his she her hers it its they them their theirs one ones
  who whom whose which what whatever whoever when where why how whether if unless because though although
  be am is are was were been being have has had having do does did doing done will would shall should can could
  may might must ought let lets get got make made go went gone come came take took put
  thing things way ways lot lots kind part etc eg e.g i.e ie via per vs versus like unlike
  s 's t 're 've 'll 'd ll ve re d`.split(/\s+/),
);

/** True for words whose presence negates or reverses a claim. */
export const NEGATORS: ReadonlySet<string> = new Set([
  "not",
  "no",
  "never",
  "neither",
  "nor",
  "none",
  "nothing",
  "without",
  "n't",
  "cannot",
  "hardly",
  "barely",
  "refuse",
  "deny",
  "fail",
]);

export function isStopword(lemma: string): boolean {
  return STOPWORDS.has(lemma);
}
