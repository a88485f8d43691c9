import { ttpStudyPack } from "./ttp";

/** Crux's own notes on the five source articles of the TTP pack: the text every evidence span points into. */
export const ttpNotes = ttpStudyPack.set.materials;
