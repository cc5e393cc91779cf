// Requests a fetch() cannot make: a body that keeps streaming (or never ends), to see whether the
// server answers without reading it all.
import { request as httpRequest } from "node:http";

export type RawAnswer = { status: number; body: string };

/**
 * POSTs `firstChunk`, then keeps the body open (chunked, no Content-Length) and resolves with the
 * answer the server gives while it is still open; rejects if none comes within `waitMs`.
 * `moreBytes` extra bytes are then streamed in 64 KB pieces as long as the server keeps reading.
 */
export function postStreaming({
  url,
  headers,
  firstChunk,
  moreBytes = 0,
  waitMs = 10_000,
}: {
  url: string;
  headers: Record<string, string>;
  firstChunk: string;
  moreBytes?: number;
  waitMs?: number;
}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = httpRequest(
      { method: "POST", hostname: target.hostname, port: target.port, path: target.pathname, headers },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => {
          clearTimeout(timer);
          req.destroy();
          resolve({ status: response.statusCode ?? 0, body });
        });
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer within ${waitMs} ms while the body was still open`));
    }, waitMs);
    req.on("error", () => undefined);
    req.write(firstChunk);
    let sent = 0;
    const piece = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      while (sent < moreBytes && !req.destroyed) {
        sent += piece.length;
        if (!req.write(piece)) return void req.once("drain", pump);
      }
    };
    pump();
  });
}
