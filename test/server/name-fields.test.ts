// Every one-line name or title a person types is read with untrustedName (lib/text/untrusted): no bidi
// control or other invisible format character reaches the database through any of these schemas.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { issueTeacherCodeSchema, personNameSchema } from "@/lib/auth/schemas";
import { assignmentInputSchema } from "@/lib/classes/assignments";
import { newStudySetSchema, uploadedFileSchema } from "@/lib/server/authoring";
import { createClassSchema } from "@/lib/server/classes";
describe("one-line names at the trust boundary", () => {
  const spoof = "\u202e\u200fAnnual\u061c\u200b test";
  it.each<[string, z.ZodType, (v: string) => unknown, (out: unknown) => unknown]>([
    ["a study set's title", newStudySetSchema, (v) => ({ title: v }), (o) => (o as { title: string }).title],
    ["a study set's subject and material title and outlet", newStudySetSchema, (v) => ({ title: "Set", subject: v, pasteTitle: v, pasteOutlet: v }), (o) => Object.values(o as object).filter((x) => typeof x === "string" && x !== "Set")],
    ["a class's name", createClassSchema, (v) => ({ name: v }), (o) => (o as { name: string }).name],
    ["an assignment's title", assignmentInputSchema, (v) => ({ studySetId: "s", classId: "c", title: v }), (o) => (o as { title: string }).title],
    ["a person's name", personNameSchema, (v) => v, (o) => o],
    ["a teacher invitation's note", issueTeacherCodeSchema, (v) => ({ note: v, days: 7 }), (o) => (o as { note: string }).note],
    ["an uploaded file's name", uploadedFileSchema, (v) => ({ name: `${v}.md`, size: 1 }), (o) => (o as { name: string }).name.replace(/\.md$/, "")],
  ])("strips bidi and invisible format characters from %s", (_label, schema, input, pick) => {
    const picked = pick(schema.parse(input(spoof)));
    for (const value of Array.isArray(picked) ? picked : [picked]) expect(value).toBe("Annual test");
  });

  it.each<[string, z.ZodType, unknown, string]>([
    ["a study set's title", newStudySetSchema, { title: "\u034F\u0301\u0302\u0303" }, "Give the set a title with at least one letter or number."],
    ["a class's name", createClassSchema, { name: "\u0301\u0302" }, "Give the class a name with at least one letter or number."],
    ["a person's name", personNameSchema, "\u17B4\u0301", "Enter a name with at least one letter or number."],
    ["an assignment's title", assignmentInputSchema, { studySetId: "s", classId: "c", title: "\uFFFC\u0301" }, "Use at least one letter or number."],
  ])("refuses %s that shows no letter, number or symbol", (_label, schema, input, message) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain(message);
  });
});
