import { z } from "zod";
import { activityStatus, evidenceLink } from "./activities.ts";
import { email, isoDate, optionalText, pageQuery, requiredText, uuid } from "./validation.ts";

/**
 * Meeting places: events (activities of a meeting kind), their sessions, public registration,
 * attendance, feedback, series and networks. Messages are i18n keys (`validation.events.*`).
 */

export const eventVisibilities = ["public", "internal"] as const;
export type EventVisibility = (typeof eventVisibilities)[number];
export const registrationStatuses = ["confirmed", "waitlisted", "cancelled"] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];
/** What the participant list shows: the booking, or "attended" once checked in. */
export const participantStatuses = ["confirmed", "waitlisted", "cancelled", "attended"] as const;
export type ParticipantStatus = (typeof participantStatuses)[number];
export const questionModes = ["off", "optional", "required"] as const;

/**
 * Roles (functions) of participants as a project reports them (seed 004: 214 in learning centres by
 * six functions, 46 elsewhere by kind of workplace). The registration form offers these when the event
 * asks for a role from the catalogue; `group` is the table's first level.
 */
export const participantRoleGroups = ["larcentrum", "annan_verksamhet"] as const;
export type ParticipantRoleGroup = (typeof participantRoleGroups)[number];
export const participantRoles = [
  {
    key: "verksamhetsansvarig",
    group: "larcentrum",
    sv: "Verksamhetsansvarig/enhetschef",
    en: "Manager/head of unit",
  },
  {
    key: "vagledare",
    group: "larcentrum",
    sv: "Studie- och yrkesvägledare",
    en: "Study and careers counsellor",
  },
  {
    key: "projektledare",
    group: "larcentrum",
    sv: "Projektledare/utvecklingsledare",
    en: "Project/development leader",
  },
  { key: "larare", group: "larcentrum", sv: "Lärare/utbildare", en: "Teacher/trainer" },
  { key: "kompetensmaklare", group: "larcentrum", sv: "Kompetensmäklare", en: "Competence broker" },
  { key: "ovrig_personal", group: "larcentrum", sv: "Övrig personal", en: "Other staff" },
  {
    key: "naringslivsenhet",
    group: "annan_verksamhet",
    sv: "Näringslivsenhet",
    en: "Business development unit",
  },
  {
    key: "arbetsformedlingen",
    group: "annan_verksamhet",
    sv: "Arbetsförmedlingen",
    en: "Public Employment Service",
  },
  { key: "foretag", group: "annan_verksamhet", sv: "Företag", en: "Company" },
  { key: "annan", group: "annan_verksamhet", sv: "Annan verksamhet", en: "Other organisation" },
] as const;
export type ParticipantRoleKey = (typeof participantRoles)[number]["key"];
export const participantRoleKeys = participantRoles.map((r) => r.key) as [
  ParticipantRoleKey,
  ...ParticipantRoleKey[],
];

const questionMode = z.enum(questionModes, { error: "validation.invalidValue" });
/** The questions a registration form asks besides name and e-mail (GDPR: ask for the minimum). */
export const eventQuestions = z.strictObject({
  organisation: questionMode.default("optional"),
  role: questionMode.default("optional"),
  /** free = a text field; catalogue = choose from participantRoles (for project reporting). */
  roleFrom: z.enum(["free", "catalogue"], { error: "validation.invalidValue" }).default("free"),
  municipality: questionMode.default("off"),
  /** Dietary needs (health data): asked only when food is served, purged after the event. */
  dietary: z.boolean({ error: "validation.invalidType" }).default(false),
});
export type EventQuestions = z.output<typeof eventQuestions>;
export const defaultQuestions: EventQuestions = {
  organisation: "optional",
  role: "optional",
  roleFrom: "free",
  municipality: "off",
  dietary: false,
};

/** HH:MM, 00:00–23:59. */
export const clockTime = z
  .string({ error: "validation.required" })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "validation.events.time" });

