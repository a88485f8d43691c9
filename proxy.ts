import { NextResponse, type NextRequest } from "next/server";

/**
 * A quick redirect for signed-out visitors: no session cookie, no app page. This is only the fast
 * path; every page, action and route handler still checks the session on the server (lib/server).
 */
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = "";
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") url.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/", "/home/:path*", "/sets/:path*", "/classes/:path*", "/review/:path*"],
};
