export function ensureWritableDataDir(dir: string): void;