/** One date and place, in Swedish local time; the server stores the instant. */
export const sessionInput = z
  .strictObject({
    date: isoDate,
    startTime: clockTime,
    endTime: clockTime,
    place: optionalText(300),
  })
  .refine((s) => s.endTime > s.startTime, { path: ["endTime"], error: "validation.events.endBeforeStart" });
export type SessionInput = z.input<typeof sessionInput>;

const dateTime = z.iso.datetime({ offset: true, error: "validation.events.dateTime" });
const count = z
  .number({ error: "validation.invalidType" })
  .int({ error: "validation.events.wholeNumber" })
  .min(0, { error: "validation.tooSmall" })
  .max(1_000_000, { error: "validation.tooBig" });
const ids = z.array(uuid).max(200);
const tag = z
  .string()
  .trim()
  .min(1, { error: "validation.required" })
  .max(60, { error: "validation.tooLong" });

const eventFields = {
  title: requiredText(300),
  typeKey: z.string({ error: "validation.required" }).trim().min(1, { error: "validation.required" }).max(60),
  description: optionalText(10_000),
  status: activityStatus,
  organiserIds: ids,
  /** Co-organisers ("tillsammans med Mälardalsrådet"). */
  organisationIds: ids,
  programmeIds: ids,
  tags: z.array(tag).max(30),
  evidenceLinks: z.array(evidenceLink).max(30),
  sessions: z.array(sessionInput).max(20, { error: "validation.events.tooManySessions" }),
  capacity: count.min(1, { error: "validation.events.capacityMin" }).nullable(),
  visibility: z.enum(eventVisibilities, { error: "validation.events.visibility" }),
  waitlist: z.boolean({ error: "validation.invalidType" }),
  registrationEnabled: z.boolean({ error: "validation.invalidType" }),
  registrationOpensAt: dateTime.nullable(),
  registrationClosesAt: dateTime.nullable(),
  questions: eventQuestions,
  theme: optionalText(200),
  audience: optionalText(500),
  contactEmail: email.nullable(),
  seriesId: uuid.nullable(),
  networkId: uuid.nullable(),
  projectId: uuid.nullable(),
  /** Participants counted or estimated where names were not taken ("ca 90"). */
  estimatedParticipants: count.nullable(),
};

function checkWindow(
  value: { registrationOpensAt?: string | null; registrationClosesAt?: string | null },
  ctx: z.RefinementCtx,
) {
  if (
    value.registrationOpensAt &&
    value.registrationClosesAt &&
    Date.parse(value.registrationClosesAt) <= Date.parse(value.registrationOpensAt)
  )
    ctx.addIssue({
      code: "custom",
      path: ["registrationClosesAt"],
      message: "validation.events.closesBeforeOpens",
    });
}

export const createEventInput = z
  .strictObject({
    ...eventFields,
    status: activityStatus.default("planned"),
    organiserIds: ids.default([]),
    organisationIds: ids.default([]),
    programmeIds: ids.default([]),
    tags: eventFields.tags.default([]),
    evidenceLinks: eventFields.evidenceLinks.default([]),
    sessions: eventFields.sessions.default([]),
    capacity: eventFields.capacity.default(null),
    visibility: eventFields.visibility.default("internal"),
    waitlist: eventFields.waitlist.default(true),
    registrationEnabled: eventFields.registrationEnabled.default(true),
    registrationOpensAt: eventFields.registrationOpensAt.default(null),
    registrationClosesAt: eventFields.registrationClosesAt.default(null),
    questions: eventQuestions.default(defaultQuestions),
    contactEmail: eventFields.contactEmail.default(null),
    seriesId: eventFields.seriesId.default(null),
    networkId: eventFields.networkId.default(null),
    projectId: eventFields.projectId.default(null),
    estimatedParticipants: eventFields.estimatedParticipants.default(null),
  })
  .superRefine(checkWindow);
export type CreateEventInput = z.input<typeof createEventInput>;
export type CreateEventData = z.output<typeof createEventInput>;

/** PATCH: any subset; `sessions`, when given, replaces the event's sessions. */
export const updateEventInput = z.strictObject(eventFields).partial().superRefine(checkWindow);
export type UpdateEventInput = z.input<typeof updateEventInput>;
export type UpdateEventData = z.output<typeof updateEventInput>;

