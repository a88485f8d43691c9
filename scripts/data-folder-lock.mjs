// The embedded database (PGlite) is one process's: it keeps its own buffers and write-ahead log, and
// a second process writing the same folder at once (`npm run db:seed` beside a running server, a
// second `npm run app`, a Prisma CLI command) corrupts it — the first to checkpoint fails with "xlog
// flush request … is not satisfied", rows are lost, and the folder may no longer open. So a process
// holds the folder's lock while it has the database open: a file beside it (`<folder>.lock`, written
// whole under another name and hard-linked into place, which fails if one is there — atomic, and never
// seen half-written) naming the holder: its pid, host, boot and the time the kernel started it.
//
// A lock is taken over only when its holder is gone — no such process, a pid now used by a process
// started at another time, a zombie, or a machine booted since — never for its age: PGlite runs each statement
// synchronously, so a live holder may not get a turn for a long time (a migration building an index
// on a big table) and must not lose the folder meanwhile (a lock refreshed on a timer would). A
// process killed without closing (kill -9, power cut) leaves a lock the next opener takes over at
// once, and PGlite recovers what was committed from its log. A holder under another host name (another
// machine sharing the folder, or a container since recreated) cannot be checked and is taken as live;
// the message names the lock file to remove when nothing runs there any more.
// Shared by the app (lib/db/client.ts), the Prisma CLI bridge (scripts/schema-engine/datasource.mjs)
// and the server's start-up check (scripts/server.mjs).
import { linkSync, readFileSync, rmdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import os from "node:os";

/** How often a holder checks that its lock file is still its own (removed with the folder, or by hand). */
const CHECK_MS = 5_000;
/** A lock file that names no holder (not written by this module, or being written where there are no hard links) and is older than this is garbage. */
const UNREADABLE_GRACE_MS = 2_000;
/** How long to keep trying while the lock changes hands (a takeover guard left by a crash clears after 10 s). */
const ACQUIRE_LIMIT_MS = 30_000;

const lockFileOf = (dataDir) => `${dataDir}.lock`;
/** What link() fails with where the file system has no hard links. */
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EMLINK"]);

function readOrNull(file) {
  try {
    return readFileSync(file, "utf8").trim() || null;
  } catch {
    return null;
  }
}

/** The lock file as it is now: missing, unreadable for now (EMFILE…), or its text. */
function readLock(file) {
  try {
    return { state: "text", text: readFileSync(file, "utf8").trim() };
  } catch (e) {
    if (e.code === "ENOENT") return { state: "missing" };
    if (e.code === "EISDIR") return { state: "directory" };
    return { state: "unreadable" };
  }
}

/** Process `pid`'s state letter and start time (clock ticks since boot) from /proc (Linux), or null where it cannot be read. */
function procStat(pid) {
  const stat = readOrNull(`/proc/${pid}/stat`);
  if (!stat) return null;
  // Fields after the command's closing bracket start at the third (the state); the start time is the 22nd.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { state: fields[0] ?? "", start: fields[19] ?? null };
}

const bootId = () => readOrNull("/proc/sys/kernel/random/boot_id");

function thisProcess() {
  return { pid: process.pid, host: os.hostname(), boot: bootId(), start: procStat(process.pid)?.start ?? null };
}

/** Is the process a lock file names still running (as far as this machine can tell)? `writtenAt`: the file's time. */
function isRunning(holder, writtenAt) {
  // Another host's process cannot be checked (nor one of another container sharing the folder): it counts as running.
  if (holder.host !== os.hostname()) return true;
  const boot = bootId();
  if (holder.boot && boot && holder.boot !== boot) return false;
  // Where there is no boot id to compare (no /proc), a lock written before this machine last started is a dead one's.
  if (!boot && writtenAt !== undefined && writtenAt < Date.now() - os.uptime() * 1000) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (e) {
    if (e.code === "ESRCH") return false; // (EPERM: it runs, as another user)
  }
  const now = procStat(holder.pid);
  if (!now) return true;
  // A zombie has exited (its parent has not collected it yet); a pid with another start time is another process.
  if (now.state === "Z" || now.state === "X") return false;
  return !(holder.start && now.start && holder.start !== now.start);
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
    const file = lockFileOf(dataDir);
    const elsewhere = holder.host !== os.hostname();
    super(
      isOwnProcess
        ? `Crux's embedded database in ${dataDir} is already open in this process; it is opened once per process.`
        : `Crux's embedded database in ${dataDir} is open in another process (pid ${holder.pid}${elsewhere ? ` on ${holder.host}` : ""}: a Crux ` +
          "server, `npm run app`, or a command such as `npm run db:seed`). Two processes writing one embedded database would " +
          "damage it: stop that one first, or set CRUX_DATA_DIR to another folder. " +
          `If no such process runs${elsewhere ? ` on ${holder.host}` : ""} any more, its lock ${file} is left over: remove that file.`,
    );
    this.name = "DataFolderInUseError";
    this.dataDir = dataDir;
    this.holder = holder;
  }
}

