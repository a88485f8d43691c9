// Loads Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm).
// The package's own entry does `import * as wasm from "./schema_engine_bg.wasm"`, which Node cannot
// import, so the module is instantiated here with the package's JS glue as its import object.
import { readFile } from "node:fs/promises";

/** The glue reports Rust panics through this global before it throws a RuntimeError. */
class PanicRegistry {
  message = "";
  get() {
    return this.message;
  }
  set_message(message) {
    this.message = message;
  }
}

let loading;

/** @returns {Promise<typeof import("@prisma/schema-engine-wasm")>} the initialised bindings (once per process). */
export function loadSchemaEngineWasm() {
  loading ??= (async () => {
    globalThis.PRISMA_WASM_PANIC_REGISTRY ??= new PanicRegistry();
    const glueUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = await import(glueUrl);
    const bytes = await readFile(new URL("schema_engine_bg.wasm", glueUrl));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return glue;
  })();
  return loading;
}

/** The last Rust panic message, if the engine panicked. */
export function lastPanicMessage() {
  return globalThis.PRISMA_WASM_PANIC_REGISTRY?.message || undefined;
}
