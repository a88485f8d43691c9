import type { Instrumentation } from "next";

/**
 * Next.js calls these in every server runtime, the Edge one included: everything Crux runs here is
 * Node-only (the database, worker threads, the file system), so it lives in ./instrumentation-node.ts,
 * imported only inside `if (process.env.NEXT_RUNTIME === "nodejs")` — the form Next.js documents
 * ("Importing runtime-specific code"). The bundler replaces NEXT_RUNTIME with the runtime it builds
 * for and drops the dead branch, so the Edge bundle never contains those modules. (An early
 * `if (… !== "nodejs") return;` is not dropped the same way: the Edge build then traced
 * lib/db/client.ts and printed a warning for each Node API in it.)
 * test/scripts/instrumentation-runtime.test.ts keeps every import of this file inside that branch.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerNodeServer } = await import("./instrumentation-node");
    await registerNodeServer();
  }
}

/**
 * Every error Next.js catches while rendering a page, running an action or a route handler is
 * logged with its context, under the digest that the error boundary shows the user as its
 * reference (./instrumentation-node.ts).
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { reportRequestError } = await import("./instrumentation-node");
    await reportRequestError(error, request, context);
  }
};
