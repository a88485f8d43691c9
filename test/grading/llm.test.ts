import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLlmGrader, getGrader } from "@/lib/grading";
import { goodAnswer, groundwaterMaterial, groundwaterQuestion } from "./fixtures";

/**
 * The LLM grader against a real local HTTP server speaking the chat-completions shape. The reply
 * for each request is taken from `nextReply` (a function of the request body), so each test sets
 * what the "model" says.
 */
let server: Server;
let baseUrl = "";
let requests = 0;
let nextReply: (body: unknown) => { status: number; content: string } = () => ({ status: 500, content: "" });

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      requests++;
      const body: unknown = JSON.parse(raw || "{}");
      const { status, content } = nextReply(body);
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: "x", object: "chat.completion", choices: [{ index: 0, message: { role: "assistant", content } }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const config = () => ({ baseUrl, model: "test-model", timeoutMs: 5_000 });
const input = { question: groundwaterQuestion, answerText: goodAnswer, materials: [groundwaterMaterial] };
const freeSentence = "- Because electricity for farm pumps is free, farmers pump water without paying anything for it, so they over-extract.";

function verdict(overrides: Record<string, { credit: number; quotes: string[] }> = {}) {
  return {
    points: groundwaterQuestion.rubric.map((p) => ({
      rubricId: p.id,
      credit: overrides[p.id]?.credit ?? 0,
      quotes: overrides[p.id]?.quotes ?? [],
      feedback: "ok",
    })),
  };
}

describe("LLM grader", () => {
  it("uses the model's verdicts when every quote is in the answer", async () => {
    nextReply = () => ({ status: 200, content: JSON.stringify(verdict({ c1: { credit: 1, quotes: [freeSentence.slice(2)] } })) });
    const r = await createLlmGrader(config()).gradeWrittenAnswer(input);
    expect(r.grader).toBe("llm");
    const c1 = r.points.find((p) => p.rubricId === "c1");
    expect(c1?.awarded).toBe(1);
    expect(goodAnswer.slice(c1?.evidence[0]?.start, c1?.evidence[0]?.end)).toBe(c1?.evidence[0]?.quote);
    expect(r.flags).not.toContain("llm_fallback");
  });

  it("keeps the deterministic word-limit rule whatever the model says", async () => {
    nextReply = () => ({ status: 200, content: JSON.stringify(verdict({ s4: { credit: 0, quotes: [] } })) });
    const r = await createLlmGrader(config()).gradeWrittenAnswer(input);
    expect(r.points.find((p) => p.rubricId === "s4")?.awarded).toBe(1);
  });

  it("falls back to the heuristic grader when a quote is not in the answer", async () => {
    nextReply = () => ({ status: 200, content: JSON.stringify(verdict({ c1: { credit: 1, quotes: ["Farmers love free power."] } })) });
    const r = await createLlmGrader(config()).gradeWrittenAnswer(input);
    expect(r.grader).toBe("heuristic");
    expect(r.flags).toContain("llm_fallback");
  });

  it("falls back when the model credits a content point without quoting", async () => {
    nextReply = () => ({ status: 200, content: JSON.stringify(verdict({ c2: { credit: 1, quotes: [] } })) });
    const r = await createLlmGrader(config()).gradeWrittenAnswer(input);
    expect(r.flags).toContain("llm_fallback");
  });

  it("falls back when the reply is not JSON", async () => {
    nextReply = () => ({ status: 200, content: "I think this answer deserves 7/10." });
    const r = await createLlmGrader(config()).gradeWrittenAnswer(input);
    expect(r.flags).toContain("llm_fallback");
    expect(r.score).toBeGreaterThan(0);
  });

  it("falls back when the server fails", async () => {
    nextReply = () => ({ status: 500, content: "" });
    const r = await createLlmGrader(config()).gradeWrittenAnswer(input);
    expect(r.flags).toContain("llm_fallback");
  });

  it("falls back when a verdict misses a rubric point", async () => {
    nextReply = () => ({ status: 200, content: JSON.stringify({ points: [{ rubricId: "c1", credit: 1, quotes: [freeSentence.slice(2)] }] }) });
    const r = await createLlmGrader(config()).gradeWrittenAnswer(input);
    expect(r.flags).toContain("llm_fallback");
  });

  it("never sends a gamed answer to the model", async () => {
    const before = requests;
    nextReply = () => ({ status: 200, content: JSON.stringify(verdict({ c1: { credit: 1, quotes: ["x"] } })) });
    const r = await createLlmGrader(config()).gradeWrittenAnswer({
      ...input,
      answerText: "Causes: electricity subsidy, free power, pumps, rice, wheat, procurement, recharge, ponds, tanks, metering.",
    });
    expect(requests).toBe(before);
    expect(r.score).toBe(0);
  });

  it("is selected by the environment and can be forced off", () => {
    expect(getGrader({ LLM_BASE_URL: baseUrl, LLM_MODEL: "m" }).name).toBe("llm");
    expect(getGrader({ LLM_BASE_URL: baseUrl, LLM_MODEL: "m", GRADER: "heuristic" }).name).toBe("heuristic");
    expect(getGrader({}).name).toBe("heuristic");
  });
});
