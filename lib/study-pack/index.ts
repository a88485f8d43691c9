import { ttpStudyPack, type StudyPack } from "./ttp";

export type { StudyPack, StudyPackCredit } from "./ttp";
export { ttpStudyPack } from "./ttp";
export { modelAnswerWordCount } from "../generate/words";

/** Study packs shipped with Crux and seeded on first run, in display order. */
export const studyPacks: readonly StudyPack[] = [ttpStudyPack];
