// "Not found" must reach the browser as HTTP 404, not a 200 page that says so. A page calling notFound()
// gets a 404 only if the response has not started: a loading.tsx above it (or a <Suspense> fallback)
// starts streaming with 200 before the page's check runs, and Next.js can then only inject a noindex
// tag (node_modules/next/dist/docs/01-app/02-guides/streaming.md, "The HTTP contract"). Checked on the
// files, as the app is not served in unit tests. Also: the app has an icon, so no page asks for a
// missing /favicon.ico.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const APP = path.resolve(import.meta.dirname, "../../app");

function pagesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return pagesUnder(full);
    return entry.name === "page.tsx" ? [full] : [];
  });
}

/** The loading.tsx files from app/ down to the page's own folder. */
function loadingAbove(page: string): string[] {
  const found: string[] = [];
  for (let dir = path.dirname(page); dir.startsWith(APP); dir = path.dirname(dir)) {
    const loading = path.join(dir, "loading.tsx");
    if (existsSync(loading)) found.push(path.relative(APP, loading));
  }
  return found;
}

describe("not-found pages answer 404", () => {
  const callers = pagesUnder(APP).filter((page) => /\bnotFound\(\)/.test(readFileSync(page, "utf8")));

  it("finds the pages that call notFound()", () => {
    expect(callers.length).toBeGreaterThan(5);
  });

  it.each(callers.map((page) => [path.relative(APP, page)]))("%s has no loading.tsx above it that would start the response with 200", (page) => {
    expect(loadingAbove(path.join(APP, page))).toEqual([]);
  });
});

describe("the app's icon", () => {
  it("is an SVG in app/, which Next.js links from every page", () => {
    const svg = readFileSync(path.join(APP, "icon.svg"), "utf8");
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.trim().endsWith("</svg>")).toBe(true);
  });
});
