import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { createLlmEngine, heuristicEngine, locateQuote } from "@/lib/generate/llm";
import { isEvidenceExact, studySetSchema } from "@/lib/generate/schemas";
import { generateStudySet } from "@/lib/generate/study-set";

// Written for this test; not copied from any source.
const ARTICLE = [
  "Why the river talks stalled again",
  "The Delta Water Commission (DWC) was set up in 1996 to share flood data between the two states.",
  "More than 40,000 people were displaced by floods in 2022, according to the Basin Monitoring Group.",
  "\u201cWithout data, every monsoon is a surprise,\u201d said Mira Sen, a hydrologist at the Coastal University.",
  "In March 2024, the upstream state suspended the commission's meetings after a dispute over the Kora dam.",
].join("\n");
const material = ingestMaterial({ source: "river.txt", filename: "river.txt", content: ARTICLE });

/** What the fake model answers next, by the kind of request (items or a model answer). */
let itemsReply: () => { status: number; body: string } = () => ({ status: 200, body: "" });
let answerReply: () => { status: number; body: string } = () => ({ status: 200, body: "" });
const completion = (content: string) => JSON.stringify({ choices: [{ message: { role: "assistant", content } }] });

let server: Server;
let baseUrl = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const request = JSON.parse(raw) as { messages: Array<{ content: string }> };
      const isAnswer = request.messages[0]!.content.includes("model answers");
      const reply = (isAnswer ? answerReply : itemsReply)();
      res.writeHead(reply.status, { "content-type": "application/json" });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const engine = () => createLlmEngine({ baseUrl, model: "test-model", timeoutMs: 5000 });

