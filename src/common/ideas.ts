import { z } from "zod";
import { email, optionalText, pageQuery, requiredText, uuid } from "./validation.ts";

/**
 * Calls for ideas (idéefterlysningar) after seed 003's MOPS: an open call run by a body, ideas
 * submitted by anyone (with consent to keep their personal data), worked forward one stage at a time,
 * scored by a panel and finally granted by a board decision that creates a project.
 */

/** MOPS' stages in order; `rejected` and `withdrawn` end an idea from any stage before `granted`. */
export const ideaStages = [
  "submitted",
  "selected",
  "developing",
  "pitched",
  "planned",
  "prepared",
  "granted",
] as const;
export const endStages = ["rejected", "withdrawn"] as const;
export const allIdeaStages = [...ideaStages, ...endStages] as const;
export type IdeaStage = (typeof allIdeaStages)[number];

/** How far along the funnel a stage is; end stages have none. */
export const stageRank = (stage: string): number => (ideaStages as readonly string[]).indexOf(stage);

/** A field of the template ideas are developed on, e.g. `{ key: "purpose", label: "Syfte" }`. */
export const templateField = z.strictObject({
  key: z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, { error: "validation.ideas.fieldKey" }),
  label: requiredText(200),
  required: z.boolean().default(false),
});
export type TemplateField = z.infer<typeof templateField>;

/** The default template: what MOPS' seminar series developed each idea into. */
export const defaultTemplate: TemplateField[] = [
  { key: "purpose", label: "Syfte", required: true },
  { key: "targetGroup", label: "Målgrupp", required: false },
  { key: "partners", label: "Samverkanspartner", required: false },
  { key: "expectedResults", label: "Förväntade resultat", required: false },
  { key: "budget", label: "Budget", required: false },
];

/** The criteria the panel scores 1–5 on. */
export const criterion = z.strictObject({
  key: z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, { error: "validation.ideas.fieldKey" }),
  label: requiredText(200),
});
export const defaultCriteria: z.infer<typeof criterion>[] = [
  { key: "relevance", label: "Relevans för samverkan" },
  { key: "feasibility", label: "Genomförbarhet" },
  { key: "impact", label: "Nytta för verksamheten" },
];

const kronor = z
  .number({ error: (i) => (i.input === undefined ? "validation.required" : "validation.ideas.wholeKronor") })
  .int({ error: "validation.ideas.wholeKronor" })
  .min(0, { error: "validation.ideas.notNegative" })
  .max(2_000_000_000);

const instant = z.iso.datetime({ offset: true, error: "validation.ideas.dateTime" });

export const createCallInput = z
  .strictObject({
    title: requiredText(300),
    /** Whose call: e.g. Samhällskontraktet. */
    organisationId: uuid,
    /** The body running it (a sector group), from the governance module. */
    bodyId: uuid.nullish(),
    area: optionalText(2000),
    questions: optionalText(4000),
    opensAt: instant,
    closesAt: instant,
    budget: kronor.nullish(),
    template: z.array(templateField).max(30).optional(),
    criteria: z.array(criterion).max(20).optional(),
    /** Public calls are listed on the public pages and take submissions without an account. */
    public: z.boolean().default(true),
  })
  .refine((c) => c.closesAt > c.opensAt, {
    path: ["closesAt"],
    error: "validation.ideas.closesBeforeOpens",
  });
export type CreateCallInput = z.input<typeof createCallInput>;

export const callView = z
  .object({
    id: z.string(),
    title: z.string(),
    organisationId: z.string(),
    organisationName: z.string().nullable(),
    bodyId: z.string().nullable(),
    area: z.string().nullable(),
    questions: z.string().nullable(),
    opensAt: z.string(),
    closesAt: z.string(),
    budget: z.number().int().nullable(),
    template: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
    criteria: z.array(z.object({ key: z.string(), label: z.string() })),
    public: z.boolean(),
    /** `upcoming`, `open` or `closed`, from the dates. */
    state: z.enum(["upcoming", "open", "closed"]),
    ideaCount: z.number().int(),
  })
  .meta({ id: "Call" });