export const eventListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  /** Events with a session (or date) on or after this day. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  visibility: z.enum(eventVisibilities, { error: "validation.events.visibility" }).optional(),
  typeKey: z.string().trim().max(60).optional(),
  seriesId: uuid.optional(),
  networkId: uuid.optional(),
  projectId: uuid.optional(),
  tag: z.string().trim().max(60).optional(),
  sort: z.enum(["startDate", "-startDate"], { error: "validation.invalidValue" }).default("startDate"),
});
export type EventListQuery = z.input<typeof eventListQuery>;

export const publicEventListQuery = z.object({
  /** Month view: the events of this month (YYYY-MM); without it, upcoming events. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "validation.events.month" })
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

// ---- Registration ------------------------------------------------------------------------------

const personText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "validation.tooLong" })
    .nullish()
    .transform((v) => (v ? v : null));

/** The optional, separately consented gender answer's values. */
export const genders = ["kvinna", "man", "annat", "vill_inte_svara"] as const;
export type Gender = (typeof genders)[number];
/** A group smaller than this is never shown as a number (it could point out a person). */
export const GENDER_MIN_GROUP = 5;

/** The public form. Which optional fields are required depends on the event's questions (server checks). */
export const registrationInput = z.strictObject({
  name: requiredText(200),
  email,
  organisation: personText(300),
  role: personText(200),
  roleKey: z.enum(participantRoleKeys, { error: "validation.events.roleKey" }).nullish(),
  municipality: personText(100),
  dietary: personText(500),
  /** Future invitations: a separate choice, false unless the person ticks it. */
  consentInvitations: z.boolean({ error: "validation.invalidType" }).default(false),
  /** Accessibility needs: always optional, purged after the event like dietary needs. */
  accessibility: personText(500),
  /** Gender (horizontal criterion): optional, kept only with `consentGender`, counted only in groups of 5+. */
  gender: z.enum(genders, { error: "validation.invalidValue" }).nullish(),
  consentGender: z.boolean({ error: "validation.invalidType" }).default(false),
});
export type RegistrationInput = z.input<typeof registrationInput>;
export type RegistrationData = z.output<typeof registrationInput>;

/** The participant changes their own registration through the personal link. */
export const updateRegistrationInput = registrationInput.omit({ email: true }).partial();
export type UpdateRegistrationInput = z.input<typeof updateRegistrationInput>;

/** A walk-in at the door, or a name from an attendance list: e-mail optional. */
export const walkInInput = z.strictObject({
  name: requiredText(200),
  email: email.nullish(),
  organisation: personText(300),
  role: personText(200),
  roleKey: z.enum(participantRoleKeys, { error: "validation.events.roleKey" }).nullish(),
  municipality: personText(100),
});
export type WalkInInput = z.input<typeof walkInInput>;

/** Check in (or undo) by registration id or by the code on the confirmation. */
export const attendanceInput = z
  .strictObject({
    registrationId: uuid.optional(),
    code: z.string().trim().toUpperCase().min(4).max(12).optional(),
    attended: z.boolean({ error: "validation.invalidType" }).default(true),
  })
  .refine((v) => !!v.registrationId !== !!v.code, { path: ["code"], error: "validation.events.idOrCode" });
export type AttendanceInput = z.input<typeof attendanceInput>;

export const participantsQuery = z.object({
  format: z.enum(["json", "xlsx"], { error: "validation.invalidValue" }).default("json"),
  status: z.enum(participantStatuses, { error: "validation.invalidValue" }).optional(),
});

/** Scope of the de-duplicated participant table: a project (by id or tag), a series or a network. */
export const participantTableQuery = z
  .object({
    projectTag: z.string().trim().min(1).max(60).optional(),
    projectId: uuid.optional(),
    seriesId: uuid.optional(),
    networkId: uuid.optional(),
    format: z.enum(["json", "xlsx"], { error: "validation.invalidValue" }).default("json"),
  })
  .refine((q) => [q.projectTag, q.projectId, q.seriesId, q.networkId].filter(Boolean).length === 1, {
    path: ["projectTag"],
    error: "validation.events.oneScope",
  });

