// The lint rule that keeps date and time formatting in lib/format.ts: the ways around it a reviewer
// found (Date#toLocaleString, Intl reached through globalThis or destructuring) are caught too.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Linter } from "eslint";
import tseslint from "typescript-eslint";
import { beforeAll, describe, expect, it } from "vitest";

let rule: Linter.RuleEntry | undefined;

beforeAll(async () => {
  const configUrl = pathToFileURL(path.resolve(import.meta.dirname, "../../eslint.config.mjs")).href;
  const config = ((await import(configUrl)) as { default: Linter.Config[] }).default;
  rule = config.find((c) => c.files?.includes("components/**/*.tsx") && c.rules?.["no-restricted-syntax"])?.rules?.["no-restricted-syntax"];
});

function isFlagged(code: string): boolean {
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(code, [{ files: ["**/*.tsx"], languageOptions: { parser: tseslint.parser as Linter.Parser }, rules: { "no-restricted-syntax": rule! } }], "components/example.tsx");
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(fatal.message);
  return messages.some((m) => m.ruleId === "no-restricted-syntax");
}

describe("date formatting stays in lib/format.ts", () => {
  it.each([
    "new Intl.DateTimeFormat('en-GB').format(d);",
    "new globalThis.Intl.DateTimeFormat('en-GB').format(d);",
    "new window.Intl.DateTimeFormat('en-GB').format(d);",
    "new Intl['DateTimeFormat']('en-GB');",
    "const { DateTimeFormat } = Intl; new DateTimeFormat('en-GB');",
    "const { DateTimeFormat: F } = globalThis.Intl;",
    "d.toLocaleDateString('en-IN');",
    "d.toLocaleTimeString();",
    "Date.prototype.toLocaleTimeString.call(d);",
    "d.toLocaleString();",
    "new Date(ms).toLocaleString('en-IN');",
    "d.toLocaleString('en-IN', { timeZone: 'Asia/Kolkata' });",
    "d.toLocaleString('en-GB', { hour: '2-digit', minute: '2-digit' });",
  ])("flags %s", (code) => {
    expect(isFlagged(code)).toBe(true);
  });

  it.each(["n.toLocaleString('en-IN');", "(12000).toLocaleString('en', { maximumFractionDigits: 0 });", "new Intl.NumberFormat('en-IN').format(n);", "formatDateTime(d);"])(
    "leaves alone %s",
    (code) => {
      expect(isFlagged(code)).toBe(false);
    },
  );
});
