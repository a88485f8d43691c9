export interface DataFolderHolder {
  pid: number;
  host: string;
  boot: string | null;
  start: string | null;
}
export class DataFolderInUseError extends Error {
  constructor(dataDir: string, holder: DataFolderHolder, isOwnProcess: boolean);
  readonly dataDir: string;
  readonly holder: DataFolderHolder;
}
export function dataFolderHolder(dataDir: string): (DataFolderHolder & { isThisProcess: boolean }) | null;
export function lockDataFolder(dataDir: string, options: { onLost: (error: Error) => void }): Promise<() => Promise<void>>;
