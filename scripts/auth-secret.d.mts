/** Where `npm run app` keeps the secret it generated. */
export function generatedSecretPath(dataDir: string): string;
/** `npm run app`: NEXTAUTH_SECRET when set, else the data folder's generated secret, made now when there is none. */
export function ensureAuthSecret(env: Record<string, string | undefined>, dataDir: string): string;
/** `npm start` / `npm run dev`: NEXTAUTH_SECRET, else (embedded database only) the one `npm run app` generated — or what to do. */
export function authSecretFor(env: Record<string, string | undefined>, dataDir: string): { secret: string; source: string; problem?: undefined } | { problem: string; secret?: undefined; source?: undefined };
