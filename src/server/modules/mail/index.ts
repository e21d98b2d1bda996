/** The mail module's door (started for issue 20): what other modules may use. */

export * as personalData from "./mail.personal-data.ts";
export { purgeFailedMail } from "./mail.retention.ts";
export { escapeHtml } from "./mail.service.ts";
export { nudgeMailSender } from "./mail-sender.ts";
export { type MailOrigin, queueAnonymousMail, queueMails } from "./outbox.ts";
