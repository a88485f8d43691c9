// The embedded database (PGlite) is one process's: it keeps its own buffers and write-ahead log, and
// a second process writing the same folder at once (`npm run db:seed` beside a running server, a
// second `npm run app`, a Prisma CLI command) corrupts it — the first to checkpoint fails with "xlog
// flush request … is not satisfied", rows are lost, and the folder may no longer open. So a process
// holds the folder's lock while it has the database open: a file beside it (`<folder>.lock`, created
// only if absent — atomic) naming the holder: its pid, host, boot and the time the kernel started it.
//
// A lock is taken over only when its holder is gone — no such process, a pid now used by a process
// started at another time, or a machine booted since — never for its age: PGlite runs each statement
// synchronously, so a live holder may not get a turn for a long time (a migration building an index
// on a big table) and must not lose the folder meanwhile (a lock refreshed on a timer would). A
// process killed without closing (kill -9, power cut) leaves a lock the next opener takes over at
// once, and PGlite recovers what was committed from its log. A holder on another host cannot be
// checked and is taken as live (the message says so, and how to clear it).
// Shared by the app (lib/db/client.ts), the Prisma CLI bridge (scripts/schema-engine/datasource.mjs)
// and the server's start-up check (scripts/server.mjs).
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, rmdirSync, statSync, unlinkSync, writeSync } from "node:fs";
import os from "node:os";

/** How often a holder checks that its lock file is still its own (removed with the folder, or by hand). */
const CHECK_MS = 5_000;
/** A lock file with no readable holder yet, younger than this, is being written: wait for it. */
const BEING_WRITTEN_MS = 2_000;

const lockFileOf = (dataDir) => `${dataDir}.lock`;

function readOrNull(file) {
  try {
    return readFileSync(file, "utf8").trim() || null;
  } catch {
    return null;
  }
}

/** When the kernel started process `pid` (clock ticks since boot; Linux), or null where that cannot be read. */
function startOf(pid) {
  const stat = readOrNull(`/proc/${pid}/stat`);
  if (!stat) return null;
  // Fields after the command's closing bracket start at the third; the start time is the 22nd.
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
}

const bootId = () => readOrNull("/proc/sys/kernel/random/boot_id");

function thisProcess() {
  return { pid: process.pid, host: os.hostname(), boot: bootId(), start: startOf(process.pid) };
}

/** Is the process a lock file names still running (as far as this machine can tell)? */
function isRunning(holder) {
  if (holder.host !== os.hostname()) return true;
  const boot = bootId();
  if (holder.boot && boot && holder.boot !== boot) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (e) {
    if (e.code === "ESRCH") return false; // (EPERM: it runs, as another user)
  }
  const start = startOf(holder.pid);
  return !(holder.start && start && holder.start !== start);
}

function isThisProcess(holder) {
  const me = thisProcess();
  return holder.pid === me.pid && holder.host === me.host && holder.start === me.start;
}

function parseHolder(text) {
  try {
    const holder = JSON.parse(text);
    return Number.isInteger(holder?.pid) && typeof holder.host === "string" ? holder : null;
  } catch {
    return null;
  }
}

/** The folder is open in another live process, or already in this one. */
export class DataFolderInUseError extends Error {
  constructor(dataDir, holder, isOwnProcess) {
    const elsewhere = holder.host !== os.hostname();
    super(
      isOwnProcess
        ? `Crux's embedded database in ${dataDir} is already open in this process; it is opened once per process.`
        : `Crux's embedded database in ${dataDir} is open in another process (pid ${holder.pid}${elsewhere ? ` on ${holder.host}` : ""}: a Crux ` +
          "server, `npm run app`, or a command such as `npm run db:seed`). Two processes writing one embedded database would " +
          "damage it: stop that one first, or set CRUX_DATA_DIR to another folder." +
          (elsewhere ? ` If nothing runs on ${holder.host} any more, remove ${lockFileOf(dataDir)}.` : ""),
    );
    this.name = "DataFolderInUseError";
    this.dataDir = dataDir;
    this.holder = holder;
  }
}

/** The live process that holds `dataDir`'s lock, or null when no one does (a dead holder's lock counts as none). */
export function dataFolderHolder(dataDir) {
  const holder = parseHolder(readOrNull(lockFileOf(dataDir)) ?? "");
  return holder && isRunning(holder) ? { ...holder, isThisProcess: isThisProcess(holder) } : null;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Removes the lock file if it still reads `seen` (a dead holder's, or one never finished), under a
 * second lock, so that two processes taking over at once cannot remove the lock one of them just took.
 */
async function removeDeadLock(dataDir, seen) {
  const file = lockFileOf(dataDir);
  const guard = `${file}.takeover`;
  try {
    mkdirSync(guard);
  } catch (e) {
    if (e.code !== "EEXIST") throw e;
    // Another process is taking over right now (a guard this old was left by a crash: clear it).
    const age = Date.now() - (statSafe(guard)?.mtimeMs ?? Date.now());
    if (age > 10_000) rmdirSafe(guard);
    await sleep(50);
    return;
  }
  try {
    if ((readOrNull(file) ?? "") === seen) unlinkSafe(file);
  } finally {
    rmdirSafe(guard);
  }
}

function statSafe(file) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}
function unlinkSafe(file) {
  try {
    unlinkSync(file);
  } catch (e) {
    if (e.code !== "ENOENT") throw e;
  }
}
function rmdirSafe(dir) {
  try {
    rmdirSync(dir);
  } catch {
    // already gone
  }
}

/**
 * Takes `dataDir`'s lock for this process and resolves to its release (idempotent). Throws
 * DataFolderInUseError at once when a live process holds it. `onLost` is called if the lock file stops
 * being this process's while held (removed by hand or with the folder) — the folder can then no
 * longer be trusted to be ours alone.
 * @param {string} dataDir
 * @param {{ onLost: (error: Error) => void }} options
 * @returns {Promise<() => Promise<void>>}
 */
export async function lockDataFolder(dataDir, options) {
  const file = lockFileOf(dataDir);
  const mine = JSON.stringify(thisProcess());
  for (let attempt = 0; ; attempt++) {
    let fd;
    try {
      fd = openSync(file, "wx", 0o644);
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      const seen = readOrNull(file);
      const holder = parseHolder(seen ?? "");
      if (holder && isRunning(holder)) throw new DataFolderInUseError(dataDir, holder, isThisProcess(holder));
      // A dead holder's lock, or one whose writer died before it wrote (or is writing now: wait for it).
      if (holder || Date.now() - (statSafe(file)?.mtimeMs ?? 0) > BEING_WRITTEN_MS) await removeDeadLock(dataDir, seen ?? "");
      else await sleep(100);
      if (attempt > 200) throw new Error(`Could not take the lock ${file}: it keeps changing hands.`);
      continue;
    }
    try {
      writeSync(fd, mine);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return holdLock(file, mine, options.onLost);
  }
}

function holdLock(file, mine, onLost) {
  let isHeld = true;
  const release = () => {
    if (!isHeld) return;
    isHeld = false;
    clearInterval(check);
    process.off("exit", release);
    if (readOrNull(file) === mine) unlinkSafe(file);
  };
  const check = setInterval(() => {
    const now = readOrNull(file);
    if (now === mine) return;
    isHeld = false;
    clearInterval(check);
    process.off("exit", release);
    onLost(new Error(now === null ? `its lock file ${file} was removed` : `its lock file ${file} names another process`));
  }, CHECK_MS);
  check.unref();
  // A process that exits without closing (process.exit on a fatal error) leaves no lock behind it.
  process.on("exit", release);
  return async () => release();
}