// ---- Feedback ----------------------------------------------------------------------------------

export const feedbackQuestion = z.strictObject({
  key: z
    .string({ error: "validation.required" })
    .regex(/^[a-z][a-z0-9_]{1,39}$/, { error: "validation.events.questionKey" }),
  labelSv: requiredText(300),
  labelEn: requiredText(300),
  /** rating = 1–5, text = free text, yesno = ja/nej */
  kind: z.enum(["rating", "text", "yesno"], { error: "validation.invalidValue" }),
});
export type FeedbackQuestion = z.infer<typeof feedbackQuestion>;
export const feedbackQuestionsInput = z.strictObject({
  questions: z.array(feedbackQuestion).max(10, { error: "validation.events.tooManyQuestions" }),
});

export const rating = z
  .number({ error: "validation.events.rating" })
  .int({ error: "validation.events.rating" })
  .min(1, { error: "validation.events.rating" })
  .max(5, { error: "validation.events.rating" });
export const feedbackInput = z.strictObject({
  rating,
  comment: optionalText(5000),
  answers: z.record(z.string(), z.union([z.string().max(5000), z.number()])).default({}),
});
export type FeedbackInput = z.input<typeof feedbackInput>;

export const feedbackSummaryQuery = z.object({
  by: z.enum(["event", "series", "theme", "type"], { error: "validation.invalidValue" }).default("series"),
});

// ---- Series and networks -----------------------------------------------------------------------

export const seriesInput = z.strictObject({
  name: requiredText(300),
  description: optionalText(5000),
  projectId: uuid.nullish(),
  tags: z.array(tag).max(30).default([]),
});
export type SeriesInput = z.input<typeof seriesInput>;
export const updateSeriesInput = seriesInput.partial();

export const networkInput = seriesInput;
export type NetworkInput = SeriesInput;
export const networkMembersInput = z.strictObject({
  members: z
    .array(z.strictObject({ personId: uuid, role: optionalText(200) }))
    .max(2000, { error: "validation.tooBig" }),
});

// ---- Views -------------------------------------------------------------------------------------

const ref = z.object({ id: z.string(), name: z.string() });
export const sessionView = z.object({
  id: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
});
export type SessionView = z.infer<typeof sessionView>;

/** Registered, attended and estimated are three different numbers, always shown apart. */
export const eventCounts = z.object({
  registered: z.number(),
  waitlisted: z.number(),
  cancelled: z.number(),
  attended: z.number(),
  estimated: z.number().nullable(),
});
export type EventCounts = z.infer<typeof eventCounts>;

export const registrationWindow = z.enum(["open", "notYetOpen", "closed", "full", "none"]);
export type RegistrationWindow = z.infer<typeof registrationWindow>;

/** What the public sees of an event. */
export const publicEventView = z
  .object({
    id: z.string(),
    title: z.string(),
    typeKey: z.string(),
    type: z.object({ labelSv: z.string(), labelEn: z.string() }),
    description: z.string().nullable(),
    theme: z.string().nullable(),
    audience: z.string().nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    place: z.string().nullable(),
    sessions: z.array(sessionView),
    organisers: z.array(ref),
    partners: z.array(ref),
    status: activityStatus,
    capacity: z.number().nullable(),
    placesLeft: z.number().nullable(),
    waitlist: z.boolean(),
    registration: registrationWindow,
    registrationOpensAt: z.string().nullable(),
    registrationClosesAt: z.string().nullable(),
    questions: eventQuestions,
    contactEmail: z.string().nullable(),
    series: ref.nullable(),
  })
  .meta({ id: "PublicEvent" });
export type PublicEventView = z.infer<typeof publicEventView>;

