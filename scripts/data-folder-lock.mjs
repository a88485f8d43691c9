// The embedded database (PGlite) is one process's: it keeps its own buffers and write-ahead log, and
// a second process writing the same folder at once (`npm run db:seed` beside a running server, a
// second `npm run app`, a Prisma CLI command) corrupts it — the first to checkpoint fails with "xlog
// flush request … is not satisfied", rows are lost, and the folder may no longer open. So a process
// holds the folder's lock while it has the database open: a directory beside it (`<folder>.lock`,
// made with mkdir, atomic on every file system; proper-lockfile) whose time the holder refreshes.
// One left by a process that died without closing (kill -9, power cut) goes stale and is taken over.
// Shared by the app (lib/db/client.ts) and the Prisma CLI bridge (scripts/schema-engine/datasource.mjs).
import lockfile from "proper-lockfile";

/** A lock its holder has not refreshed for this long belongs to a process that died. */
export const LOCK_STALE_MS = 15_000;

/** The folder is in use by another live process (or by another open database of this one). */
export class DataFolderInUseError extends Error {
  constructor(dataDir) {
    super(
      `Crux's embedded database in ${dataDir} is open in another process (a Crux server, \`npm run app\`, or a command such as ` +
        "`npm run db:seed`). Two processes writing one embedded database would damage it: stop the other one first, or set " +
        "CRUX_DATA_DIR to another folder. A lock left by a process that died without closing the database expires within " +
        `${LOCK_STALE_MS / 1000} s.`,
    );
    this.name = "DataFolderInUseError";
    this.dataDir = dataDir;
  }
}

/**
 * Takes `dataDir`'s lock for this process (the folder must exist) and resolves to its release.
 * Waits up to `waitMs` (default: the stale time and 2 s) for a lock another holder keeps; a live
 * holder keeps refreshing it, so the wait ends in DataFolderInUseError. `onWait` hears once why the
 * open is slow. `onLost` is called if the lock is lost while held — its directory removed, or taken
 * by another process that found it stale — when the folder can no longer be trusted to be ours.
 * @param {string} dataDir
 * @param {{ waitMs?: number, onWait?: (message: string) => void, onLost: (error: Error) => void }} options
 * @returns {Promise<() => Promise<void>>}
 */
export async function lockDataFolder(dataDir, options) {
  const waitMs = options.waitMs ?? LOCK_STALE_MS + 2_000;
  const attempt = (retries) =>
    lockfile.lock(dataDir, {
      stale: LOCK_STALE_MS,
      retries: retries > 0 ? { retries, factor: 1, minTimeout: 1_000, maxTimeout: 1_000 } : 0,
      onCompromised: options.onLost,
    });
  try {
    return await attempt(0);
  } catch (e) {
    if (!isLocked(e)) throw e;
  }
  const retries = Math.floor(waitMs / 1_000);
  if (retries < 1) throw new DataFolderInUseError(dataDir);
  options.onWait?.(`Crux's embedded database in ${dataDir} is locked by another process; waiting up to ${retries} s for it to be released or to expire…`);
  try {
    return await attempt(retries);
  } catch (e) {
    throw isLocked(e) ? new DataFolderInUseError(dataDir) : e;
  }
}

function isLocked(e) {
  return typeof e === "object" && e !== null && e.code === "ELOCKED";
}
