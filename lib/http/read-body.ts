/**
 * Reads a request body up to maxBytes. A declared Content-Length over the limit is refused before
 * reading anything; a chunked body is cut off as soon as it passes the limit, so an oversized
 * request never sits whole in memory.
 */
export async function readBodyWithLimit(
  request: Request,
  maxBytes: number,
): Promise<{ ok: true; body: Uint8Array } | { ok: false; reason: "too_large" }> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, reason: "too_large" };
  }
  if (!request.body) return { ok: true, body: new Uint8Array(0) };
  // A declared length within the limit (Meta always sends one): one native read, no chunk loop.
  if (Number.isFinite(declared) && request.headers.has("content-length")) {
    const body = new Uint8Array(await request.arrayBuffer());
    return body.byteLength > maxBytes ? { ok: false, reason: "too_large" } : { ok: true, body };
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: "too_large" };
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return { ok: true, body: chunks[0]! };
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, body };
}
