import { z } from "zod";

/**
 * A minimal client for the OpenAI-compatible chat-completions API (OpenAI, Ollama, vLLM, llama.cpp
 * all speak it). Pure of Next.js and Prisma; `fetch` is injectable for tests that run a local server.
 */
export const llmConfigSchema = z.object({
  baseUrl: z.string().url(),
  model: z.string().min(1),
  apiKey: z.string().optional(),
  timeoutMs: z.number().int().positive().default(60_000),
});
export type LlmConfig = z.infer<typeof llmConfigSchema>;

/** Reads `LLM_BASE_URL`, `LLM_MODEL`, `LLM_API_KEY`, `LLM_TIMEOUT_MS`; null when no LLM is configured. */
export function llmConfigFromEnv(env: Record<string, string | undefined> = process.env): LlmConfig | null {
  if (!env.LLM_BASE_URL || !env.LLM_MODEL) return null;
  const parsed = llmConfigSchema.safeParse({
    baseUrl: env.LLM_BASE_URL,
    model: env.LLM_MODEL,
    apiKey: env.LLM_API_KEY || undefined,
    timeoutMs: env.LLM_TIMEOUT_MS ? Number(env.LLM_TIMEOUT_MS) : undefined,
  });
  return parsed.success ? parsed.data : null;
}

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
});

export class LlmError extends Error {
  override name = "LlmError";
}

/** Strips a ```json fence or prose around the first JSON object/array in a model's reply. */
export function extractJson(content: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(content);
  const body = (fenced?.[1] ?? content).trim();
  const start = body.search(/[[{]/);
  if (start < 0) throw new LlmError("model reply holds no JSON");
  const open = body[start];
  const close = open === "{" ? "}" : "]";
  const end = body.lastIndexOf(close);
  if (end <= start) throw new LlmError("model reply holds no complete JSON");
  try {
    return JSON.parse(body.slice(start, end + 1));
  } catch {
    throw new LlmError("model reply is not valid JSON");
  }
}

/**
 * Sends one chat completion and parses the reply as JSON validated by `schema`.
 * Throws LlmError on HTTP failure, timeout, non-JSON or schema mismatch — callers fall back.
 */
export async function chatJson<T>(
  config: LlmConfig,
  messages: ChatMessage[],
  schema: z.ZodType<T>,
  fetchImpl: typeof fetch = fetch,
): Promise<T> {
  const url = `${config.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.timeoutMs);
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
      },
      body: JSON.stringify({ model: config.model, messages, temperature: 0, response_format: { type: "json_object" } }),
      signal: controller.signal,
    });
  } catch (e) {
    throw new LlmError(`LLM request failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) throw new LlmError(`LLM server answered HTTP ${response.status}`);
  const completion = completionSchema.safeParse(await response.json().catch(() => null));
  if (!completion.success) throw new LlmError("LLM server reply is not a chat completion");
  const content = completion.data.choices[0]?.message.content ?? "";
  const parsed = schema.safeParse(extractJson(content));
  if (!parsed.success) throw new LlmError(`model output failed validation: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data;
}
