// What `npm run db:seed:large` writes, decided in TypeScript before any SQL runs: who the contacts
// are, which conversations exist and how many messages each holds. The messages themselves are
// generated inside Postgres (lib/cli/seed-large-sql.ts) from the word lists here.

export const SEED_CONVERSATIONS = 10_000;
export const SEED_MESSAGES = 1_000_000;
export const LONG_THREAD_MESSAGES = 5_000;
export const LONG_THREAD_NAME = "Long Thread Customer";
/** Contacts 1..SHARED_CONTACTS also write to our second number: one contact, two conversations. */
const SHARED_CONTACTS = 500;
/**
 * One customer writes to every one of the seed's numbers: the contact panel's worst case (a contact
 * has one conversation per business number). They are the last contact and the last conversations.
 */
export const SEED_PHONE_NUMBERS = 50;
export const PANEL_CUSTOMER_NAME = "Fifty Numbers Customer";
export const SEED_CONTACTS = SEED_CONVERSATIONS - SHARED_CONTACTS - (SEED_PHONE_NUMBERS - 1);
const SINGLE_CONTACTS = SEED_CONTACTS - 1;
/** The panel customer's conversation on number 1: the list's second row (after the long thread). */
export const PANEL_CONVERSATION_NO = SINGLE_CONTACTS + SHARED_CONTACTS + 1;
/** About this many messages per transaction. */
export const MESSAGES_PER_CHUNK = 100_000;

/** Small deterministic PRNG (mulberry32): the same plan on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/** A word list written on one line: "a|b|c". */
export const list = (words: string): string[] => words.split("|");
const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;

const FIRST_NAMES = list(
  "Ana|João|Maria|Lucas|Sofia|Mateo|Valentina|Liam|Emma|Noah|Olivia|Chen|Aisha|Kwame|Priya|Arjun|" +
    "Fatima|Omar|Zoë|Łucja|Søren|Hiroshi|Yuki|Carlos|Isabela|Pedro|Camila|Diego|Amara|Tunde|Ngozi|" +
    "Sipho|Lena|Jonas|Elif|Mehmet",
);
const LAST_NAMES = list(
  "Silva|Santos|Oliveira|García|Martínez|Müller|Schmidt|Nowak|Kowalski|Ødegaard|Smith|Johnson|" +
    "Okafor|Mensah|Sharma|Patel|Khan|Yılmaz|Tanaka|Nguyen|Rossi|Dubois|Costa|Pereira|Fernández|" +
    "Andersson|Kim|Park|Adeyemi|Haddad",
);
/** Names that break naive layouts: right-to-left scripts, emoji, other scripts, very long ones. */
const SPECIAL_NAMES = list(
  "محمد العلي|فاطمة الزهراء|نور الهدى 🌙|علی رضایی|נועה כהן|יוסי לוי|Mia 🌸|Carlos ⚽|🦄 Luna|" +
    "Grandma 👵🏽|Ahmed 🇪🇬|🔥🔥🔥|王芳|佐藤 花子|김민준|Иван Петров|Νίκος Παπαδόπουλος|प्रिया शर्मा|สมชาย ใจดี|" +
    "Maria da Conceição Albuquerque de Souza Santos|DJ Kofi 🎧|Café Ñandú",
);

/** Fictional numbers only, so the seed never collides with a real customer: US 1-NPA-555-01XX
 * (reserved for fiction) and UK 07700 900XXX (Ofcom's drama range). */
function waIdFor(contactNo: number): string | null {
  if (contactNo % 199 === 0) return null; // known only by a business-scoped user id (BSUID)
  if (contactNo <= 1000) return `447700900${String(contactNo - 1).padStart(3, "0")}`;
  const k = contactNo - 1001;
  return `1${201 + Math.floor(k / 100)}55501${String(k % 100).padStart(2, "0")}`;
}

export type SeedContact = { no: number; waId: string | null; userId: string | null; name: string | null };

export function planContacts(): SeedContact[] {
  const next = random(7);
  const contacts: SeedContact[] = [];
  for (let no = 1; no <= SEED_CONTACTS; no += 1) {
    const waId = waIdFor(no);
    const roll = next();
    let name: string | null = `${pick(next, FIRST_NAMES)} ${pick(next, LAST_NAMES)}`;
    // Some have no profile name (the list shows the number), some only a first name.
    if (roll < 0.07) name = null;
    else if (roll < 0.2) name = pick(next, SPECIAL_NAMES);
    else if (roll < 0.3) name = pick(next, FIRST_NAMES);
    if (no === 1) name = LONG_THREAD_NAME;
    if (no === SEED_CONTACTS) name = PANEL_CUSTOMER_NAME;
    contacts.push({ no, waId, userId: waId ? null : `SEED.${String(no).padStart(18, "0")}`, name });
  }
  return contacts;
}

