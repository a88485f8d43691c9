// The embedded database and the generated auth secret live in CRUX_DATA_DIR (default .data). A
// folder that is missing and cannot be made, or that is read-only, would otherwise surface much
// later as an obscure database error: check it up front and say which folder and why.
import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Makes `dir` if needed and proves it writable; throws an Error naming the folder otherwise. */
export function ensureWritableDataDir(dir) {
  const where = `Crux's data folder ${dir} (CRUX_DATA_DIR)`;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new Error(`${where} does not exist and cannot be created: ${e.code ?? e.message}. Create it, or set CRUX_DATA_DIR to a folder Crux may write to.`);
  }
  const probe = path.join(dir, `.write-check-${process.pid}`);
  try {
    accessSync(dir, constants.W_OK);
    writeFileSync(probe, "ok");
    rmSync(probe, { force: true });
  } catch (e) {
    throw new Error(`${where} is not writable: ${e.code ?? e.message}. Make it writable for this user, or set CRUX_DATA_DIR to another folder.`);
  }
}