describe("createLlmEngine against a local chat-completions server", () => {
  it("keeps items whose quotes are in the material, with exact evidence, and drops invented quotes", async () => {
    itemsReply = () => ({
      status: 200,
      body: completion(
        "```json\n" +
          JSON.stringify({
            cards: [
              { kind: "qa", front: "When was the DWC set up?", back: "1996", quote: "The Delta Water Commission (DWC) was set up in 1996 to share flood data between the two states." },
              { kind: "qa", front: "Who built the Kora dam?", back: "The upstream state", quote: "The upstream state built the Kora dam in 2019." },
            ],
            questions: [
              {
                kind: "single_choice",
                prompt: "How many people were displaced by floods in 2022?",
                options: [
                  { text: "More than 40,000", correct: true },
                  { text: "More than 4,000", correct: false },
                ],
                explanation: "The Basin Monitoring Group counted them.",
                quote: "More than 40,000 people were displaced by floods in 2022",
              },
            ],
          }) +
          "\n```",
      ),
    });
    answerReply = () => ({ status: 500, body: "{}" });
    const set = await engine().generateStudySet([material]);
    expect(studySetSchema.safeParse(set).success).toBe(true);
    expect(set.cards.map((c) => c.front)).toEqual(["When was the DWC set up?"]);
    expect(set.questions.filter((q) => q.kind !== "written").map((q) => q.prompt)).toEqual(["How many people were displaced by floods in 2022?"]);
    const byId = new Map([[material.material.id, material.material]]);
    for (const span of [...set.cards.flatMap((c) => c.evidence), ...set.questions.flatMap((q) => q.evidence)]) expect(isEvidenceExact(span, byId)).toBe(true);
  });

  it.each([
    ["malformed JSON", () => ({ status: 200, body: completion("{ not json") })],
    ["a reply that fails validation", () => ({ status: 200, body: completion(JSON.stringify({ cards: [{ kind: "poem", front: "x" }] })) })],
    ["an HTTP error", () => ({ status: 503, body: "{}" })],
    ["only invented quotes", () => ({ status: 200, body: completion(JSON.stringify({ cards: [{ kind: "qa", front: "Q?", back: "A", quote: "Nothing like this is in the text." }] })) })],
  ])("falls back to the deterministic engine on %s", async (_label, reply) => {
    itemsReply = reply;
    answerReply = reply;
    const set = await engine().generateStudySet([material]);
    const heuristic = generateStudySet([material]);
    expect(set.cards).toEqual(heuristic.cards);
    expect(set.questions).toEqual(heuristic.questions);
    expect(set.modelAnswers).toEqual(heuristic.modelAnswers);
  });

  it("falls back when the server cannot be reached", async () => {
    const offline = createLlmEngine({ baseUrl: "http://127.0.0.1:9/v1", model: "m", timeoutMs: 2000 });
    const set = await offline.generateStudySet([material]);
    expect(set.cards).toEqual(generateStudySet([material]).cards);
  });

  it("builds a model answer from the model's points whose quotes check out, with a derived rubric", async () => {
    answerReply = () => ({
      status: 200,
      body: completion(
        JSON.stringify({
          directive: "examine",
          coreDemands: ["Why the talks stalled"],
          introduction: "Flood data has been shared since 1996, yet 40,000 people were displaced in 2022.",
          body: [
            {
              heading: "Institutional breakdown",
              points: [
                { text: "The commission stopped meeting after the dam dispute.", quote: "In March 2024, the upstream state suspended the commission's meetings after a dispute over the Kora dam." },
                { text: "An invented point.", quote: "The states signed a new treaty in 2025." },
              ],
            },
          ],
          conclusion: "The way forward is to restore data sharing.",
        }),
      ),
    });
    const answer = await engine().generateModelAnswer("Examine why the river talks stalled. (10 marks)", [material]);
    expect(answer.body).toEqual([
      {
        heading: "Institutional breakdown",
        points: [
          {
            text: "The commission stopped meeting after the dam dispute.",
            evidence: [expect.objectContaining({ materialId: material.material.id, quote: "In March 2024, the upstream state suspended the commission's meetings after a dispute over the Kora dam." })],
          },
        ],
      },
    ]);
    expect(answer.rubric.filter((r) => r.kind === "content")).toHaveLength(1);
  });

  it("returns the deterministic model answer when no point's quote checks out", async () => {
    answerReply = () => ({
      status: 200,
      body: completion(JSON.stringify({ directive: "examine", coreDemands: ["x"], introduction: "i", body: [{ heading: "h", points: [{ text: "t", quote: "Not in the text at all, anywhere." }] }], conclusion: "c" })),
    });
    const q = "Examine why the river talks stalled. (10 marks)";
    expect(await engine().generateModelAnswer(q, [material])).toEqual(await heuristicEngine.generateModelAnswer(q, [material]));
  });
});

describe("locateQuote", () => {
  it("finds a quote written with curly quotes and dashes in the normalised text", () => {
    expect(locateQuote(material, "\u201cWithout data, every monsoon is a surprise,\u201d said Mira Sen")?.quote).toBe('"Without data, every monsoon is a surprise," said Mira Sen');
  });
  it("rejects a quote that is not in the material", () => {
    expect(locateQuote(material, "The commission was dissolved in 2020.")).toBeNull();
  });
});

describe("createLlmEngine fallback per kind of item", () => {
  it("keeps the model's valid cards and fills questions from the deterministic engine when it gives none", async () => {
    itemsReply = () => ({
      status: 200,
      body: completion(JSON.stringify({ cards: [{ kind: "qa", front: "When was the DWC set up?", back: "1996", quote: "The Delta Water Commission (DWC) was set up in 1996" }], questions: [] })),
    });
    answerReply = () => ({ status: 500, body: "{}" });
    const set = await engine().generateStudySet([material]);
    expect(set.cards.map((c) => c.front)).toEqual(["When was the DWC set up?"]);
    expect(set.questions.filter((q) => q.kind !== "written")).toEqual(generateStudySet([material]).questions.filter((q) => q.kind !== "written"));
  });
});
