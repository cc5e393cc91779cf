import { asJson, cleanString, getField, getString, isRecord, MAX_JSON_DEPTH, sanitizeParsedJson } from "./json";
import { parseJsonLosslessly } from "./lossless-json";
import { parseContact, parseEcho, parseMessage, parseStatus } from "./parse-items";
import { describeIssue, reportIssues } from "./problems";
import type {
  ParsedChange,
  ParsedContact,
  ParsedEcho,
  ParsedMessage,
  ParsedStatus,
  ParseResult,
} from "./webhook-types";
import { messagesValueSchema, webhookChangeSchema, webhookEntrySchema, webhookEnvelopeSchema } from "./webhook-schema";

export type { JsonValue } from "./json";
export { normalizeMetaTimestamp, type MetaTimestamp, type TimestampIssue } from "./timestamp";
export type {
  ParsedChange,
  ParsedContact,
  ParsedMessage,
  ParsedStatus,
  ParsedWebhook,
  ParseResult,
} from "./webhook-types";

/**
 * Turns one raw webhook body into what the inbox stores. Only a body that is not a WhatsApp
 * Business webhook at all is rejected; inside a valid envelope each broken item is skipped and
 * described in `problems`, so one odd message never costs the other 999 of a batch.
 * Never throws, whatever the input.
 */
export function parseWebhook(body: string, options: { receivedAt: Date }): ParseResult {
  try {
    return parse(body, options.receivedAt);
  } catch (error) {
    // Unreachable by design; kept so a bug here degrades to a stored, explained failure.
    return {
      ok: false,
      reason: cleanString(`webhook could not be parsed: ${errorMessage(error)}`),
    };
  }
}

function parse(body: string, receivedAt: Date): ParseResult {
  const holder: { value: unknown } = { value: undefined };
  let bigIntegers: Set<string>;
  try {
    ({ value: holder.value, bigIntegers } = parseJsonLosslessly(body));
  } catch (error) {
    return {
      ok: false,
      reason: cleanString(`body is not valid JSON: ${errorMessage(error)}`),
    };
  }
  const problems: string[] = [];
  if (sanitizeParsedJson(holder)) {
    problems.push(`(root): values nested deeper than ${MAX_JSON_DEPTH} levels were replaced by a placeholder`);
  }

  const document = holder.value;
  const envelope = webhookEnvelopeSchema.safeParse(document);
  if (!envelope.success) {
    const reasons = envelope.error.issues.map((issue) => describeIssue(issue, document, ""));
    return {
      ok: false,
      reason: `not a WhatsApp Business Account webhook: ${reasons.join("; ")}`,
    };
  }

  const changes: ParsedChange[] = [];
  // Positions count every change in the document, skipped or not, so (body, position) stays a
  // stable key for the same change however the parser's leniency evolves.
  let position = 0;
  envelope.data.entry.forEach((entry, entryIndex) => {
    const entryPath = `entry[${entryIndex}]`;
    reportIssues(webhookEntrySchema, entry, entryPath, problems);
    const entryChanges = getField(entry, "changes");
    if (!Array.isArray(entryChanges)) return;
    const wabaId = getString(getField(entry, "id"));
    entryChanges.forEach((change, changeIndex) => {
      const parsed = parseChange(change, {
        base: `${entryPath}.changes[${changeIndex}]`,
        position: position++,
        wabaId,
        receivedAt,
        problems,
        bigIntegers,
      });
      if (parsed) changes.push(parsed);
    });
  });
  return { ok: true, webhook: { changes, problems: capProblems(problems) } };
}

// A 3 MB body of garbage items would otherwise yield a million lines for the log and the DB.
const MAX_PROBLEMS = 100;
function capProblems(problems: string[]): string[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), `…and ${problems.length - MAX_PROBLEMS} more problems`];
}

type ChangeContext = {
  base: string;
  position: number;
  wabaId: string | null;
  receivedAt: Date;
  problems: string[];
  bigIntegers: Set<string>;
};

function parseChange(change: unknown, context: ChangeContext): ParsedChange | null {
  const { base, position, wabaId, receivedAt, problems, bigIntegers } = context;
  reportIssues(webhookChangeSchema, change, base, problems);
  const field = getField(change, "field");
  if (typeof field !== "string" || field === "") return null;
  const value = getField(change, "value");
  if (field !== "messages") {
    // Template, quality, account and future fields are kept verbatim for whoever needs them; the
    // WhatsApp Business app's echoes also become our outbound messages.
    const metadata = getField(value, "metadata");
    const echoes =
      field === "smb_message_echoes"
        ? collect<ParsedEcho>(getField(value, "message_echoes"), (item, i) =>
            parseEcho(item, { base: `${base}.value.message_echoes[${i}]`, receivedAt, problems }),
          )
        : [];
    return {
      kind: "other",
      position,
      field,
      wabaId,
      value: asJson(value),
      echoes,
      phoneNumberId: getString(getField(metadata, "phone_number_id")),
      displayPhoneNumber: getString(getField(metadata, "display_phone_number")),
      ...(bigIntegers.size > 0 ? { bigIntegers: [...bigIntegers] } : {}),
    };
  }

  const valuePath = `${base}.value`;
  reportIssues(messagesValueSchema, value, valuePath, problems);
  const phoneNumberId = getString(getField(getField(value, "metadata"), "phone_number_id"));
  // Without the receiving number we cannot tell which inbox this belongs to.
  if (phoneNumberId === null || !isRecord(value)) return null;

  const itemContext = (key: string, index: number) => ({
    base: `${valuePath}.${key}[${index}]`,
    receivedAt,
    problems,
  });
  return {
    kind: "messages",
    position,
    wabaId,
    phoneNumberId,
    displayPhoneNumber: getString(getField(value.metadata, "display_phone_number")),
    contacts: collect<ParsedContact>(value.contacts, (item, i) => parseContact(item, itemContext("contacts", i))),
    messages: collect<ParsedMessage>(value.messages, (item, i) => parseMessage(item, itemContext("messages", i))),
    statuses: collect<ParsedStatus>(value.statuses, (item, i) => parseStatus(item, itemContext("statuses", i))),
    errors: asJson(value.errors),
  };
}

function collect<T>(items: unknown, parseItem: (item: unknown, index: number) => T | null): T[] {
  if (!Array.isArray(items)) return [];
  const out: T[] = [];
  items.forEach((item, index) => {
    const parsed = parseItem(item, index);
    if (parsed !== null) out.push(parsed);
  });
  return out;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
