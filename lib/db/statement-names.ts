import { createHash } from "node:crypto";

/**
 * Names for PostgreSQL prepared statements, for `@prisma/adapter-pg`'s `statementNameGenerator`: a
 * statement with a name is parsed and planned once per connection and then only bound and executed
 * (after five runs PostgreSQL may keep a generic plan, skipping planning altogether), where an unnamed
 * one is parsed and planned on every run. The name is a digest of the SQL text, so one text always gets
 * one name (pg refuses a name reused for another text). Each connection keeps every statement it has
 * prepared until it closes, so at most `limit` distinct texts get a name; texts met after that run
 * unnamed (""), as they would without this.
 */
export function statementNames(limit: number): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    const known = names.get(sql);
    if (known !== undefined) return known;
    if (names.size >= limit) return "";
    const name = `crux_${createHash("sha1").update(sql).digest("hex").slice(0, 24)}`;
    names.set(sql, name);
    return name;
  };
}
