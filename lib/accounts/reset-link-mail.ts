import "server-only";
import { sendMail } from "@/lib/mail/send-mail";

/** The reset mail, in plain text: the link, who asked, and that ignoring it changes nothing. */
export async function sendResetLinkMail({
  to,
  name,
  link,
  askedBy,
}: {
  to: string;
  name: string;
  link: string;
  /** An admin's name, or null when the person asked on the sign-in page. */
  askedBy: string | null;
}): Promise<void> {
  const who = askedBy ? `${askedBy} (an admin) made` : "Someone (hopefully you) asked for";
  await sendMail({
    to,
    subject: "Choose a new password for WhatsApp Inbox",
    text: [
      `Hello ${name},`,
      "",
      `${who} a link to choose a new password for your WhatsApp Inbox account:`,
      "",
      link,
      "",
      "It works once, for one hour. Choosing a new password signs you out everywhere else.",
      "If you did not ask for it, ignore this mail: your password stays as it is.",
    ].join("\n"),
  });
}