export type SeedConversation = {
  no: number;
  contactNo: number;
  /** Which of the seed's numbers (1 or 2, but 1..SEED_PHONE_NUMBERS for the panel customer). */
  phoneNo: number;
  messageCount: number;
  /** Global number of its first message (1-based); messages are numbered consecutively. */
  firstMessageNo: number;
  /** Unix seconds of the first and last message (Meta's timestamps are seconds). */
  startS: number;
  endS: number;
  status: "open" | "pending" | "resolved";
  /** Index into the existing users, or null (unassigned). */
  assigneeSlot: number | null;
};

const DAY_S = 86_400;

/** Message counts: a long tail (most threads short, a few hundreds), exactly SEED_MESSAGES in all. */
function messageCounts(next: () => number): number[] {
  const rest = SEED_CONVERSATIONS - 1;
  const weights = Array.from({ length: rest }, () => {
    const normal = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    return Math.min(Math.exp(1.1 * normal), 20);
  });
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const budget = SEED_MESSAGES - LONG_THREAD_MESSAGES;
  const counts = weights.map((weight) => Math.max(1, Math.floor((weight / total) * budget)));
  let missing = budget - counts.reduce((sum, count) => sum + count, 0);
  for (let index = 0; missing !== 0; index = (index + 1) % rest) {
    const step = missing > 0 ? 1 : -1;
    if (step < 0 && (counts[index] ?? 1) <= 1) continue;
    counts[index] = (counts[index] ?? 0) + step;
    missing -= step;
  }
  return [LONG_THREAD_MESSAGES, ...counts];
}

/** Older conversations are mostly resolved; recent ones mostly open or waiting. */
function statusFor(daysAgo: number, roll: number): SeedConversation["status"] {
  if (daysAgo > 14) return roll < 0.7 ? "resolved" : roll < 0.9 ? "open" : "pending";
  return roll < 0.65 ? "open" : roll < 0.85 ? "pending" : "resolved";
}

export function planConversations({ nowS, assignees }: { nowS: number; assignees: number }): SeedConversation[] {
  const next = random(11);
  const counts = messageCounts(next);
  const conversations: SeedConversation[] = [];
  const phoneOfContact = new Map<number, number>();
  let firstMessageNo = 1;
  for (let no = 1; no <= SEED_CONVERSATIONS; no += 1) {
    const messageCount = counts[no - 1] ?? 1;
    const panel = no >= PANEL_CONVERSATION_NO;
    const shared = !panel && no > SINGLE_CONTACTS;
    const contactNo = panel ? SEED_CONTACTS : shared ? no - SINGLE_CONTACTS : no;
    const phoneNo = panel
      ? no - PANEL_CONVERSATION_NO + 1
      : shared
        ? 3 - (phoneOfContact.get(contactNo) ?? 1)
        : no === 1 || next() < 0.7
          ? 1
          : 2;
    phoneOfContact.set(contactNo, phoneNo);
    // Recent activity is denser, as in a live inbox; the long thread is the newest of all, the panel
    // customer's conversation on number 1 the next (both on the list's first screen).
    const daysAgo = no === 1 ? 0.0007 : no === PANEL_CONVERSATION_NO ? 0.0014 : 0.002 + 180 * next() ** 2;
    const endS = Math.floor(nowS - daysAgo * DAY_S);
    const gapS = no === 1 ? (120 * DAY_S) / messageCount : Math.exp(Math.log(60) + next() * Math.log(20_000 / 60));
    const startS = Math.max(Math.floor(nowS - 200 * DAY_S), Math.floor(endS - gapS * messageCount));
    const status = no === 1 || no === PANEL_CONVERSATION_NO ? "open" : statusFor(daysAgo, next());
    const assigneeSlot = assignees > 0 && no !== 1 && next() < 0.5 ? Math.floor(next() * assignees) : null;
    conversations.push({ no, contactNo, phoneNo, messageCount, firstMessageNo, startS, endS, status, assigneeSlot });
    firstMessageNo += messageCount;
  }
  return conversations;
}

/** Consecutive conversation ranges of about MESSAGES_PER_CHUNK messages: one transaction each. */
export function chunkConversations(
  conversations: SeedConversation[],
): { from: number; to: number; messages: number }[] {
  const chunks: { from: number; to: number; messages: number }[] = [];
  let current: { from: number; to: number; messages: number } | undefined;
  for (const conversation of conversations) {
    current ??= { from: conversation.no, to: conversation.no, messages: 0 };
    current.to = conversation.no;
    current.messages += conversation.messageCount;
    if (current.messages >= MESSAGES_PER_CHUNK) {
      chunks.push(current);
      current = undefined;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}
