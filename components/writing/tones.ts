/**
 * Colours that tie a rubric point's number to the answer sentences that earned it. Built from the
 * theme tokens in app/globals.css, so light and dark themes both keep contrast (`text-bg` on a
 * token background is light on the light theme's dark colours and dark on the dark theme's light ones).
 */
const TONES = [
  { mark: "bg-accent/15 border-accent", badge: "bg-accent text-bg" },
  { mark: "bg-good/15 border-good", badge: "bg-good text-bg" },
  { mark: "bg-warn/15 border-warn", badge: "bg-warn text-bg" },
  { mark: "bg-fg/10 border-fg", badge: "bg-fg text-bg" },
] as const;

export function toneOf(pointNumber: number): (typeof TONES)[number] {
  return TONES[(pointNumber - 1) % TONES.length] ?? TONES[0];
}
