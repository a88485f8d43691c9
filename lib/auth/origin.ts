/**
 * Cross-site request check for state-changing requests, the rule Next.js applies to server
 * actions: a browser's `Origin` must name this site — its host is the request's `Host`, or it is
 * the app's configured public origin (NEXTAUTH_URL). Without `Origin`, `Sec-Fetch-Site` must say
 * same-origin. Requests with neither header come from non-browser clients, which cannot carry a
 * victim's cookies across sites, and are let through.
 */
export const STATE_CHANGING_METHODS: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface RequestOriginFacts {
  method: string;
  /** The `Origin` header, if any. */
  origin: string | null;
  /** The `Sec-Fetch-Site` header, if any. */
  fetchSite: string | null;
  /** The `Host` header the request was sent with. */
  host: string | null;
  /** The app's public URL (NEXTAUTH_URL), if configured. */
  publicUrl?: string | undefined;
}

function parse(url: string | null | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True when the request may change state: a safe method, or one sent from this site. */
export function isSameSiteRequest(facts: RequestOriginFacts): boolean {
  if (!STATE_CHANGING_METHODS.has(facts.method.toUpperCase())) return true;
  if (facts.origin !== null) {
    const origin = parse(facts.origin);
    if (!origin || origin.origin === "null") return false; // "null" (sandboxed frames, file: pages) or garbage
    if (facts.host && origin.host === facts.host.toLowerCase()) return true;
    return parse(facts.publicUrl)?.origin === origin.origin;
  }
  if (facts.fetchSite !== null) return facts.fetchSite === "same-origin" || facts.fetchSite === "none";
  return true;
}
