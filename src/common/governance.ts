import { z } from "zod";
import { isoDate, optionalText, pageQuery, requiredText, uuid } from "./validation.ts";

/** Governance: bodies, members, meetings, minutes, decisions and the registry (diarium). */

export const bodyKinds = [
  "board",
  "sector_group",
  "reference_group",
  "steering_group",
  "working_group",
  "idea_forum",
  "process_leadership",
] as const;
export const bodyKind = z.enum(bodyKinds, { error: "validation.invalidValue" });
export type BodyKind = z.infer<typeof bodyKind>;

export const memberRoles = ["chair", "vice_chair", "member", "deputy", "secretary", "adjunct"] as const;
export const memberRole = z.enum(memberRoles, { error: "validation.invalidValue" });
export type MemberRole = z.infer<typeof memberRole>;

export const agendaKinds = ["information", "discussion", "decision"] as const;
export const agendaKind = z.enum(agendaKinds, { error: "validation.invalidValue" });

export const decisionKinds = ["grant", "adoption", "appointment", "other"] as const;
export const decisionKind = z.enum(decisionKinds, { error: "validation.invalidValue" });
export type DecisionKind = z.infer<typeof decisionKind>;

export const registryDirections = ["incoming", "outgoing", "internal"] as const;
export const registryDirection = z.enum(registryDirections, { error: "validation.invalidValue" });

/** Document types and their retention class (gallring): kept for ever, or purged after a time. */
export const retentionByDocumentType = {
  minutes: "keep",
  decision: "keep",
  agreement: "keep",
  letter: "keep",
  notice: "purge_2y",
  application: "purge_10y",
  other: "purge_when_obsolete",
} as const;
export type DocumentType = keyof typeof retentionByDocumentType;
export const documentTypes = Object.keys(retentionByDocumentType) as [DocumentType, ...DocumentType[]];
export const documentType = z.enum(documentTypes, { error: "validation.invalidValue" });

export const linkTypes = ["project", "plan", "agreement", "call", "funding"] as const;
export const decisionLink = z.object({ type: z.enum(linkTypes), id: uuid });
export type DecisionLink = z.infer<typeof decisionLink>;

const periodRefine = <T extends { startDate?: string | null; endDate?: string | null }>(v: T) =>
  !v.startDate || !v.endDate || v.endDate >= v.startDate;
const periodError = { error: "validation.governance.periodOrder", path: ["endDate"] };

export const createBodyInput = z
  .object({
    name: requiredText(200),
    kind: bodyKind,
    organisationId: uuid,
    parentId: uuid.nullish(),
    mandate: optionalText(4000),
    tasks: optionalText(4000),
    startDate: isoDate.nullish(),
    endDate: isoDate.nullish(),
  })
  .refine(periodRefine, periodError);
export type CreateBodyInput = z.input<typeof createBodyInput>;

export const addMemberInput = z
  .object({
    personId: uuid,
    partyOrganisationId: uuid.nullish(),
    role: memberRole.default("member"),
    function: optionalText(200),
    percentOfFullTime: z.number().int().min(1).max(100).nullish(),
    startDate: isoDate.nullish(),
    endDate: isoDate.nullish(),
  })
  .refine(periodRefine, periodError);
export type AddMemberInput = z.input<typeof addMemberInput>;

export const memberView = z.object({
  id: uuid,
  personId: uuid,
  personName: z.string(),
  partyOrganisationId: uuid.nullable(),
  partyName: z.string().nullable(),
  role: memberRole,
  function: z.string().nullable(),
  percentOfFullTime: z.number().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});
export type MemberView = z.infer<typeof memberView>;

export const bodySummaryView = z.object({
  id: uuid,
  name: z.string(),
  kind: bodyKind,
  organisationId: uuid,
  organisationName: z.string(),
  parentId: uuid.nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  memberCount: z.number(),
});
export type BodySummaryView = z.infer<typeof bodySummaryView>;

export const bodyView = bodySummaryView.extend({
  mandate: z.string().nullable(),
  tasks: z.string().nullable(),
  members: z.array(memberView),
  /** Composition rules not met, e.g. a party with one member on the board (warnings, not errors). */
  warnings: z.array(z.string()),
  abilities: z.object({ manage: z.boolean() }),
});
export type BodyView = z.infer<typeof bodyView>;

export const bodyListQuery = z.object({ kind: bodyKind.optional(), organisationId: uuid.optional() });

export const agendaItemInput = z.object({
  title: requiredText(300),
  kind: agendaKind.default("information"),
  presenter: optionalText(200),
  public: z.boolean().default(true),
  documents: z.array(z.string().trim().max(500)).max(50).default([]),
});

export const createMeetingInput = z
  .object({
    bodyId: uuid,
    title: optionalText(200),
    startsAt: z.iso.datetime({ offset: true, error: "validation.format" }),
    endsAt: z.iso.datetime({ offset: true, error: "validation.format" }).nullish(),
    place: optionalText(300),
    link: optionalText(500),
    public: z.boolean().default(false),
    agenda: z.array(agendaItemInput).max(100).default([]),
  })
  .refine((v) => !v.endsAt || Date.parse(v.endsAt) > Date.parse(v.startsAt), {
    error: "validation.governance.endBeforeStart",
    path: ["endsAt"],
  });
