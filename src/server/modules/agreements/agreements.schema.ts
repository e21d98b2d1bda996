import { sql } from "drizzle-orm";
import {
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { timestamps } from "../../db/columns.ts";
import { organisations } from "../organisations/organisations.schema.ts";
import { courses } from "../programmes/programmes.schema.ts";

/** An SKO framework agreement (seed 001): 2–4 years, a budget in whole kronor, phase and status. */
export const agreements = pgTable(
  "agreements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    registryNumber: text("registry_number"),
    startDate: date("start_date").notNull(),
    endDate: date("end_date").notNull(),
    budget: integer("budget").notNull(),
    /** planning | execution | evaluation */
    phase: text("phase").notNull().default("planning"),
    /** draft | active | ended */
    status: text("status").notNull().default("draft"),
    notes: text("notes"),
    ...timestamps,
  },
  (t) => [index("agreements_start_idx").on(t.startDate, t.id)],
);

/** The parties: the university and one or more partner organisations, with a contact and co-financing. */
export const agreementParties = pgTable(
  "agreement_parties",
  {
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    /** university | partner */
    role: text("role").notNull().default("partner"),
    contactName: text("contact_name"),
    cofinancing: integer("cofinancing"),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.organisationId] }),
    index("agreement_parties_org_idx").on(t.organisationId),
  ],
);

/** Every phase/status an agreement has had, oldest first. */
export const agreementHistory = pgTable(
  "agreement_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    phase: text("phase").notNull(),
    status: text("status").notNull(),
    changedBy: text("changed_by"),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agreement_history_agreement_idx").on(t.agreementId, t.changedAt)],
);

export const agreementDialogues = pgTable(
  "agreement_dialogues",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    date: date("date").notNull(),
    participants: text("participants"),
    notes: text("notes"),
    decisions: text("decisions"),
    nextDate: date("next_date"),
    ...timestamps,
  },
  (t) => [index("agreement_dialogues_agreement_idx").on(t.agreementId, t.date)],
);

/** The needs inventory. `status` is open or deferred; covered follows from the appendix. */
export const agreementNeeds = pgTable(
  "agreement_needs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    targetGroup: text("target_group"),
    staffCount: integer("staff_count"),
    description: text("description"),
    priority: integer("priority"),
    /** plan | dialogue | other */
    source: text("source").notNull().default("plan"),
    status: text("status").notNull().default("open"),
    dialogueId: uuid("dialogue_id").references(() => agreementDialogues.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("agreement_needs_agreement_idx").on(t.agreementId)],
);

/** The course appendix (kursbilaga): one course in one term, grouped in packages. */
export const agreementAppendix = pgTable(
  "agreement_appendix",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "restrict" }),
    term: text("term").notNull(),
    places: integer("places").notNull(),
    price: integer("price"),
    delivery: text("delivery").array().notNull().default(sql`'{}'::text[]`),
    package: text("package"),
    workCase: text("work_case"),
    participants: integer("participants"),
    completed: integer("completed"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("agreement_appendix_course_term_uq").on(t.agreementId, t.courseId, t.term),
    // Covers the shared-courses aggregate (course, agreement, places) without reading the table.
    index("agreement_appendix_course_idx").on(t.courseId, t.agreementId, t.places),
  ],
);

export const agreementAppendixNeeds = pgTable(
  "agreement_appendix_needs",
  {
    appendixId: uuid("appendix_id")
      .notNull()
      .references(() => agreementAppendix.id, { onDelete: "cascade" }),
    needId: uuid("need_id")
      .notNull()
      .references(() => agreementNeeds.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.appendixId, t.needId] }),
    index("agreement_appendix_needs_need_idx").on(t.needId),
  ],
);

/**
 * The partner's competence-supply plans (kompetensförsörjningsplan) as uploaded files, newest last:
 * a plan is revised during the period, and the earlier ones stay as the needs inventory's source.
 * The file lives under filesDir()/agreements/<uuid>; the row keeps its key, name, checked type and hash.
 */
export const agreementPlans = pgTable(
  "agreement_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    storageKey: text("storage_key").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: text("uploaded_by"),
    ...timestamps,
  },
  (t) => [index("agreement_plans_agreement_idx").on(t.agreementId, t.createdAt)],
);

/** Comments on a dialogue by the parties (a partner user may comment on their own agreement's dialogues). */
export const agreementDialogueComments = pgTable(
  "agreement_dialogue_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dialogueId: uuid("dialogue_id")
      .notNull()
      .references(() => agreementDialogues.id, { onDelete: "cascade" }),
    authorId: uuid("author_id"),
    authorName: text("author_name").notNull(),
    body: text("body").notNull(),
    ...timestamps,
  },
  (t) => [index("agreement_dialogue_comments_dialogue_idx").on(t.dialogueId, t.createdAt)],
);
