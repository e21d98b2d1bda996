import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "../../db/columns.ts";
import { users } from "../../platform/platform.schema.ts";
import { activities } from "../activities/activities.schema.ts";
import { eventNetworks } from "../events/events.schema.ts";
import { projects } from "../projects/projects.schema.ts";

/**
 * The learning space of a project or a network (LC-KOMP's shared web platform): documents,
 * literature tips, recorded lectures, a forum and members' feedback. Only members see it.
 */
export const learningSpaces = pgTable(
  "learning_spaces",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    sortKey: text("sort_key").notNull(),
    description: text("description"),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "set null" }),
    /** A network's space is open to the network's members who have an account, too. */
    networkId: uuid("network_id").references(() => eventNetworks.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("learning_spaces_sort_idx").on(t.sortKey, t.id)],
);

export const learningSpaceMembers = pgTable(
  "learning_space_members",
  {
    spaceId: uuid("space_id")
      .notNull()
      .references(() => learningSpaces.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** member | moderator (moderators manage members and remove others' posts) */
    role: text("role").notNull().default("member"),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.spaceId, t.userId] }),
    index("learning_space_members_user_idx").on(t.userId),
  ],
);

export const learningDocuments = pgTable(
  "learning_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    spaceId: uuid("space_id")
      .notNull()
      .references(() => learningSpaces.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("learning_documents_space_idx").on(t.spaceId)],
);

/** Every upload of a document is a new version; files live under DATA_DIR/files, never in the web root. */
export const learningDocumentVersions = pgTable(
  "learning_document_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => learningDocuments.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    filename: text("filename").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    /** Path relative to the files directory. */
    storageKey: text("storage_key").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    uploadedByName: text("uploaded_by_name").notNull(),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("learning_document_versions_uq").on(t.documentId, t.version)],
);

/** Literature tips, recorded lectures and other links. */
export const learningLinks = pgTable(
  "learning_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    spaceId: uuid("space_id")
      .notNull()
      .references(() => learningSpaces.id, { onDelete: "cascade" }),
    /** literature | lecture | link */
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    url: text("url"),
    author: text("author"),
    note: text("note"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdByName: text("created_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("learning_links_space_idx").on(t.spaceId, t.kind)],
);

export const learningThreads = pgTable(
  "learning_threads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    spaceId: uuid("space_id")
      .notNull()
      .references(() => learningSpaces.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdByName: text("created_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastPostAt: timestamp("last_post_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("learning_threads_space_idx").on(t.spaceId, t.lastPostAt)],
);

export const learningPosts = pgTable(
  "learning_posts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => learningThreads.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("learning_posts_thread_idx").on(t.threadId, t.createdAt)],
);

/** Members' feedback on the project's activities, as part of the project's own follow-up. */
export const learningFeedback = pgTable(
  "learning_feedback",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    spaceId: uuid("space_id")
      .notNull()
      .references(() => learningSpaces.id, { onDelete: "cascade" }),
    activityId: uuid("activity_id").references(() => activities.id, { onDelete: "set null" }),
    rating: integer("rating"),
    comment: text("comment").notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("learning_feedback_space_idx").on(t.spaceId, t.createdAt)],
);
