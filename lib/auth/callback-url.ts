/** Where a signed-in user lands when no (acceptable) destination was asked for. */
export const DEFAULT_SIGNED_IN_PATH = "/home";

/**
 * The only way a post-sign-in destination is chosen (sign-in page, its form, next-auth's redirect
 * callback): `value` is resolved with the WHATWG URL parser against the app's own origin, as a
 * browser would resolve it, and kept only when it stays on that origin. `/\evil.example` and
 * `//evil.example` resolve to another host and fall back to the default, as do other schemes
 * (`javascript:`), credentials in the URL and anything that does not parse. Returns a path with
 * its query and fragment, never an absolute URL.
 */
export function safeCallbackPath(value: unknown, appOrigin: string, fallback: string = DEFAULT_SIGNED_IN_PATH): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return fallback;
  let base: URL;
  let target: URL;
  try {
    base = new URL(appOrigin);
    target = new URL(raw, base);
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin || target.username || target.password) return fallback;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // Belt and braces: a path that a browser could still read as protocol-relative is never returned.
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : fallback;
}