export type CallView = z.infer<typeof callView>;

/** One member of a call's panel, named. */
export const panelMemberView = z.object({ userId: z.string(), name: z.string() });

/** One call as its page shows it: with its panel (to those inside) and whether the reader may set it. */
export const callDetailView = callView
  .extend({
    /** The reviewers by name; empty to readers outside the office, the groups and the panel. */
    reviewers: z.array(panelMemberView),
    /** Whether the reader may choose the panel (PUT /api/calls/{id}/reviewers). */
    mayManage: z.boolean(),
  })
  .meta({ id: "CallDetail" });
export type CallDetailView = z.infer<typeof callDetailView>;

/** `GET /api/calls/{id}/reviewer-candidates?q=`: active users whose name or e-mail matches q. */
export const reviewerCandidatesQuery = z.strictObject({ q: requiredText(100) });
export const reviewerCandidateView = z
  .object({ userId: z.string(), name: z.string(), organisation: z.string().nullable() })
  .meta({ id: "ReviewerCandidate" });
export type ReviewerCandidateView = z.infer<typeof reviewerCandidateView>;

export const callListQuery = pageQuery.extend({ organisationId: uuid.optional() });

export const funnelView = z
  .object({
    submitted: z.number().int(),
    selected: z.number().int(),
    developing: z.number().int(),
    pitched: z.number().int(),
    planned: z.number().int(),
    prepared: z.number().int(),
    granted: z.number().int(),
    rejected: z.number().int(),
    withdrawn: z.number().int(),
    grantedAmount: z.number().int(),
    /** The call's budget less what has been granted; null when the call states no budget. */
    remainingBudget: z.number().int().nullable(),
    projectIds: z.array(z.string()),
  })
  .meta({ id: "CallFunnel" });

/** A public submission: no account; consent must be given to keep the personal data. */
export const publicIdeaInput = z.strictObject({
  title: requiredText(300),
  summary: requiredText(4000),
  name: requiredText(200),
  email,
  organisation: optionalText(300),
  /** Answers on the call's template, by field key. */
  fields: z.record(z.string().max(40), z.string().max(8000)).optional(),
  consent: z.literal(true, { error: "validation.ideas.consentRequired" }),
});
export type PublicIdeaInput = z.input<typeof publicIdeaInput>;

/** The submitter completes the idea through the personal link while the call is open. */
export const completeIdeaInput = z.strictObject({
  title: requiredText(300).optional(),
  summary: requiredText(4000).optional(),
  fields: z.record(z.string().max(40), z.string().max(8000)).optional(),
});

export const ideaListQuery = pageQuery.extend({
  callId: uuid,
  stage: z.enum(allIdeaStages).optional(),
  organisation: z.string().trim().max(300).optional(),
});

export const transitionInput = z.strictObject({
  to: z.enum(allIdeaStages, { error: "validation.ideas.unknownStage" }),
  reason: optionalText(2000),
});

export const reviewInput = z.strictObject({
  /** A score 1–5 per criterion key of the call. */
  scores: z.record(
    z.string().max(40),
    z
      .number({ error: "validation.ideas.score" })
      .int({ error: "validation.ideas.score" })
      .min(1, { error: "validation.ideas.score" })
      .max(5, { error: "validation.ideas.score" }),
  ),
  comment: optionalText(4000),
});

export const grantInput = z.strictObject({
  /** The board's decision (governance module) that grants the money. */
  decisionId: uuid,
  amount: kronor.refine((n) => n > 0, { error: "validation.ideas.notZero" }),
});

/** The template filled in during development; each save keeps a version. */
export const developIdeaInput = z.strictObject({
  title: requiredText(300).optional(),
  summary: requiredText(4000).optional(),
  fields: z.record(z.string().max(40), z.string().max(8000)),
});

/** The sector group's preparation: what it recommends the board to do, and why. */
export const recommendationInput = z.strictObject({
  recommendation: z.enum(["grant", "reject"], { error: "validation.ideas.recommendation" }),
  reason: requiredText(4000),
  amount: kronor.nullish(),
});

