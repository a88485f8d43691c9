/** Drafts the generator scores below this start unselected on the review screen (a score is in [0, 1]). */
export const LOW_QUALITY_SCORE = 0.5;
