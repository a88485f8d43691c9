// The server's young generation: V8's default semi-space (16 MB on 64-bit) fills several times per
// page render under load, and each scavenge promotes short-lived render objects that a full GC
// later has to collect. With a 64 MB semi-space the share of a page-serving process's CPU spent in
// GC fell from 10.5 to 5.5 % (profile of the dashboard under load, README "API load benchmark").
// It is a V8 start-up flag, so scripts/server.mjs gives it to the worker processes it forks on
// PostgreSQL (the embedded database serves from the one process it was started as). Memory: the
// young generation of each V8 isolate (two semi-spaces) may grow to 128 MB instead of 32 MB, and that
// holds for every isolate in the process (the content engine's threads too). NODE_OPTIONS with a
// --max-semi-space-size of its own (e.g. 16, V8's default) wins.

/** The flag Crux's server processes start with. */
export const YOUNG_GENERATION_FLAG = "--max-semi-space-size=64";

const SEMI_SPACE_RE = /(?:^|\s)--max[-_]semi[-_]space[-_]size(?:=|\s|$)/;

/** `execArgv` with the young-generation flag added, unless it or NODE_OPTIONS already sets a semi-space size. */
export function withYoungGeneration(execArgv, nodeOptions = "") {
  if (execArgv.some((arg) => SEMI_SPACE_RE.test(arg)) || SEMI_SPACE_RE.test(nodeOptions)) return [...execArgv];
  return [...execArgv, YOUNG_GENERATION_FLAG];
}
