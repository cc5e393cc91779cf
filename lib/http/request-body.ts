import { AppError } from "./app-error";
import { readBodyWithLimit } from "./read-body";

/** What an API body may weigh unless a route says otherwise: forms of a few fields, not uploads. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

/**
 * The body as text, read as a stream and cut off past `maxBytes` (413), so an anonymous client
 * cannot make the server hold hundreds of megabytes before validation even starts.
 */
export async function readTextBody(request: Request, maxBytes: number): Promise<string> {
  const read = await readBodyWithLimit(request, maxBytes);
  if (!read.ok) {
    throw new AppError("payload_too_large", {
      message: `request body over ${maxBytes} bytes refused`,
      userMessage: `The request body is too large (at most ${maxBytes} bytes).`,
    });
  }
  return new TextDecoder().decode(read.body);
}

export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const text = await readTextBody(request, maxBytes);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", { message: "The request body is not valid JSON." });
  }
}

export async function readFormBody(request: Request, maxBytes: number): Promise<Record<string, string>> {
  return Object.fromEntries(new URLSearchParams(await readTextBody(request, maxBytes)));
}
