// Server-action requests checked before Next.js reads them. Next.js answers an over-limit or
// undecodable server-action body with a 500 (its action handler maps every error of a fetch action
// to 500), so scripts/server.mjs reads such bodies here first, counting bytes as they arrive:
//   - over ACTION_BODY_LIMIT_BYTES (declared or streamed, whatever the framing) → 413, connection closed;
//   - a fetch action (`Next-Action` header) whose body React cannot decode — not UTF-8 JSON, or a
//     multipart form that does not parse or lacks its JSON root field "0" → 400;
// and hands Next.js a copy of the request carrying the already-read body. Nothing runs in the app
// for a refused request, so nothing is written.
import { IncomingMessage } from "node:http";

/** The cap on a server action's body: the same 1 MB as `serverActions.bodySizeLimit` in next.config.ts. */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * True for requests Next.js treats as server actions: a POST to a page (fetch actions carry
 * `Next-Action`; a form posted without JavaScript carries its action id in the body). Route
 * handlers under /api read their own bodies with their own caps.
 */
export function isServerActionRequest(req) {
  if (req.method !== "POST") return false;
  if (typeof req.headers["next-action"] === "string") return true;
  const pathname = (req.url ?? "/").split("?")[0];
  return !pathname.startsWith("/api/") && !pathname.startsWith("/_next/");
}

/**
 * Reads a server-action request's body within `limitBytes`. Resolves `{ ok: true, body }` or
 * `{ ok: false, status, message }`; on an oversized body it stops reading (the caller answers
 * and closes the connection), never buffering more than the limit.
 */
export function readActionBody(req, limitBytes = ACTION_BODY_LIMIT_BYTES) {
  const tooLarge = { ok: false, status: 413, message: `The request is over the ${limitBytes / (1024 * 1024)} MB limit for a form. Nothing was saved.` };
  const declared = Number(req.headers["content-length"] ?? "");
  if (Number.isFinite(declared) && declared > limitBytes) return Promise.resolve(tooLarge);
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limitBytes) {
        finish(tooLarge);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks) });
    const onError = () => finish({ ok: false, status: 400, message: "The request broke off before it was complete. Nothing was saved." });
    function finish(result) {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      if (!result.ok) req.pause();
      resolve(result);
    }
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

const isJson = (text) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/**
 * Null when a fetch action's body is one React can decode into arguments (encodeReply's output: a
 * JSON string, or a multipart form whose root row "0" and other numbered rows are JSON), else why not.
 */
export async function actionBodyProblem(headers, body) {
  const contentType = String(headers["content-type"] ?? "");
  if (contentType.toLowerCase().startsWith("multipart/form-data")) {
    let form;
    try {
      form = await new Response(body, { headers: { "content-type": contentType } }).formData();
    } catch {
      return "The form data could not be read.";
    }
    const root = form.get("0");
    if (typeof root !== "string") return "The form data has no arguments.";
    for (const [key, value] of form.entries()) {
      if (/^\d+$/.test(key) && typeof value === "string" && !isJson(value)) return "The form data is malformed.";
    }
    return null;
  }
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return "The request is not UTF-8 text.";
  }
  return isJson(text) ? null : "The request is malformed.";
}

/** A copy of `req` whose body is `body` (already read from `req`), for Next.js to read again. */
export function withBody(req, body) {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  const headers = { ...req.headers, "content-length": String(body.length) };
  delete headers["transfer-encoding"];
  copy.headers = headers;
  copy.rawHeaders = Object.entries(headers).flatMap(([name, value]) => (Array.isArray(value) ? value.flatMap((v) => [name, v]) : [name, String(value)]));
  copy.push(body);
  copy.push(null);
  copy.complete = true;
  return copy;
}

/** Answers a refused server-action request (JSON, like the API's refusals) and closes the connection. */
export function refuseAction(res, status, message) {
  const payload = JSON.stringify({ ok: false, error: message });
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(payload),
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
    connection: "close",
  });
  res.end(payload);
}
