// Custom attributes of contacts as the API answers them and the browser shows them, and the one rule
// for what each type accepts. Types and pure helpers only: shared by lib/contact-attributes (server)
// and components (browser), so the panel's inputs and the server agree on what a value is.
import { isStorableText } from "@/lib/http/storable-text";

export const ATTRIBUTE_TYPES = ["text", "number", "date", "boolean", "list"] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export const attributeTypeNames: Record<AttributeType, string> = {
  text: "Text",
  number: "Number",
  date: "Date",
  boolean: "Yes / no",
  list: "List of options",
};

/** At most this many attributes exist: a panel to fill in, not a database schema. */
export const MAX_ATTRIBUTES = 50;
export const MAX_ATTRIBUTE_NAME_LENGTH = 40;
export const MAX_ATTRIBUTE_KEY_LENGTH = 40;
/** A list attribute's choices. */
export const MAX_ATTRIBUTE_OPTIONS = 20;
export const MAX_ATTRIBUTE_OPTION_LENGTH = 40;
/** A text value: one line, like the contact's name but longer (an address, an order reference). */
export const MAX_ATTRIBUTE_TEXT_LENGTH = 500;

/** order_number: lower-case letters, digits and underscores, starting with a letter. */
export const ATTRIBUTE_KEY_PATTERN = /^[a-z][a-z0-9_]*$/;

/** The key a name suggests: "Order number" → order_number ("" when the name has no letter to start with). */
export function attributeKeyFromName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[^a-z]+/, "")
    .replace(/_+$/, "")
    .slice(0, MAX_ATTRIBUTE_KEY_LENGTH)
    .replace(/_+$/, "");
}

/** An attribute as Settings → Contact attributes lists it. */
export type ContactAttributeView = {
  id: string;
  key: string;
  name: string;
  type: AttributeType;
  /** A list attribute's choices, in the admin's order; [] for the other types. */
  options: string[];
  /** Contacts with a value for it. */
  contactCount: number;
};

/** GET /api/contact-attributes — every attribute, by name. */
export type ContactAttributeList = { attributes: ContactAttributeView[] };

/** POST /api/contact-attributes (key optional: made from the name); PATCH takes name and options. */
export type ContactAttributeRequest = { name: string; key?: string; type: AttributeType; options?: string[] };

/** One attribute in the contact panel, with this contact's value (null: none). */
export type ContactAttributeValueView = {
  id: string;
  key: string;
  name: string;
  type: AttributeType;
  options: string[];
  /** Normalised: text as typed (trimmed), a number's digits, a date YYYY-MM-DD, "true"/"false", a list's option. */
  value: string | null;
};

/** PUT /api/contacts/[id]/attributes/[attributeId] — null or "" removes the value. */
export type SetContactAttributeRequest = { value: string | number | boolean | null };

export type AttributeValueOutcome = { ok: true; value: string | null } | { ok: false; message: string };

/**
 * What a value means for an attribute of this type: its normalised text, null to remove it, or why
 * it is refused (the words the 422 and the panel show).
 */
export function parseAttributeValue({
  type,
  options,
  value,
}: {
  type: AttributeType;
  options: readonly string[];
  value: string | number | boolean | null;
}): AttributeValueOutcome {
  if (value === null) return { ok: true, value: null };
  if (typeof value === "string") {
    if (!isStorableText(value)) return { ok: false, message: "Must not contain control characters or invalid Unicode" };
    if (value.trim() === "") return { ok: true, value: null };
  }
  switch (type) {
    case "text": {
      if (typeof value !== "string") return { ok: false, message: "Give a text" };
      if (/[\r\n\t]/.test(value)) return { ok: false, message: "A text value is one line" };
      const text = value.trim().replace(/\s+/g, " ");
      if (text.length > MAX_ATTRIBUTE_TEXT_LENGTH) {
        return { ok: false, message: `Keep the text under ${MAX_ATTRIBUTE_TEXT_LENGTH} characters` };
      }
      return { ok: true, value: text };
    }
    case "number": {
      const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
      // Digits as people type them (a point for decimals), not 1e5, 0x10 or Infinity.
      if (!/^-?\d{1,15}(\.\d{1,6})?$/.test(text)) {
        return { ok: false, message: "Give a number such as 42 or -3.5 (at most 15 digits, 6 decimals)" };
      }
      return { ok: true, value: String(Number(text)) };
    }
    case "date": {
      const text = typeof value === "string" ? value.trim() : "";
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
      if (!date || date.toISOString().slice(0, 10) !== text || text < "1900-01-01") {
        return { ok: false, message: "Give a date as YYYY-MM-DD, such as 2026-03-31" };
      }
      return { ok: true, value: text };
    }
    case "boolean": {
      if (value === true || value === "true") return { ok: true, value: "true" };
      if (value === false || value === "false") return { ok: true, value: "false" };
      return { ok: false, message: "Give true or false" };
    }
    case "list": {
      if (typeof value !== "string" || !options.includes(value)) {
        return { ok: false, message: `Choose one of: ${options.join(", ")}` };
      }
      return { ok: true, value };
    }
  }
}

/** A value as the panel writes it in words (dates and yes/no; the rest as stored). */
export function attributeValueText(type: AttributeType, value: string): string {
  if (type === "boolean") return value === "true" ? "Yes" : "No";
  return value;
}
