// Request bodies read and capped before Next.js sees them. Two reasons it cannot be left to Next.js:
// its proxy (proxy.ts runs on every path) reads a request's whole body before any route handler
// runs, buffering the first 10 MB and discarding the rest — so a 150 MB chunked upload was received
// whole before the upload route could count it; and it answers an over-limit or undecodable
// server-action body with a 500. So scripts/server.mjs reads every body here first, counting bytes
// as they arrive, with the cap of where it is going (bodyLimitFor):
//   - a declared Content-Length over the cap → 413 before reading (Node discards the rest, so a
//     browser still sees the answer); a body that passes the cap while streaming (chunked, or
//     longer than declared) → 413 and the connection closed, never read further;
//   - a fetch action (`Next-Action` header) whose body React cannot decode — not UTF-8 JSON, or a
//     multipart form that does not parse or lacks its JSON root row "0" → 400;
// and hands Next.js a copy of the request carrying the already-read body. Nothing runs in the app
// for a refused request, so nothing is written.
import { IncomingMessage } from "node:http";

/** The cap on a server action's body: the same 1 MB as `serverActions.bodySizeLimit` in next.config.ts. */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/** The study-set upload's cap: 5 MB of material (AUTHORING_LIMITS.maxTotalBytes) plus 200 KB for the multipart envelope and text fields. */
export const UPLOAD_BODY_LIMIT_BYTES = 5_000_000 + 200_000;

/** Any other request body (sign-in forms, autosaves, answers, reviews as JSON). */
export const OTHER_BODY_LIMIT_BYTES = 1024 * 1024;

const mb = (bytes) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/**
 * The cap on a request's body and the refusal that names it, or null for a request without a body
 * to read (GET, HEAD, OPTIONS).
 */
export function bodyLimitFor(req) {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method ?? "GET")) return null;
  const pathname = (req.url ?? "/").split("?")[0];
  if (pathname === "/api/study-sets") {
    const message = `Too much material at once: the limit for one set is ${mb(UPLOAD_BODY_LIMIT_BYTES - 200_000)}. Choose fewer or smaller files.`;
    return { bytes: UPLOAD_BODY_LIMIT_BYTES, message, fieldErrors: { files: [message] } };
  }
  if (isServerActionRequest(req)) return { bytes: ACTION_BODY_LIMIT_BYTES, message: `The request is over the ${ACTION_BODY_LIMIT_BYTES / (1024 * 1024)} MB limit for a form. Nothing was saved.` };
  return { bytes: OTHER_BODY_LIMIT_BYTES, message: `The request is over the ${OTHER_BODY_LIMIT_BYTES / (1024 * 1024)} MB limit. Nothing was saved.` };
}

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
 * Reads a request's body within `limitBytes`. Resolves `{ ok: true, body }`, or `{ ok: false,
 * status, isCutOff }`: 413 when the body is over the limit — `isCutOff` when it passed the limit
 * while streaming (reading stopped there; the caller closes the connection) rather than by its
 * declared length — and 400 when it broke off. Never buffers more than the limit.
 */
export function readBodyWithin(req, limitBytes) {
  const declared = Number(req.headers["content-length"] ?? "");
  if (Number.isFinite(declared) && declared > limitBytes) return Promise.resolve({ ok: false, status: 413, isCutOff: false });
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limitBytes) {
        finish({ ok: false, status: 413, isCutOff: true });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks) });
    const onError = () => finish({ ok: false, status: 400, isCutOff: true });
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

/**
 * Answers a refused request as the API's refusals look (`{ ok: false, error, fieldErrors? }`);
 * `isClosing` closes the connection after the answer instead of reading what is left of the body.
 */
export function refuseRequest(res, status, refusal, isClosing) {
  const payload = JSON.stringify({ ok: false, error: refusal.message, ...(refusal.fieldErrors ? { fieldErrors: refusal.fieldErrors } : {}) });
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(payload),
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
    ...(isClosing ? { connection: "close" } : {}),
  });
  res.end(payload);
}
