import { z } from "zod";
import { email, optionalText, requiredText, uuid } from "./validation.ts";

/**
 * Newsletter and invitations: subscribers (double opt-in), segments, mailings with a preview of
 * exactly who receives them. Messages are i18n keys (`validation.communication.*`).
 */

const list = (max: number) => z.array(z.string().trim().min(1).max(200)).max(max).default([]);

/**
 * Who a mailing goes to. Within one dimension any value matches; across dimensions all must match;
 * an empty dimension does not filter. Recipients are active subscribers and event participants who
 * consented to future invitations, minus every address that unsubscribed.
 */
export const segmentCriteria = z.strictObject({
  themes: list(50),
  organisationTypes: list(20),
  municipalities: list(300),
  /** Attended at least one of these events, or one event in these series. */
  attendedEventIds: z.array(uuid).max(500).default([]),
  attendedSeriesIds: z.array(uuid).max(100).default([]),
  /** subscribers | participants | both */
  sources: z
    .enum(["subscribers", "participants", "both"], { error: "validation.invalidValue" })
    .default("both"),
});
export type SegmentCriteria = z.output<typeof segmentCriteria>;
export type SegmentCriteriaInput = z.input<typeof segmentCriteria>;

export const segmentInput = z.strictObject({ name: requiredText(200), criteria: segmentCriteria });
export type SegmentInput = z.input<typeof segmentInput>;

export const subscribeInput = z.strictObject({
  email,
  name: optionalText(200),
  themes: list(50),
  municipality: optionalText(100),
  organisationType: optionalText(60),
});
export type SubscribeInput = z.input<typeof subscribeInput>;

export const mailingInput = z
  .strictObject({
    kind: z.enum(["newsletter", "invitation"], { error: "validation.invalidValue" }),
    subject: requiredText(300),
    body: requiredText(20_000),
    eventId: uuid.nullish(),
    segmentId: uuid.nullish(),
    criteria: segmentCriteria.optional(),
  })
  .refine((m) => m.kind !== "invitation" || !!m.eventId, {
    path: ["eventId"],
    error: "validation.communication.invitationNeedsEvent",
  });
export type MailingInput = z.input<typeof mailingInput>;

/** Sending states what the sender saw in the preview; a changed list is refused (409). */
export const sendMailingInput = z.strictObject({
  expectedRecipients: z.number().int().min(0),
  recipientsDigest: z.string().min(8).max(128),
});

export const recipientView = z.object({
  email: z.string(),
  name: z.string().nullable(),
  sources: z.array(z.enum(["subscriber", "participant"])),
});
export type RecipientView = z.infer<typeof recipientView>;
export const previewView = z.object({
  count: z.number(),
  /** A digest of the exact list; the send must carry it back. */
  digest: z.string(),
  recipients: z.array(recipientView),
});
export type PreviewView = z.infer<typeof previewView>;

export const segmentView = z.object({
  id: z.string(),
  name: z.string(),
  criteria: segmentCriteria,
  createdAt: z.string(),
});
export type SegmentView = z.infer<typeof segmentView>;

export const mailingView = z.object({
  id: z.string(),
  kind: z.enum(["newsletter", "invitation"]),
  subject: z.string(),
  body: z.string(),
  eventId: z.string().nullable(),
  criteria: segmentCriteria,
  status: z.enum(["draft", "sent"]),
  recipientCount: z.number().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type MailingView = z.infer<typeof mailingView>;

export const subscriberView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  status: z.enum(["pending", "active", "unsubscribed"]),
  themes: z.array(z.string()),
  municipality: z.string().nullable(),
  organisationType: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type SubscriberView = z.infer<typeof subscriberView>;

/** An audience to choose for a mailing, with how many it reaches today (issue 15). */
export const audienceView = z
  .object({
    id: z.string(),
    label: z.string(),
    count: z.number().int(),
    /** A segment someone saved, rather than one the server offers from the contacts' data. */
    saved: z.boolean(),
    criteria: segmentCriteria,
  })
  .meta({ id: "MailingAudience" });
export type AudienceView = z.infer<typeof audienceView>;
