import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readFormDataWithin } from "@/app/api/_lib/limited-body";

const MESSAGES = { tooLarge: "Too much material at once.", unreadable: "The form could not be read." };
const CAP = 1_000_000;

/** A multipart body of `totalBytes` arriving in 64 KB chunks with no Content-Length (chunked framing), counting what was pulled. */
function chunkedUpload(totalBytes: number) {
  const pulled = { bytes: 0 };
  const head = new TextEncoder().encode('--b\r\nContent-Disposition: form-data; name="files"; filename="huge.txt"\r\nContent-Type: text/plain\r\n\r\n');
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  let isHeadSent = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!isHeadSent) {
        isHeadSent = true;
        controller.enqueue(head);
      } else if (pulled.bytes >= totalBytes) {
        controller.enqueue(new TextEncoder().encode("\r\n--b--\r\n"));
        controller.close();
      } else {
        pulled.bytes += chunk.length;
        controller.enqueue(chunk);
      }
    },
  });
  const request = new Request("http://localhost/api/study-sets", { method: "POST", body, headers: { "content-type": "multipart/form-data; boundary=b" }, duplex: "half" } as RequestInit);
  return { request, pulled };
}

describe("the upload body cap", () => {
  it("cuts a chunked body off while it streams, once it passes the cap, without reading the rest", async () => {
    const total = 40 * CAP;
    const { request, pulled } = chunkedUpload(total);
    const refused = await readFormDataWithin(request, CAP, MESSAGES).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).message).toBe(MESSAGES.tooLarge);
    expect(pulled.bytes).toBeLessThan(2 * CAP);
  });

  it("refuses a declared Content-Length over the cap before reading anything", async () => {
    const { request, pulled } = chunkedUpload(5 * CAP);
    const declared = new Request(request.url, { method: "POST", body: request.body, headers: { "content-type": "multipart/form-data; boundary=b", "content-length": String(5 * CAP) }, duplex: "half" } as RequestInit);
    await expect(readFormDataWithin(declared, CAP, MESSAGES)).rejects.toThrow(MESSAGES.tooLarge);
    expect(pulled.bytes).toBe(0);
  });

  it("reads a chunked body within the cap whole", async () => {
    const { request } = chunkedUpload(CAP / 2);
    const form = await readFormDataWithin(request, CAP, MESSAGES);
    expect((form.get("files") as File).size).toBeGreaterThanOrEqual(CAP / 2);
  });
});
