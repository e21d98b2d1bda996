/** The mail module's door (started for issue 20): what other modules may use. */

export * as personalData from "./mail.personal-data.ts";
export { purgeFailedMail } from "./mail.retention.ts";
export { sendDueMail } from "./mail-sender.ts";
