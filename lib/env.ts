import path from "node:path";
import { z } from "zod";

/**
 * Server environment, validated once. Database mode: `DATABASE_URL` set → PostgreSQL;
 * unset → embedded PGlite under `${CRUX_DATA_DIR}/pglite` (default `.data/pglite`).
 */
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Connections each app process keeps to PostgreSQL (pg's pool size). Processes × this must stay under the server's max_connections. */
  DATABASE_POOL_SIZE: z.coerce.number({ error: "DATABASE_POOL_SIZE must be a whole number" }).int().min(1).max(500).default(10),
  CRUX_DATA_DIR: z.string().min(1).default(".data"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type ServerEnv = z.infer<typeof envSchema> & { pgliteDir: string };

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${issues}`);
  }
  cached = { ...parsed.data, pgliteDir: path.resolve(parsed.data.CRUX_DATA_DIR, "pglite") };
  return cached;
}
