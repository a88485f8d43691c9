/**
 * cyrb53 (public-domain 53-bit string hash by bryc): stable ids derived from content, so the same
 * material always yields the same ids without randomness or node:crypto.
 */
export function hash53(input: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < input.length; i++) {
    const ch = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A short stable id: `prefix_` + 11 base-36 chars of the hash of `parts`. */
export function stableId(prefix: string, ...parts: Array<string | number>): string {
  return `${prefix}_${hash53(parts.join("\u241f")).toString(36).padStart(11, "0")}`;
}