export const versionView = z
  .object({
    version: z.number().int(),
    title: z.string(),
    summary: z.string(),
    fields: z.record(z.string(), z.string()),
    by: z.string(),
    at: z.string(),
  })
  .meta({ id: "IdeaVersion" });

export const recommendationView = z
  .object({
    recommendation: z.enum(["grant", "reject"]),
    reason: z.string().nullable(),
    amount: z.number().int().nullable(),
    by: z.string().nullable(),
    at: z.string().nullable(),
  })
  .meta({ id: "IdeaRecommendation" });

export const ideaDocumentView = z
  .object({
    id: z.string(),
    title: z.string(),
    filename: z.string(),
    mimeType: z.string(),
    size: z.number().int(),
    by: z.string(),
    at: z.string(),
  })
  .meta({ id: "IdeaDocument" });
export type IdeaDocumentView = z.infer<typeof ideaDocumentView>;

/** Ideas across calls by the submitter's organisation and its party (the register's organisation type). */
export const ideasByOrganisationView = z.object({
  items: z.array(
    z.object({
      organisation: z.string(),
      party: z.string().nullable(),
      submitted: z.number().int(),
      granted: z.number().int(),
    }),
  ),
});

export const transitionView = z.object({
  from: z.string().nullable(),
  to: z.string(),
  at: z.string(),
  by: z.string(),
  reason: z.string().nullable(),
});

export const reviewView = z.object({
  reviewer: z.string(),
  scores: z.record(z.string(), z.number()),
  comment: z.string().nullable(),
  at: z.string(),
});

export const ideaView = z
  .object({
    id: z.string(),
    callId: z.string(),
    title: z.string(),
    summary: z.string(),
    stage: z.enum(allIdeaStages),
    submitterName: z.string().nullable(),
    submitterEmail: z.string().nullable(),
    organisation: z.string().nullable(),
    fields: z.record(z.string(), z.string()),
    submittedAt: z.string(),
    projectId: z.string().nullable(),
    grantedAmount: z.number().int().nullable(),
    decisionId: z.string().nullable(),
    averageScore: z.number().nullable(),
    reviewCount: z.number().int(),
  })
  .meta({ id: "Idea" });
export type IdeaView = z.infer<typeof ideaView>;

export const ideaDetailView = ideaView
  .extend({
    transitions: z.array(transitionView),
    /** Other reviewers' scores appear only after the asking reviewer has scored (or to managers). */
    reviews: z.array(reviewView),
    /** Averages per criterion, over the reviews shown. */
    averages: z.record(z.string(), z.number()),
    ownReview: reviewView.nullable(),
    /** Stages this idea may go to next. */
    nextStages: z.array(z.string()),
    recommendation: recommendationView.nullable(),
    versionCount: z.number().int(),
    /** Whether the actor may score the idea (is on the call's panel). */
    mayReview: z.boolean(),
    /** Whether the actor may record the sector group's recommendation, and the board's grant. */
    mayRecommend: z.boolean(),
    mayGrant: z.boolean(),
    criteria: z.array(z.object({ key: z.string(), label: z.string() })),
    template: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
    callTitle: z.string(),
  })
  .meta({ id: "IdeaDetail" });
export type IdeaDetailView = z.infer<typeof ideaDetailView>;
export type IdeaVersionView = z.infer<typeof versionView>;
export type RecommendationInput = z.input<typeof recommendationInput>;

/** What the submitter sees through the personal link. */
export const ownIdeaView = z
  .object({
    id: z.string(),
    callTitle: z.string(),
    title: z.string(),
    summary: z.string(),
    stage: z.string(),
    fields: z.record(z.string(), z.string()),
    template: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
    editable: z.boolean(),
  })
  .meta({ id: "OwnIdea" });

export const publicIdeaResultView = z.object({
  id: z.string(),
  /** The receipt with the personal link is queued for the given address. */
  emailSent: z.boolean(),
});
