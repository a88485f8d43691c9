export const LOCK_STALE_MS: number;
export class DataFolderInUseError extends Error {
  constructor(dataDir: string);
  readonly dataDir: string;
}
export function lockDataFolder(
  dataDir: string,
  options: { waitMs?: number; onWait?: (message: string) => void; onLost: (error: Error) => void },
): Promise<() => Promise<void>>;
