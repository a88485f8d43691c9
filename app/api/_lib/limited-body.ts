import "server-only";
import { AppError } from "@/lib/errors";

/** Thrown inside the body stream when it passes its cap; turned into AppError by `readFormDataWithin`. */
class BodyTooLarge extends Error {}

/**
 * Reads a multipart or urlencoded form, counting the body's bytes as they arrive and stopping at
 * `maxBytes`, whatever the framing: a declared Content-Length over the cap is refused before
 * reading, and a chunked body (no Content-Length) or one that lies about its length is cut off the
 * moment it passes the cap — never read whole into memory first. Throws AppError("INVALID") with
 * `tooLarge` for an oversized body and `unreadable` for one that is not a form.
 */
export async function readFormDataWithin(request: Request, maxBytes: number, messages: { tooLarge: string; unreadable: string }): Promise<FormData> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw new AppError("INVALID", messages.tooLarge, { files: [messages.tooLarge] });
  if (!request.body) throw new AppError("INVALID", messages.unreadable);

  let seen = 0;
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(new BodyTooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Request(request.url, { method: "POST", headers: request.headers, body: counted, duplex: "half" } as RequestInit).formData();
  } catch {
    if (seen > maxBytes) {
      await request.body.cancel().catch(() => undefined);
      throw new AppError("INVALID", messages.tooLarge, { files: [messages.tooLarge] });
    }
    throw new AppError("INVALID", messages.unreadable);
  }
}