export type CreateMeetingInput = z.input<typeof createMeetingInput>;

export const meetingListQuery = z.object({
  bodyId: uuid.optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
});

export const agendaItemView = z.object({
  id: uuid,
  position: z.number(),
  title: z.string(),
  kind: agendaKind,
  presenter: z.string().nullable(),
  public: z.boolean(),
  documents: z.array(z.string()),
  notes: z.string().nullable(),
});

export const decisionView = z.object({
  id: uuid,
  meetingId: uuid,
  bodyId: uuid,
  bodyName: z.string(),
  meetingDate: z.string(),
  paragraph: z.number(),
  title: z.string(),
  text: z.string(),
  kind: decisionKind,
  amount: z.number().nullable(),
  links: z.array(decisionLink),
  public: z.boolean(),
  registryNumber: z.string().nullable(),
  locked: z.boolean(),
  /** The projects the decision funds (a grant's funding lines in the portfolio). */
  fundedProjects: z.array(z.object({ projectId: uuid, projectName: z.string(), amount: z.number() })),
});
export type DecisionView = z.infer<typeof decisionView>;

export const meetingSummaryView = z.object({
  id: uuid,
  bodyId: uuid,
  bodyName: z.string(),
  title: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  place: z.string().nullable(),
  public: z.boolean(),
  noticeSentAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
});
export type MeetingSummaryView = z.infer<typeof meetingSummaryView>;

export const meetingView = meetingSummaryView.extend({
  link: z.string().nullable(),
  agenda: z.array(agendaItemView),
  /** Null when the viewer may not read the minutes yet (not approved, or not public). */
  minutesText: z.string().nullable(),
  attendance: z.array(uuid),
  adjusters: z.array(uuid),
  decisions: z.array(decisionView),
  abilities: z.object({ manage: z.boolean() }),
});
export type MeetingView = z.infer<typeof meetingView>;

export const minutesInput = z.object({
  text: z.string().max(100_000, { error: "validation.tooLong" }),
  items: z
    .array(z.object({ agendaItemId: uuid, notes: optionalText(20_000) }))
    .max(100)
    .optional(),
  attendance: z.array(uuid).max(200).optional(),
  adjusters: z.array(uuid).max(5).optional(),
  public: z.boolean().optional(),
});
export type MinutesInput = z.input<typeof minutesInput>;

export const createDecisionInput = z.object({
  title: requiredText(300),
  text: requiredText(20_000),
  kind: decisionKind.optional(),
  amount: z.number({ error: "validation.invalidType" }).int().min(0).max(1_000_000_000).nullish(),
  agendaItemId: uuid.nullish(),
  links: z.array(decisionLink).max(20).default([]),
  public: z.boolean().default(true),
});
export type CreateDecisionInput = z.input<typeof createDecisionInput>;

export const updateDecisionInput = z.object({
  title: requiredText(300).optional(),
  text: requiredText(20_000).optional(),
  kind: decisionKind.optional(),
  amount: z.number().int().min(0).max(1_000_000_000).nullish(),
  links: z.array(decisionLink).max(20).optional(),
  public: z.boolean().optional(),
});
export type UpdateDecisionInput = z.input<typeof updateDecisionInput>;

export const decisionListQuery = z.object({
  bodyId: uuid.optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  q: z.string().trim().max(200).optional(),
  ...pageQuery.shape,
});

export const createRegistryEntryInput = z
  .object({
    organisationId: uuid,
    title: requiredText(500),
    date: isoDate,
    direction: registryDirection,
    bodyId: uuid.nullish(),
    counterpart: optionalText(300),
    caseRef: optionalText(100),
    documentType: documentType.default("other"),
    confidential: z.boolean().default(false),
    /** The ground in OSL (2009:400), e.g. "OSL 19 kap. 1 §". */
    confidentialityGround: optionalText(300),
    /** An external registrar's number, recorded as given instead of a number in the series. */
    externalNumber: optionalText(100),
    files: z.array(z.string().trim().max(500)).max(50).default([]),
  })
  .refine((v) => !v.confidential || !!v.confidentialityGround, {
    error: "validation.governance.groundRequired",
    path: ["confidentialityGround"],
  });
export type CreateRegistryEntryInput = z.input<typeof createRegistryEntryInput>;

export const registryListQuery = z.object({
  organisationId: uuid.optional(),
  bodyId: uuid.optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  q: z.string().trim().max(200).optional(),
  ...pageQuery.shape,
});

export const registryEntryView = z.object({
  id: uuid,
  organisationId: uuid,
  bodyId: uuid.nullable(),
  registryNumber: z.string(),
  /** Null for a confidential entry the viewer may not read; the entry's existence stays public. */
  title: z.string().nullable(),
  date: z.string(),
  direction: registryDirection,
  counterpart: z.string().nullable(),
  caseRef: z.string().nullable(),
  documentType: documentType,
  retentionClass: z.string(),
  confidential: z.boolean(),
  confidentialityGround: z.string().nullable(),
  files: z.array(z.string()),
});
export type RegistryEntryView = z.infer<typeof registryEntryView>;
