import ttpPack from "./packs/ttp-pak-afghan.json";
import { loadStudyPack } from "./load";

export type { StudyPack, StudyPackCredit } from "./load";

/**
 * Crux's first study pack: the Tehreek-e-Taliban Pakistan (TTP), the Pakistan–Afghanistan border
 * conflict and counter-terrorism cooperation — the data file ./packs/ttp-pak-afghan.json, written in
 * Crux's own words with facts and figures from five credited sources.
 */
export const ttpStudyPack = loadStudyPack("ttp-pak-afghan", ttpPack);
