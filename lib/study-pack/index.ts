import { ttpStudyPack, type StudyPack } from "./ttp";

export type { StudyPack, StudyPackCredit } from "./ttp";
export { modelAnswerWordCount, ttpStudyPack } from "./ttp";

/** Study packs shipped with Crux and seeded on first run, in display order. */
export const studyPacks: readonly StudyPack[] = [ttpStudyPack];
