import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { TemplateField } from "../../../common/ideas.ts";
import { timestamps } from "../../db/columns.ts";
import { users } from "../../platform/platform.schema.ts";
import { organisations } from "../organisations/organisations.schema.ts";

/** A call for ideas (idéefterlysning), e.g. MOPS 2010 "Framtidens vård, omsorg och socialt arbete". */
export const ideaCalls = pgTable(
  "idea_calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** The body (sector group) running the call; governance's bodies. Kept as an id: no cross-module FK. */
    bodyId: uuid("body_id"),
    area: text("area"),
    questions: text("questions"),
    opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    /** Whole kronor available for grants; null when the call states none. */
    budget: integer("budget"),
    template: jsonb("template").$type<TemplateField[]>().notNull(),
    criteria: jsonb("criteria").$type<{ key: string; label: string }[]>().notNull(),
    public: boolean("public").notNull().default(true),
    ...timestamps,
  },
  (t) => [index("idea_calls_closes_idx").on(t.closesAt), index("idea_calls_org_idx").on(t.organisationId)],
);

/** Users on a call's panel: they score its ideas. */
export const ideaCallReviewers = pgTable(
  "idea_call_reviewers",
  {
    callId: uuid("call_id")
      .notNull()
      .references(() => ideaCalls.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [uniqueIndex("idea_call_reviewers_pk").on(t.callId, t.userId)],
);

/** An idea as submitted and worked forward; the submitter's data only with their consent. */
export const ideas = pgTable(
  "ideas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    callId: uuid("call_id")
      .notNull()
      .references(() => ideaCalls.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    stage: text("stage").notNull().default("submitted"),
    /** The furthest stage reached (its rank in MOPS' order): the funnel counts from it. */
    reachedRank: smallint("reached_rank").notNull().default(0),
    submitterName: text("submitter_name"),
    submitterEmail: text("submitter_email"),
    /** The organisation as the submitter wrote it, and the register's match when there is one. */
    organisationText: text("organisation_text"),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    fields: jsonb("fields").$type<Record<string, string>>().notNull().default({}),
    consentAt: timestamp("consent_at", { withTimezone: true }),
    /** The personal link's token, hashed; the link is only in the submitter's receipt. */
    tokenHash: text("token_hash"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set by the grant: the portfolio project, the board's decision (governance) and the amount. */
    projectId: uuid("project_id"),
    decisionId: uuid("decision_id"),
    grantedAmount: integer("granted_amount"),
    /** The sector group's preparation: `grant` or `reject`, why, and the amount it proposes. */
    recommendation: text("recommendation"),
    recommendationReason: text("recommendation_reason"),
    recommendedAmount: integer("recommended_amount"),
    recommendedBy: text("recommended_by"),
    recommendedAt: timestamp("recommended_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("ideas_call_idx").on(t.callId, t.submittedAt, t.id),
    index("ideas_call_stage_idx").on(t.callId, t.stage),
    uniqueIndex("ideas_token_uq").on(t.tokenHash).where(sql`${t.tokenHash} is not null`),
  ],
);

/** Every move of an idea: who, when, from and to, and why. */
export const ideaTransitions = pgTable(
  "idea_transitions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ideaId: uuid("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    fromStage: text("from_stage"),
    toStage: text("to_stage").notNull(),
    byLabel: text("by_label").notNull(),
    byUserId: uuid("by_user_id"),
    reason: text("reason"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("idea_transitions_idea_idx").on(t.ideaId, t.at)],
);

/** A panel member's scores (1–5 per criterion) and comment; one per reviewer and idea. */
export const ideaReviews = pgTable(
  "idea_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ideaId: uuid("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    reviewerUserId: uuid("reviewer_user_id")
      .notNull()
      .references(() => users.id),
    reviewerName: text("reviewer_name").notNull(),
    scores: jsonb("scores").$type<Record<string, number>>().notNull(),
    comment: text("comment"),
    ...timestamps,
  },
  (t) => [uniqueIndex("idea_reviews_one_per_reviewer").on(t.ideaId, t.reviewerUserId)],
);

/** Each save of the template during development keeps the whole text as a numbered version. */
export const ideaVersions = pgTable(
  "idea_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ideaId: uuid("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    fields: jsonb("fields").$type<Record<string, string>>().notNull(),
    byLabel: text("by_label").notNull(),
    byUserId: uuid("by_user_id"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("idea_versions_idea_version_uq").on(t.ideaId, t.version)],
);

/** Documents of an idea during development (the plan, a budget sheet), stored by the file store. */
export const ideaDocuments = pgTable(
  "idea_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ideaId: uuid("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    filename: text("filename").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    uploadedByName: text("uploaded_by_name").notNull(),
    uploadedBy: uuid("uploaded_by"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("idea_documents_idea_idx").on(t.ideaId, t.at)],
);
