/** The mail module's door (started for retention, issue 20): what other modules may use. */
export { purgeFailedMail } from "./mail.retention.ts";
