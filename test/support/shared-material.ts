import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "vitest";

/**
 * Third-party material that sits beside the project in this workspace (`../shared/…`) and is never
 * committed. A clone elsewhere does not have it, so every test that reads it goes through
 * `describeWithShared`, which skips the block with a one-line reason when a file is missing. The
 * block's body is not even collected then: reading files at collection time is safe inside it.
 */
export const SHARED_DIR = path.resolve(__dirname, "../../../shared");

/** Absolute path of `relative` (e.g. "material/000_….txt") inside the shared folder. */
export function sharedPath(relative: string): string {
  return path.join(SHARED_DIR, relative);
}

/** True when every listed file exists in the shared folder. */
export function hasShared(files: readonly string[]): boolean {
  return files.every((f) => existsSync(sharedPath(f)));
}

/** The text of a shared file (call only inside a `describeWithShared` block). */
export function readShared(relative: string): string {
  return readFileSync(sharedPath(relative), "utf8");
}

/** `describe(name, body)` when every file in `needs` exists; otherwise a skipped block saying why. */
export function describeWithShared(name: string, needs: readonly string[], body: () => void): void {
  const missing = needs.filter((f) => !existsSync(sharedPath(f)));
  if (missing.length === 0) {
    describe(name, body);
    return;
  }
  const reason = `needs ../shared/${missing[0]}${missing.length > 1 ? ` and ${missing.length - 1} more` : ""}, absent in this checkout`;
  describe.skip(name, () => {
    it(`skipped: ${reason}`, () => {});
  });
}

/** The UPSC-style written questions `../shared/material-more/README.md` sets for one of its texts, read at run time (never copied into the project). */
export function moreQuestions(file: string): string[] {
  const section = readShared("material-more/README.md").split(/^## UPSC-style written questions.*$/m)[1] ?? "";
  const lines = section.split("\n");
  const at = lines.findIndex((l) => l.startsWith(`${file.slice(0, 3)} `));
  const out: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (/^\d{3} /.test(line) || /^#/.test(line)) break;
    const start = /^\d\.\s+(.*)$/.exec(line);
    if (start) out.push(start[1]!.trim());
    else if (/^\s+\S/.test(line) && out.length) out[out.length - 1] += ` ${line.trim()}`;
  }
  return at < 0 ? [] : out;
}
