import { Socket } from "node:net";
import { Readable } from "node:stream";
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, actionBodyProblem, bodyLimitFor, isServerActionRequest, OTHER_BODY_LIMIT_BYTES, readBodyWithin, UPLOAD_BODY_LIMIT_BYTES, withBody } from "@/scripts/request-body.mjs";
import { AUTHORING_LIMITS } from "@/lib/server/authoring";

/** A request body arriving in 64 KB chunks up to `totalBytes`, counting what the reader pulled. */
function streamingRequest(totalBytes: number, headers: Record<string, string> = {}) {
  const pulled = { bytes: 0 };
  const chunk = Buffer.alloc(64 * 1024, "a");
  const body = Readable.from(
    (function* () {
      for (let sent = 0; sent < totalBytes; sent += chunk.length) {
        pulled.bytes += chunk.length;
        yield chunk;
      }
    })(),
    { objectMode: false, highWaterMark: 64 * 1024 },
  );
  return { req: Object.assign(body, { headers, method: "POST", url: "/signup" }) as unknown as IncomingMessage, pulled };
}

const multipart = (parts: Array<[string, string]>) => Buffer.from(parts.map(([name, value]) => `--b\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + "--b--\r\n");
const MULTIPART = { "content-type": "multipart/form-data; boundary=b" };

describe("request bodies read before Next.js", () => {
  it("refuses a declared length over the cap without reading the body", async () => {
    const { req, pulled } = streamingRequest(2 * ACTION_BODY_LIMIT_BYTES, { "content-length": String(2 * ACTION_BODY_LIMIT_BYTES) });
    expect(await readBodyWithin(req, ACTION_BODY_LIMIT_BYTES)).toMatchObject({ ok: false, status: 413, isCutOff: false });
    expect(pulled.bytes).toBe(0);
  });

  it("cuts a chunked body off once it passes the cap, instead of reading it whole", async () => {
    const { req, pulled } = streamingRequest(50 * ACTION_BODY_LIMIT_BYTES);
    expect(await readBodyWithin(req, ACTION_BODY_LIMIT_BYTES)).toMatchObject({ ok: false, status: 413, isCutOff: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pulled.bytes).toBeLessThan(2 * ACTION_BODY_LIMIT_BYTES);
  });

  it("keeps a body within the cap whole", async () => {
    const { req } = streamingRequest(ACTION_BODY_LIMIT_BYTES - 64 * 1024);
    const read = await readBodyWithin(req, ACTION_BODY_LIMIT_BYTES);
    expect(read.ok && read.body.length).toBe(ACTION_BODY_LIMIT_BYTES - 64 * 1024);
  });

  it("accepts what React's encodeReply sends: a JSON row, or a form whose numbered rows are JSON", async () => {
    expect(await actionBodyProblem({ "content-type": "text/plain;charset=UTF-8" }, Buffer.from('[{"name":"Asha","note":"$$5 off"}]'))).toBeNull();
    expect(await actionBodyProblem(MULTIPART, multipart([["1_title", "free text, not JSON"], ["0", '["$K1"]']]))).toBeNull();
  });

  it("names a body React could not decode: truncated JSON, bytes that are not UTF-8, a broken or rootless form", async () => {
    expect(await actionBodyProblem({ "content-type": "text/plain" }, Buffer.from('[{"name":'))).toMatch(/malformed/);
    expect(await actionBodyProblem({ "content-type": "text/plain" }, Buffer.from([0x5b, 0x22, 0xff, 0x22, 0x5d]))).toMatch(/UTF-8/);
    expect(await actionBodyProblem(MULTIPART, Buffer.from("--b\r\nno headers here"))).toMatch(/could not be read/);
    expect(await actionBodyProblem(MULTIPART, multipart([["1_title", "x"]]))).toMatch(/no arguments/);
    expect(await actionBodyProblem(MULTIPART, multipart([["0", "[1,"]]))).toMatch(/malformed/);
  });

  it("hands Next.js a copy that reads the same bytes, with their length declared", async () => {
    const original = Object.assign(Readable.from([]), { socket: new Socket(), method: "POST", url: "/signup", httpVersion: "1.1", headers: { "transfer-encoding": "chunked", "next-action": "abc" } }) as unknown as IncomingMessage;
    const copy = withBody(original, Buffer.from("[1]"));
    const chunks: Buffer[] = [];
    for await (const chunk of copy) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe("[1]");
    expect(copy.headers).toMatchObject({ "content-length": "3", "next-action": "abc" });
    expect(copy.headers["transfer-encoding"]).toBeUndefined();
    expect(copy.method).toBe("POST");
  });

  it("treats POSTs to pages as server actions and leaves route handlers to their own caps", () => {
    const req = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers }) as unknown as IncomingMessage;
    expect(isServerActionRequest(req("POST", "/signup", { "next-action": "abc" }))).toBe(true);
    expect(isServerActionRequest(req("POST", "/sets/1/edit"))).toBe(true);
    expect(isServerActionRequest(req("POST", "/api/study-sets"))).toBe(false);
    expect(isServerActionRequest(req("GET", "/signup"))).toBe(false);
  });

  it("caps each body by where it goes: the upload at its 5 MB of material plus the form, actions at 1 MB, the rest at 1 MB", () => {
    const req = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers }) as unknown as IncomingMessage;
    expect(UPLOAD_BODY_LIMIT_BYTES).toBeGreaterThan(AUTHORING_LIMITS.maxTotalBytes);
    expect(bodyLimitFor(req("POST", "/api/study-sets"))).toMatchObject({ bytes: UPLOAD_BODY_LIMIT_BYTES, message: expect.stringMatching(/Too much material/), fieldErrors: { files: [expect.any(String)] } });
    expect(bodyLimitFor(req("POST", "/signup", { "next-action": "abc" }))?.bytes).toBe(ACTION_BODY_LIMIT_BYTES);
    expect(bodyLimitFor(req("PUT", "/api/attempts/a1/draft"))?.bytes).toBe(OTHER_BODY_LIMIT_BYTES);
    expect(bodyLimitFor(req("GET", "/api/study-sets"))).toBeNull();
  });
});