export const eventView = publicEventView
  .extend({
    visibility: z.enum(eventVisibilities),
    registrationEnabled: z.boolean(),
    tags: z.array(z.string()),
    evidenceLinks: z.array(z.object({ label: z.string(), url: z.string() })),
    programmes: z.array(z.object({ id: z.string(), code: z.string(), nameSv: z.string() })),
    network: ref.nullable(),
    project: ref.nullable(),
    counts: eventCounts,
    feedback: z.object({ responses: z.number(), averageRating: z.number().nullable() }),
    abilities: z.object({ update: z.boolean(), manageParticipants: z.boolean() }),
  })
  .meta({ id: "Event" });
export type EventView = z.infer<typeof eventView>;

export const participantView = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    organisation: z.string().nullable(),
    role: z.string().nullable(),
    roleKey: z.string().nullable(),
    municipality: z.string().nullable(),
    status: z.enum(participantStatuses),
    bookingStatus: z.enum(registrationStatuses),
    source: z.string(),
    attendedAt: z.string().nullable(),
    checkinCode: z.string(),
    dietary: z.string().nullable(),
    accessibility: z.string().nullable(),
    consentInvitations: z.boolean(),
    personId: z.string().nullable(),
    registeredAt: z.string(),
  })
  .meta({ id: "Participant" });
export type ParticipantView = z.infer<typeof participantView>;

/** What the personal link shows the participant: their own registration and the event. */
export const ownRegistrationView = z
  .object({
    name: z.string(),
    email: z.string().nullable(),
    organisation: z.string().nullable(),
    role: z.string().nullable(),
    roleKey: z.string().nullable(),
    municipality: z.string().nullable(),
    dietary: z.string().nullable(),
    accessibility: z.string().nullable(),
    /** Only through the person's own link; null without consent. */
    gender: z.enum(genders).nullable(),
    consentInvitations: z.boolean(),
    status: z.enum(participantStatuses),
    checkinCode: z.string(),
    /** Place in the waiting list (1 = next), when waitlisted. */
    waitlistPosition: z.number().nullable(),
    event: publicEventView,
    feedback: z.object({
      open: z.boolean(),
      given: z.boolean(),
      questions: z.array(feedbackQuestion),
    }),
  })
  .meta({ id: "OwnRegistration" });
export type OwnRegistrationView = z.infer<typeof ownRegistrationView>;

export const registrationResultView = z.object({
  status: z.enum(registrationStatuses),
  waitlistPosition: z.number().nullable(),
  /** The personal link (also in the e-mail), shown once on the confirmation page. */
  manageUrl: z.string(),
  checkinCode: z.string(),
  emailSent: z.boolean(),
});
export type RegistrationResultView = z.infer<typeof registrationResultView>;

export const participantTableView = z.object({
  scope: z.object({ kind: z.string(), label: z.string() }),
  events: z.number(),
  registrations: z.number(),
  /** Distinct people who attended at least one of the events. */
  participants: z.number(),
  estimatedAtEventsWithoutNames: z.number(),
  groups: z.array(
    z.object({
      group: z.string(),
      label: z.string(),
      count: z.number(),
      roles: z.array(z.object({ roleKey: z.string().nullable(), label: z.string(), count: z.number() })),
    }),
  ),
  organisations: z.array(z.object({ organisation: z.string(), count: z.number() })),
});
export type ParticipantTableView = z.infer<typeof participantTableView>;

export const feedbackSummaryView = z.object({
  by: z.string(),
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      events: z.number(),
      responses: z.number(),
      averageRating: z.number().nullable(),
      distribution: z.array(z.number()),
    }),
  ),
});

export const eventFeedbackView = z.object({
  responses: z.number(),
  averageRating: z.number().nullable(),
  distribution: z.array(z.number()),
  comments: z.array(z.object({ rating: z.number(), comment: z.string(), createdAt: z.string() })),
  questions: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      kind: z.string(),
      average: z.number().nullable(),
      yes: z.number(),
      no: z.number(),
      texts: z.array(z.string()),
    }),
  ),
});

export const seriesView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  projectId: z.string().nullable(),
  tags: z.array(z.string()),
  events: z.number(),
});
export const networkView = seriesView.extend({
  members: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      organisation: z.string().nullable(),
      role: z.string().nullable(),
    }),
  ),
});
