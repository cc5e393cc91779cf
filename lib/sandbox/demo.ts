// The sandbox's demo: two business numbers, a handful of customers (one with a right-to-left name,
// one known only by a business-scoped user id) and a day of history, one of them with a window that
// closed — written once, through the app's real webhook endpoint, as Meta would have delivered it.
import type { CustomerSpec } from "./customers";
import type { GraphSandbox, SandboxPhoneNumber, SandboxTemplate } from "./graph-api";
import { SAMPLE_WABA_ID } from "@/lib/whatsapp/sample-payloads";

export const DEMO_WABA_ID = SAMPLE_WABA_ID;

/** Settings: when the demo's history was written (once per database), and when an admin deleted it. */
export const DEMO_SEEDED_KEY = "sandbox.demo_seeded_at";
export const DEMO_DELETED_KEY = "sandbox.demo_deleted_at";

export const DEMO_NUMBERS: SandboxPhoneNumber[] = [
  {
    id: "100000000000001",
    display_phone_number: "+1 555-010-0001",
    verified_name: "Demo Shop Support",
    quality_rating: "GREEN",
  },
  {
    id: "100000000000002",
    display_phone_number: "+1 555-010-0002",
    verified_name: "Demo Shop Sales",
    quality_rating: "GREEN",
  },
];

const [support, sales] = DEMO_NUMBERS as [SandboxPhoneNumber, SandboxPhoneNumber];
const on = (number: SandboxPhoneNumber) => ({
  phoneNumberId: number.id,
  displayPhoneNumber: number.display_phone_number.replace(/\D/g, ""),
});

export const DEMO_CUSTOMERS: CustomerSpec[] = [
  { waId: "5511987650001", name: "Ana Lima", ...on(support) },
  { waId: "971501230002", name: "يوسف الخطيب", ...on(support) },
  { userId: "US.1340912345678903", name: "Sam Okafor", ...on(sales) },
  { waId: "819012340004", name: "Kenji Watanabe", ...on(sales) },
];

const HOUR = 60 * 60 * 1000;

/** Who wrote what, how long ago: the last customer here wrote 26 hours ago, so their window is closed. */
export const DEMO_HISTORY: { customer: number; hoursAgo: number; text: string }[] = [
  { customer: 3, hoursAgo: 26, text: "Hi! Do you have the blue mug in stock?" },
  { customer: 0, hoursAgo: 20, text: "Olá! My order #1042 hasn't arrived yet 📦" },
  { customer: 0, hoursAgo: 19.5, text: "It was supposed to come on Monday." },
  { customer: 1, hoursAgo: 8, text: "مرحبا، هل يمكنني تغيير عنوان التوصيل؟" },
  { customer: 2, hoursAgo: 3, text: "Can I pay on delivery?" },
  { customer: 0, hoursAgo: 0.5, text: "Any news about my order?" },
];

export const DEMO_TEMPLATES: SandboxTemplate[] = [
  {
    id: "900000000000001",
    name: "order_update",
    language: "en_US",
    status: "APPROVED",
    category: "UTILITY",
    parameter_format: "POSITIONAL",
    components: [
      { type: "HEADER", format: "TEXT", text: "Your order" },
      { type: "BODY", text: "Hi {{1}}, your order {{2}} is on its way.", example: { body_text: [["Ana", "#1042"]] } },
      { type: "FOOTER", text: "Demo Shop" },
      {
        type: "BUTTONS",
        buttons: [
          { type: "QUICK_REPLY", text: "Track it" },
          { type: "QUICK_REPLY", text: "Talk to us" },
        ],
      },
    ],
  },
  {
    id: "900000000000002",
    name: "we_miss_you",
    language: "en_US",
    status: "PENDING",
    category: "MARKETING",
    parameter_format: "POSITIONAL",
    components: [{ type: "BODY", text: "We miss you! 10% off this week." }],
  },
  {
    id: "900000000000003",
    name: "free_gift",
    language: "en_US",
    status: "REJECTED",
    rejected_reason: "PROMOTIONAL",
    category: "MARKETING",
    parameter_format: "POSITIONAL",
    components: [{ type: "BODY", text: "Claim your free gift now!" }],
  },
];

/** Meta's side of the demo: its numbers, templates and customers (every start; the stand-in keeps nothing). */
export function installDemo(sandbox: GraphSandbox, addCustomer: (spec: CustomerSpec) => void): void {
  for (const number of DEMO_NUMBERS) sandbox.phoneNumbers.set(number.id, number);
  sandbox.templates.set(DEMO_WABA_ID, [...DEMO_TEMPLATES]);
  for (const customer of DEMO_CUSTOMERS) addCustomer(customer);
}

/** Meta's side forgets the demo once an admin deleted it: its customers' phones and its templates. */
export function uninstallDemo(sandbox: GraphSandbox): void {
  for (const customer of DEMO_CUSTOMERS) sandbox.customers.delete((customer.waId ?? customer.userId)!);
  const names = new Set(DEMO_TEMPLATES.map((template) => `${template.name}/${template.language}`));
  const kept = (sandbox.templates.get(DEMO_WABA_ID) ?? []).filter(
    (template) => !names.has(`${template.name}/${template.language}`),
  );
  sandbox.templates.set(DEMO_WABA_ID, kept);
}

/** The demo's templates as the app's database keys them (what deleting the demo removes). */
export const DEMO_TEMPLATE_KEYS = DEMO_TEMPLATES.map(({ name, language }) => ({
  wabaId: DEMO_WABA_ID,
  name,
  language,
}));

export const DEMO_HOUR_MS = HOUR;
