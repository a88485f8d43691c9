// WCAG 2.1 AA contrast (1.4.3: 4.5:1 for normal text) of the theme tokens in app/globals.css, in
// the light (:root) and the dark (.dark) theme: every text colour on every surface it is drawn on,
// the solid "inverted" badges, and each Badge tone. Contrast ratio and relative luminance as defined
// in WCAG 2.1 (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { badgeTones } from "@/components/ui/badge-tones";

const css = readFileSync(path.resolve(import.meta.dirname, "../../app/globals.css"), "utf8");

function tokensOf(selector: string): Record<string, string> {
  const block = new RegExp(`(^|\\n)${selector.replace(".", "\\.")}\\s*\\{([^}]*)\\}`).exec(css)?.[2];
  if (!block) throw new Error(`no ${selector} block in app/globals.css`);
  return Object.fromEntries([...block.matchAll(/--([a-z0-9-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const themes = { light: tokensOf(":root"), dark: tokensOf(".dark") };
const TEXT = ["fg", "muted", "accent", "good", "warn", "bad"];
const SURFACES = ["bg", "surface", "surface-2", "accent-soft"];
// Solid badges and buttons: page-coloured text on a strong token (e.g. "bg-good text-bg").
const INVERTED = ["good", "warn", "bad", "fg", "accent"];

describe.each(Object.entries(themes))("the %s theme", (_, tokens) => {
  it("defines every token the checks use", () => {
    for (const name of [...TEXT, ...SURFACES, "accent-fg"]) expect(tokens[name], name).toMatch(/^#[0-9a-f]{6}$/);
  });

  it.each(TEXT.flatMap((fg) => SURFACES.map((bg) => [fg, bg] as const)))("%s text on %s reaches 4.5:1", (fg, bg) => {
    expect(contrast(tokens[fg]!, tokens[bg]!)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(INVERTED)("page-coloured text on solid %s reaches 4.5:1", (fill) => {
    expect(contrast(tokens.bg!, tokens[fill]!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(tokens.surface!, tokens[fill]!)).toBeGreaterThanOrEqual(4.5);
  });

  it("accent-fg on accent (primary buttons) reaches 4.5:1", () => {
    expect(contrast(tokens["accent-fg"]!, tokens.accent!)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(Object.entries(badgeTones))("the %s badge (%s) reaches 4.5:1", (_, className) => {
    const bg = /\bbg-([a-z0-9-]+)/.exec(className)?.[1];
    const fg = /\btext-([a-z0-9-]+)/.exec(className)?.[1];
    expect(bg && tokens[bg], `background token of "${className}"`).toBeTruthy();
    expect(fg && tokens[fg], `text token of "${className}"`).toBeTruthy();
    expect(contrast(tokens[fg!]!, tokens[bg!]!)).toBeGreaterThanOrEqual(4.5);
  });
});
