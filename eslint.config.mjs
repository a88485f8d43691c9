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
    // Intl.DateTimeFormat however it is reached (globalThis.Intl, Intl["DateTimeFormat"], destructured
    // from Intl); Date#toLocaleDateString / toLocaleTimeString however referred to; toLocaleString
    // with no locale (the device's: a Date's, or a number's), on a `new Date(…)`, or with date or time
    // options. A number's toLocaleString("en-IN") stays allowed.
    rules: {
      "no-restricted-syntax": [
        "error",
        ...[
          "MemberExpression[property.name='DateTimeFormat']",
          "MemberExpression[property.value='DateTimeFormat']",
          "ObjectPattern > Property[key.name='DateTimeFormat']",
          "ObjectPattern > Property[key.value='DateTimeFormat']",
          "MemberExpression[property.name=/^toLocale(Date|Time)String$/]",
          "MemberExpression[property.value=/^toLocale(Date|Time)String$/]",
          "CallExpression[callee.property.name='toLocaleString'][arguments.length=0]",
          "CallExpression[callee.property.name='toLocaleString'][callee.object.type='NewExpression'][callee.object.callee.name='Date']",
          "CallExpression[callee.property.name='toLocaleString'] > ObjectExpression > Property[key.name=/^(timeZone|timeZoneName|dateStyle|timeStyle|weekday|era|year|month|day|hour|minute|second|hour12|hourCycle)$/]",
        ].map((selector) => ({ selector, message: "Format dates and times with lib/format.ts (the display zone, named beside every time)." })),
      ],
    },
  },
];

export default config;
