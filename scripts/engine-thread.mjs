// A worker thread of the engine pool (lib/server/engine-pool.ts, via piscina): runs the content
// engine's CPU-heavy work (ingesting material, generating a study set) off the server's event loop.
// Plain JavaScript loading the TypeScript engine through tsx at run time, so that the same file
// serves `next start`, the tests and `npm run worker` without being bundled.
import { tsImport } from "tsx/esm/api";

const { runEngineTask } = await tsImport("../lib/generate/thread-tasks.ts", import.meta.url);

export default function run(task) {
  return runEngineTask(task);
}
