import { isSameSiteRequest } from "@/lib/auth/origin";

/**
 * The one cross-site check for route handlers: proxy.ts applies it to every request under /api,
 * so a state-changing handler (POST, PUT, PATCH, DELETE) never runs for a request sent from another
 * site — the protection Next.js gives server actions. Returns the 403 to send, or null.
 */
export function refuseCrossSiteRequest(request: Request): Response | null {
  const isAllowed = isSameSiteRequest({
    method: request.method,
    origin: request.headers.get("origin"),
    fetchSite: request.headers.get("sec-fetch-site"),
    host: request.headers.get("host"),
    publicUrl: process.env.NEXTAUTH_URL,
  });
  if (isAllowed) return null;
  return Response.json(
    { ok: false, error: "This request came from another site and was refused. Use Crux's own pages." },
    { status: 403, headers: { "Cache-Control": "no-store" } },
  );
}
