import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { MarkSelect } from "@/components/writing/mark-select";

// A form-level message leaves out what a field already says (formLevelError), so a field's own message must be
// announced when it appears, or a screen-reader user hears nothing after a failed submit.
const MESSAGE = "Say which part of the answer earned it.";

describe("a field's error", () => {
  it.each([
    ["Field", createElement(Field, { label: "How many questions", name: "count", errors: [MESSAGE] })],
    ["TextAreaField", createElement(TextAreaField, { label: "Why", name: "reason", errors: [MESSAGE] })],
    ["SelectField", createElement(SelectField, { label: "Theme", name: "theme", errors: [MESSAGE] }, createElement("option", { value: "a" }, "A"))],
    ["MarkSelect", createElement(MarkSelect, { id: "mark", value: "1", onChange: () => undefined, choices: [0, 1, 2], errors: [MESSAGE] })],
  ])("is announced when it appears, and described by the control (%s)", (_name, element) => {
    const html = renderToStaticMarkup(element);
    const error = /<p id="([^"]+)" role="alert"[^>]*>([^<]*)<\/p>/.exec(html);
    expect(error?.[2]).toBe(MESSAGE);
    expect(html).toMatch(new RegExp(`aria-invalid="true" aria-describedby="${error?.[1]}`));
  });

  it("is not there without errors", () => {
    expect(renderToStaticMarkup(createElement(Field, { label: "How many questions", name: "count" }))).not.toContain("role=");
  });
});
