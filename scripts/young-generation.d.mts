export const YOUNG_GENERATION_FLAG: string;
export function withYoungGeneration(execArgv: readonly string[], nodeOptions?: string): string[];
