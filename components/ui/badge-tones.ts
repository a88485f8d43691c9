/**
 * The Badge's tones as theme-token classes (`bg-<token> text-<token>`), kept in a plain module so
 * the contrast test (test/ui/theme-contrast.test.ts) checks every tone against both themes' tokens.
 */
export const badgeTones = {
  neutral: "bg-surface-2 text-muted",
  accent: "bg-accent-soft text-accent",
  good: "bg-surface-2 text-good",
  warn: "bg-surface-2 text-warn",
} as const;

export type BadgeTone = keyof typeof badgeTones;
