"use client";

import { useSyncExternalStore } from "react";

function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}
const isDarkNow = () => document.documentElement.classList.contains("dark");

/** Switches light/dark and remembers the choice on this device. */
export function ThemeToggle() {
  const isDark = useSyncExternalStore(subscribe, isDarkNow, () => false);
  function toggle() {
    const next = !isDarkNow();
    document.documentElement.classList.toggle("dark", next);
    try {
      localStorage.setItem("crux-theme", next ? "dark" : "light");
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }
  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={isDark}
      className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg text-sm text-muted hover:bg-surface-2"
    >
      <span aria-hidden="true">{isDark ? "☀" : "☾"}</span>
      <span className="sr-only">Dark mode</span>
    </button>
  );
}
