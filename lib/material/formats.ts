import type { MaterialFormat } from "./schemas";

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ndash: "\u2013", mdash: "\u2014",
  lsquo: "\u2018", rsquo: "\u2019", ldquo: "\u201c", rdquo: "\u201d", hellip: "\u2026", copy: "\u00a9",
  reg: "\u00ae", trade: "\u2122", middot: "\u00b7", bull: "\u2022", laquo: "\u00ab", raquo: "\u00bb",
  eacute: "\u00e9", egrave: "\u00e8", uuml: "\u00fc", ouml: "\u00f6", auml: "\u00e4", ccedil: "\u00e7",
};

export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? match;
  });
}

const BLOCK_TAGS =
  "address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tr|td|th|ul";

/**
 * Turns an HTML page into plain text lines: drops script/style/nav/footer/form and comments, ends a
 * line at every block element, keeps headings on their own line and list items as "- " lines.
 */
export function htmlToText(html: string): string {
  let text = html.replace(/<!--[\s\S]*?-->/g, " ");
  text = text.replace(/<(script|style|noscript|template|svg|nav|footer|form|iframe|button|select)\b[\s\S]*?<\/\1\s*>/gi, " ");
  text = text.replace(/<head\b[\s\S]*?<\/head\s*>/gi, (head) => {
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(head)?.[1];
    return title ? `\n${title}\n` : "\n";
  });
  text = text.replace(/<li\b[^>]*>/gi, "\n- ");
  text = text.replace(new RegExp(`</?(?:${BLOCK_TAGS})\\b[^>]*>`, "gi"), "\n");
  text = text.replace(/<[^>]+>/g, "");
  text = decodeHtmlEntities(text);
  return text.replace(/[ \t]+/g, " ").replace(/ *\n */g, "\n").replace(/\n{2,}/g, "\n");
}

/** Strips Markdown markup to plain lines: headings, emphasis, links, images, code fences, tables. */
export function markdownToText(md: string): string {
  return md
    .replace(/```[\s\S]*?```/g, "")
    .replace(/^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/gm, "$1")
    .replace(/^ {0,3}>\s?/gm, "")
    .replace(/^\s*[*+]\s+/gm, "- ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[^\w*])[*_](\S(?:.*?\S)?)[*_](?=[^\w*]|$)/gm, "$1$2")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/gm, "")
    .replace(/^\s*\|(.*)\|\s*$/gm, (_row, cells: string) => cells.split("|").map((c) => c.trim()).filter(Boolean).join("; "))
    .replace(/^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/gm, "");
}

/** The format implied by a file name, or null when the extension is not accepted. */
export function formatFromFilename(filename: string): MaterialFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  if (!ext) return null;
  if (ext === "txt" || ext === "text") return "text";
  if (ext === "md" || ext === "markdown") return "markdown";
  if (ext === "html" || ext === "htm" || ext === "xhtml") return "html";
  return null;
}

/** Guesses HTML for pasted text that is clearly markup. */
export function sniffFormat(content: string): MaterialFormat {
  return /^\s*(<!doctype html|<html\b)|<(p|div|article|body)\b[^>]*>/i.test(content.slice(0, 4000)) ? "html" : "text";
}

export function toPlainText(content: string, format: MaterialFormat): string {
  if (format === "html") return htmlToText(content);
  if (format === "markdown") return markdownToText(content);
  return content;
}
