import { customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "../../db/columns.ts";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/**
 * The public face (issue 18, item 5): news items (draft or published, with an optional image that
 * must have an alt text) and the page texts coordinators edit (about, the parties).
 */
export const siteNews = pgTable(
  "site_news",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    text: text("text").notNull(),
    tags: jsonb("tags").$type<string[]>().notNull().default([]),
    status: text("status").notNull().default("draft"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    authorId: uuid("author_id"),
    authorName: text("author_name").notNull(),
    imageAlt: text("image_alt"),
    ...timestamps,
  },
  (t) => [index("site_news_published_idx").on(t.status, t.publishedAt, t.id)],
);

/** A news item's image, kept in the database (small, at most 2 MB) so it needs no file store. */
export const siteNewsImages = pgTable("site_news_images", {
  newsId: uuid("news_id")
    .primaryKey()
    .references(() => siteNews.id, { onDelete: "cascade" }),
  mimeType: text("mime_type").notNull(),
  size: integer("size").notNull(),
  data: bytea("data").notNull(),
  ...timestamps,
});

/** Editable page texts, one row per key (`about`, `parties`). */
export const sitePages = pgTable("site_pages", {
  key: text("key").primaryKey(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  ...timestamps,
});
