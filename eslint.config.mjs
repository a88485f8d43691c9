import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

/** Domain code stays free of the framework and the database (STYLE.md: three layers, one direction). */
const domainBoundary = {
  patterns: [
    { group: ["next", "next/*", "next-auth", "next-auth/*", "react", "react-dom", "server-only"], message: "lib/<domain> is plain TypeScript: no Next.js or React." },
    { group: ["@prisma/*", "**/db/generated/*", "@/lib/db", "@/lib/db/*", "../db", "../db/*", "@/lib/server/*", "../server/*"], message: "lib/<domain> never touches the database or use cases." },
  ],
};

const config = [
  { ignores: [".next/**", "node_modules/**", "lib/db/generated/**", ".data/**", "next-env.d.ts", "public/**"] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      // An un-awaited permission check is always truthy.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // vitest helpers such as useTestDatabase() register hooks; they are not React hooks.
    files: ["test/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["lib/**/*.ts"],
    ignores: ["lib/db/**", "lib/server/**"],
    rules: { "no-restricted-imports": ["error", domainBoundary] },
  },
  {
    // Every date and time shown goes through lib/format.ts, which shows them in the app's one zone and
    // names that zone beside every time of day ("17:00 IST").
    files: ["app/**/*.ts", "app/**/*.tsx", "components/**/*.ts", "components/**/*.tsx", "lib/**/*.ts"],
    ignores: ["lib/format.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.name='Intl'][property.name='DateTimeFormat']", message: "Format dates and times with lib/format.ts (the display zone, named beside every time)." },
        { selector: "CallExpression[callee.property.name=/^toLocale(Date|Time)String$/]", message: "Format dates and times with lib/format.ts (the display zone, named beside every time)." },
      ],
    },
  },
];

export default config;
