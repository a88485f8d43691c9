// Prisma CLI configuration (Prisma 7 reads the connection URL here, not from schema.prisma).
//
// Which database the CLI migrates follows the same rule as lib/db:
//   DATABASE_URL set   → that PostgreSQL database (postgresql://…).
//   DATABASE_URL unset → the embedded PGlite database of the app, stored in `${CRUX_DATA_DIR:-.data}/pglite`
//                        (relative to the project root), passed on as an absolute `file:///…` URL.
// The CLI hands this URL to the schema engine it spawns; ours (scripts/schema-engine/bin.mjs, selected by
// scripts/prisma.mjs) opens `file:` URLs with PGlite and `postgres(ql):` URLs with @prisma/adapter-pg.
// Always run the CLI through `npm run prisma -- …` / `npm run db:*`, never `npx prisma`: without the bridge
// the CLI tries to download a native engine. On the PGlite folder it takes the same lock as the app
// (scripts/data-folder-lock.mjs): while the app runs there, a command is refused, not let in to corrupt it.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { defineConfig } from "prisma/config";

const projectRoot = path.dirname(fileURLToPath(import.meta.url));

function embeddedDatabaseUrl(): string {
  const dataDir = path.resolve(projectRoot, process.env.CRUX_DATA_DIR || ".data");
  return pathToFileURL(path.join(dataDir, "pglite")).href;
}

export default defineConfig({
  schema: path.join(projectRoot, "prisma", "schema.prisma"),
  migrations: {
    path: path.join(projectRoot, "prisma", "migrations"),
  },
  datasource: {
    url: process.env.DATABASE_URL || embeddedDatabaseUrl(),
  },
});
