// instrumentation.ts is bundled for the Edge runtime too. Turbopack drops a branch only when its condition is
// `process.env.NEXT_RUNTIME === "nodejs"` (replaced by the runtime's name, then folded to false): code after an
// early `if (… !== "nodejs") return;` stays in the Edge bundle, and every Node API in the modules it imports
// (lib/db/client.ts, scripts/data-folder-lock.mjs…) was printed as an "Ecmascript file had an error" warning on
// every `npm run build` and `npm run app` (22 of them, ~800 lines). So every import this file makes sits inside
// that branch — the form Next.js documents ("Importing runtime-specific code").
import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/** Each import of `source` (static or `import()`) that would reach the Edge bundle: not type-only and not inside `if (process.env.NEXT_RUNTIME === "nodejs") { … }`. */
function importsReachingEdge(source: string): string[] {
  const file = ts.createSourceFile("instrumentation.ts", source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const isNodeRuntimeTest = (e: ts.Expression): boolean =>
    ts.isBinaryExpression(e) &&
    e.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken &&
    e.left.getText(file) === "process.env.NEXT_RUNTIME" &&
    ts.isStringLiteral(e.right) &&
    e.right.text === "nodejs";
  const insideNodeBranch = (node: ts.Node): boolean => {
    for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (ts.isIfStatement(parent) && parent.thenStatement === child && isNodeRuntimeTest(parent.expression)) return true;
    }
    return false;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && !insideNodeBranch(node)) found.push(node.arguments[0]?.getText(file) ?? "import()");
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("instrumentation.ts in the Edge runtime", () => {
  it("imports nothing outside the Node.js runtime's branch", () => {
    expect(importsReachingEdge(readFileSync("instrumentation.ts", "utf8"))).toEqual([]);
  });

  it("counts an import after an early return as reaching the Edge bundle, and one inside the branch as not", () => {
    expect(importsReachingEdge(`export async function register() { if (process.env.NEXT_RUNTIME !== "nodejs") return; await import("./lib/db/client"); }`)).toEqual(['"./lib/db/client"']);
    expect(importsReachingEdge(`import { getDb } from "./lib/db/client";`)).toEqual(["./lib/db/client"]);
    expect(importsReachingEdge(`import type { Instrumentation } from "next"; export async function register() { if (process.env.NEXT_RUNTIME === "nodejs") { await import("./instrumentation-node"); } }`)).toEqual([]);
  });
});
