/** The mail module's door (started for issue 20): what other modules may use. */

export * as personalData from "./mail.personal-data.ts";
export { purgeFailedMail } from "./mail.retention.ts";
export { registerMailRoutes } from "./mail.routes.ts";
export { escapeHtml, type MailAttachment, mailSink, type OutgoingMail } from "./mail.service.ts";
export { nudgeMailSender, onDeliveryOutcome, sendDueMail, startMailSender } from "./mail-sender.ts";
export {
  anonymousMailAllowed,
  defaultAnonymousMailCaps,
  fillReservedMails,
  type MailOrigin,
  type MailReservation,
  queueAnonymousMail,
  queueMail,
  queueMails,
  releaseReservedMails,
  reserveAnonymousMail,
} from "./outbox.ts";
