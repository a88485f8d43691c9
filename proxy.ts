import { NextResponse, type NextRequest } from "next/server";
import { refuseCrossSiteRequest } from "@/app/api/_lib/origin";
import { isSafeUrlPath } from "@/lib/text/untrusted";

/**
 * Runs before every request except static build files:
 * - a path with a NUL, another control character, a lone surrogate or malformed percent-encoding in
 *   a segment is answered 404 at once (lib/text/untrusted.ts), so no URL segment reaches a query;
 * - route handlers under /api refuse state-changing requests from other sites (app/api/_lib/origin.ts);
 * - pages get a Content-Security-Policy with a fresh nonce, which Next.js puts on its own scripts
 *   and the root layout on its inline theme script (next.config.ts adds the other security headers);
 * - a signed-out visit to an app page is redirected to sign-in quickly. That is only the fast path:
 *   every page, action and route handler still checks the session on the server (lib/server/session.ts).
 *   A server action's POST (it carries a Next-Action header) is never redirected: the client expects the
 *   action's own result and cannot read a sign-in page in its place ("An unexpected response was received
 *   from the server." — the form would stay pending with no message), so the action runs and answers
 *   "Your session has ended" itself (requireActor).
 */
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const APP_PAGES = /^\/(home|sets|classes|review|attempts|account|quiz|assignments)(\/|$)/;

/** The CSP for one response; `nonce` allows exactly the scripts and styles this render emitted. */
export function contentSecurityPolicy(nonce: string, options: { isDev: boolean; isHttps: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.isDev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // Inline style attributes (e.g. a progress bar's width) cannot run code; <style> elements still need the nonce.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.isHttps ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!isSafeUrlPath(pathname)) {
    return pathname.startsWith("/api/")
      ? NextResponse.json({ ok: false, error: "Not found." }, { status: 404 })
      : new NextResponse("Not found.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  if (pathname.startsWith("/api/")) return refuseCrossSiteRequest(request) ?? NextResponse.next();

  const isSignedOut = !SESSION_COOKIES.some((name) => request.cookies.has(name));
  const isServerAction = request.method === "POST" && request.headers.has("next-action");
  if (isSignedOut && !isServerAction && (pathname === "/" || APP_PAGES.test(pathname))) {
    const url = request.nextUrl.clone();
    url.pathname = "/signin";
    url.search = "";
    if (pathname !== "/") url.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(url);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, {
    isDev: process.env.NODE_ENV === "development",
    isHttps: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