function mtimeOf(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The live process that holds `dataDir`'s lock, or null when no one does (a dead holder's lock counts as none). */
export function dataFolderHolder(dataDir) {
  const file = lockFileOf(dataDir);
  const holder = parseHolder(readOrNull(file) ?? "");
  return holder && isRunning(holder, mtimeOf(file)) ? { ...holder, isThisProcess: isThisProcess(holder) } : null;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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
    // already gone (or not empty: then not a lock of ours)
  }
}

/**
 * Removes the lock file if it still reads `seen` (a dead holder's, or garbage), under a second lock, so that
 * two processes taking over at once cannot remove the lock one of them has just taken. (A lock file is never
 * empty or half-written: it is written whole under another name and linked into place.)
 */
async function removeDeadLock(file, seen) {
  const guard = `${file}.takeover`;
  try {
    writeFileSync(guard, String(process.pid), { flag: "wx" });
  } catch (e) {
    if (e.code !== "EEXIST") throw e;
    // Another process is taking over right now; a guard this old was left by a crash: clear it.
    if (Date.now() - (mtimeOf(guard) ?? Date.now()) > 10_000) unlinkSafe(guard);
    await sleep(50);
    return;
  }
  try {
    const now = readLock(file);
    if (now.state === "text" && now.text === seen) unlinkSafe(file);
  } finally {
    unlinkSafe(guard);
  }
}

/**
 * Takes `dataDir`'s lock for this process and resolves to its release (idempotent). Throws
 * DataFolderInUseError at once when a live process holds it. `onLost` is called if the lock file stops
 * being this process's while held (removed by hand or with the folder, or naming another process) —
 * the folder can then no longer be trusted to be ours alone.
 * @param {string} dataDir
 * @param {{ onLost: (error: Error) => void }} options
 * @returns {Promise<() => Promise<void>>}
 */
export async function lockDataFolder(dataDir, options) {
  const file = lockFileOf(dataDir);
  const mine = JSON.stringify(thisProcess());
  const startedAt = Date.now();
  for (;;) {
    // Written whole under a name of its own, then linked into place: the lock file appears complete or not at all.
    const draft = `${file}.${process.pid}.${randomBytes(6).toString("hex")}`;
    writeFileSync(draft, mine, { flag: "wx", flush: true });
    let isTaken = false;
    try {
      linkSync(draft, file);
      isTaken = true;
    } catch (e) {
      if (e.code !== "EEXIST") {
        // A file system without hard links (FAT, some network shares): the lock file is created exclusively and
        // written at once instead; a reader may see it empty for an instant, which it waits out (UNREADABLE_GRACE_MS).
        if (!NO_HARD_LINKS.has(e.code)) throw e;
        try {
          writeFileSync(file, mine, { flag: "wx", flush: true });
          isTaken = true;
        } catch (e2) {
          if (e2.code !== "EEXIST") throw e2;
        }
      }
    } finally {
      unlinkSafe(draft);
    }
    if (isTaken) return holdLock(file, mine, options.onLost);
    const now = readLock(file);
    if (now.state === "directory") {
      // Not a lock of this kind (an empty directory in its place, as an older lock left): clear it and retry.
      rmdirSafe(file);
      if (readLock(file).state === "directory") throw new Error(`${file} is a directory, not Crux's lock file: remove it.`);
    } else if (now.state === "text") {
      const holder = parseHolder(now.text);
      if (holder && isRunning(holder, mtimeOf(file))) throw new DataFolderInUseError(dataDir, holder, isThisProcess(holder));
      // A dead holder's lock, or a file this module did not write (and that nobody is writing: it is old).
      if (holder || Date.now() - (mtimeOf(file) ?? Date.now()) > UNREADABLE_GRACE_MS) await removeDeadLock(file, now.text);
      else await sleep(100);
    } else if (now.state === "unreadable") {
      await sleep(100);
    }
    // (Missing: released or taken over meanwhile — try again.)
    if (Date.now() - startedAt > ACQUIRE_LIMIT_MS) throw new Error(`Could not take the lock ${file} in ${ACQUIRE_LIMIT_MS / 1000} s: it keeps changing hands.`);
  }
}

/** The locks this process holds, released when it exits however it exits (one 'exit' listener for all). */
const held = new Set();
let isExitHooked = false;

function holdLock(file, mine, onLost) {
  let isHeld = true;
  const stop = () => {
    isHeld = false;
    clearInterval(check);
    held.delete(release);
  };
  function release() {
    if (!isHeld) return;
    stop();
    const now = readLock(file);
    if (now.state === "text" && now.text === mine) unlinkSafe(file);
  }
  const check = setInterval(() => {
    const now = readLock(file);
    // (Unreadable for the moment — out of file descriptors — is no loss: look again next time.)
    if (now.state === "unreadable" || (now.state === "text" && now.text === mine)) return;
    stop();
    onLost(new Error(now.state === "missing" ? `its lock file ${file} was removed` : `its lock file ${file} names another process`));
  }, CHECK_MS);
  check.unref();
  held.add(release);
  if (!isExitHooked) {
    isExitHooked = true;
    // A process that exits without closing (process.exit on a fatal error) leaves no lock behind it.
    process.on("exit", () => {
      for (const r of [...held]) r();
    });
  }
  return async () => release();
}
