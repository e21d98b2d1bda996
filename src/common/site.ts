import { z } from "zod";
import { optionalText, pageQuery, requiredText, uuid } from "./validation.ts";

/**
 * The platform's public face (issue 18, item 5): news with an Atom feed, the editable page texts
 * (about, the parties) and what the public start page shows.
 */
export const newsStatuses = ["draft", "published"] as const;
export const newsStatus = z.enum(newsStatuses, { error: "validation.invalidValue" });

const tag = z
  .string()
  .trim()
  .min(1, { error: "validation.required" })
  .max(40, { error: "validation.tooLong" });
const publishAt = z.iso.datetime({ offset: true, error: "validation.format" });

export const createNewsInput = z.object({
  title: requiredText(200),
  text: requiredText(20_000),
  tags: z.array(tag).max(10, { error: "validation.tooLong" }).default([]),
  status: newsStatus.default("draft"),
  /** When it is (or was) published; defaults to now when published. */
  publishedAt: publishAt.nullish(),
});
export type CreateNewsInput = z.infer<typeof createNewsInput>;

export const updateNewsInput = z.object({
  title: requiredText(200).optional(),
  text: requiredText(20_000).optional(),
  tags: z.array(tag).max(10, { error: "validation.tooLong" }).optional(),
  status: newsStatus.optional(),
  publishedAt: publishAt.nullish(),
  /** The image's alt text; required while the item has an image. */
  imageAlt: optionalText(300),
  /** `true` removes the image. */
  removeImage: z.boolean().optional(),
});
export type UpdateNewsInput = z.infer<typeof updateNewsInput>;

export const newsListQuery = pageQuery.extend({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  tag: z.string().trim().max(40).optional(),
});
export const adminNewsListQuery = newsListQuery.extend({ status: newsStatus.optional() });

export const newsView = z.object({
  id: uuid,
  title: z.string(),
  text: z.string(),
  tags: z.array(z.string()),
  status: newsStatus,
  publishedAt: z.string().nullable(),
  authorName: z.string(),
  image: z.object({ url: z.string(), alt: z.string() }).nullable(),
  updatedAt: z.string(),
  abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type NewsView = z.infer<typeof newsView>;

export const pageKeys = ["about", "parties"] as const;
export const pageKey = z.enum(pageKeys, { error: "validation.invalidValue" });
export type PageKey = z.infer<typeof pageKey>;

export const pageInput = z.object({ title: requiredText(200), body: requiredText(20_000) });
export const pageView = z.object({
  key: pageKey,
  title: z.string(),
  body: z.string(),
  updatedAt: z.string().nullable(),
  abilities: z.object({ update: z.boolean() }),
});
export type PageView = z.infer<typeof pageView>;

export const publicCallSummary = z.object({
  id: uuid,
  title: z.string(),
  area: z.string().nullable(),
  opensAt: z.string(),
  closesAt: z.string(),
  open: z.boolean(),
});
export const publicEventSummary = z.object({
  id: uuid,
  title: z.string(),
  startDate: z.string(),
  place: z.string().nullable(),
});
export const sectorGroupView = z.object({
  id: uuid,
  name: z.string(),
  tasks: z.string().nullable(),
  contacts: z.array(z.object({ name: z.string(), role: z.string(), party: z.string().nullable() })),
});
export type SectorGroupView = z.infer<typeof sectorGroupView>;

/** Everything the public start page needs, in one request. */
export const publicStartView = z.object({
  calls: z.array(publicCallSummary),
  events: z.array(publicEventSummary),
  news: z.array(newsView),
});
export type PublicStartView = z.infer<typeof publicStartView>;
