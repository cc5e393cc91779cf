import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { appUrl, getEnv } from "@/lib/env";

/** Whether SMTP_URL is set: without it the app sends no mail and says so where it matters. */
export function isMailConfigured(): boolean {
  return getEnv().SMTP_URL !== undefined;
}

const globalForMail = globalThis as unknown as { __inboxMail?: { url: string; transporter: Transporter } };

function transporter(url: string): Transporter {
  // One pooled transport per process (and per URL, should a test change it).
  if (globalForMail.__inboxMail?.url !== url) {
    globalForMail.__inboxMail = { url, transporter: nodemailer.createTransport(url) };
  }
  return globalForMail.__inboxMail.transporter;
}

function defaultFrom(): string {
  return `WhatsApp Inbox <no-reply@${new URL(appUrl()).hostname}>`;
}

/** Sends one plain-text mail through SMTP_URL; throws when no SMTP is configured or it refuses. */
export async function sendMail({ to, subject, text }: { to: string; subject: string; text: string }): Promise<void> {
  const env = getEnv();
  if (!env.SMTP_URL) throw new Error("sendMail: SMTP_URL is not set");
  await transporter(env.SMTP_URL).sendMail({ from: env.SMTP_FROM ?? defaultFrom(), to, subject, text });
}
