import { and, desc, eq, lte, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  adminNewsListQuery,
  CreateNewsInput,
  newsListQuery,
  UpdateNewsInput,
} from "../../../common/site.ts";
import type { Db, Tx } from "../../db/client.ts";
import { type Actor, systemActor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { AppError, fieldErrors, notFound } from "../../platform/errors.ts";
import { afterCursor, encodeCursor, page } from "../../platform/pagination.ts";
import { sitePolicy } from "./site.policy.ts";
import { siteNews, siteNewsImages } from "./site.schema.ts";

export type NewsRow = typeof siteNews.$inferSelect & { hasImage: boolean };

/** The largest image a news item may carry. */
export const maxNewsImageBytes = 2 * 1024 * 1024;

const columns = {
  news: siteNews,
  hasImage: sql<boolean>`exists (select 1 from ${siteNewsImages} where ${siteNewsImages.newsId} = ${siteNews.id})`,
};
const flatten = (r: { news: typeof siteNews.$inferSelect; hasImage: boolean }): NewsRow => ({
  ...r.news,
  hasImage: !!r.hasImage,
});

/** Published and due: what the public sees. */
const isLive = () => and(eq(siteNews.status, "published"), lte(siteNews.publishedAt, new Date()));
export const isPublished = (row: NewsRow, now = new Date()) =>
  row.status === "published" && !!row.publishedAt && row.publishedAt <= now;

/** When an item sorts: its publish time, or when it was written (a draft). */
const sortAt = sql<Date>`coalesce(${siteNews.publishedAt}, ${siteNews.createdAt})`;

async function pageOf(db: Db, where: SQL | undefined, query: { limit: number; cursor?: string }) {
  const after = afterCursor(
    query.cursor,
    { sort: sortAt, id: siteNews.id },
    { sort: "timestamp", desc: true },
  );
  const rows = await db
    .select(columns)
    .from(siteNews)
    .where(and(where, after))
    .orderBy(desc(sortAt), desc(siteNews.id))
    .limit(query.limit + 1);
  return page(rows.map(flatten), query.limit, (r) =>
    encodeCursor((r.publishedAt ?? r.createdAt).toISOString(), r.id),
  );
}

const hasTag = (tag: string | undefined) =>
  tag ? sql`${siteNews.tags} @> ${JSON.stringify([tag])}::jsonb` : undefined;

/** Published news, newest first, paged: for everyone. */
export async function listPublishedNews(db: Db, actor: Actor | null, query: z.output<typeof newsListQuery>) {
  authorize(actor, sitePolicy, "readPublic", null);
  return pageOf(db, and(isLive(), hasTag(query.tag)), query);
}

/** Every news item, drafts included: for coordinators. */
export async function listNews(db: Db, actor: Actor | null, query: z.output<typeof adminNewsListQuery>) {
  authorize(actor, sitePolicy, "listNews", null);
  return pageOf(
    db,
    and(query.status ? eq(siteNews.status, query.status) : undefined, hasTag(query.tag)),
    query,
  );
}

async function loadNews(db: Db | Tx, id: string): Promise<NewsRow | null> {
  const [row] = await db.select(columns).from(siteNews).where(eq(siteNews.id, id));
  return row ? flatten(row) : null;
}

/** One item: a published one for everyone, a draft (or one not yet due) only for coordinators. */
export async function getNews(db: Db, actor: Actor | null, id: string): Promise<NewsRow> {
  const row = await loadNews(db, id);
  authorize(actor, sitePolicy, "readNews", { published: !!row && isPublished(row) });
  if (!row) throw notFound();
  return row;
}

/** The public route's read: published only, even for a coordinator (their editor uses /api/news). */
export async function getPublishedNews(db: Db, actor: Actor | null, id: string): Promise<NewsRow> {
  authorize(actor, sitePolicy, "readPublic", null);
  const row = await loadNews(db, id);
  if (!row || !isPublished(row)) throw notFound();
  return row;
}

const author = (actor: Actor) => ({
  authorId: actor.userId === systemActor.userId ? null : actor.userId,
  authorName: actor.name,
});

/** Publishing without a time publishes now; a draft keeps the time it was given (or none). */
function publishTime(status: string, given: string | null | undefined, current: Date | null) {
  if (given) return new Date(given);
  if (given === null) return status === "published" ? new Date() : null;
  return current ?? (status === "published" ? new Date() : null);
}

export async function createNews(db: Db, actor: Actor | null, input: CreateNewsInput, as?: Actor) {
  authorize(actor, sitePolicy, "createNews", null);
  const writer = as ?? (actor as Actor);
  const id = await writeWithAudit(db, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(siteNews)
      .values({
        title: input.title,
        text: input.text,
        tags: uniqueTags(input.tags),
        status: input.status,
        publishedAt: publishTime(input.status, input.publishedAt, null),
        ...author(writer),
        createdAt: new Date(),
      })
      .returning();
    await audit({ action: "create", entityType: "news", entityId: row.id, after: row });
    return row.id;
  });
  return (await loadNews(db, id)) as NewsRow;
}

const uniqueTags = (tags: string[]) => [...new Set(tags)];

export async function updateNews(db: Db, actor: Actor | null, id: string, input: UpdateNewsInput) {
  const before = await getNews(db, actor, id);
  authorize(actor, sitePolicy, "updateNews", { published: isPublished(before) });
  if (input.imageAlt !== undefined && !input.imageAlt?.trim() && before.hasImage && !input.removeImage)
    throw fieldErrors({ imageAlt: "site.errors.altRequired" });
  const status = input.status ?? before.status;
  await writeWithAudit(db, actor, async (tx, audit) => {
    if (input.removeImage) await tx.delete(siteNewsImages).where(eq(siteNewsImages.newsId, id));
    const [after] = await tx
      .update(siteNews)
      .set({
        title: input.title ?? before.title,
        text: input.text ?? before.text,
        tags: input.tags ? uniqueTags(input.tags) : before.tags,
        status,
        publishedAt:
          input.publishedAt !== undefined || status !== before.status
            ? publishTime(status, input.publishedAt, before.publishedAt)
            : before.publishedAt,
        imageAlt: input.removeImage ? null : input.imageAlt !== undefined ? input.imageAlt : before.imageAlt,
        updatedAt: new Date(),
      })
      .where(eq(siteNews.id, id))
      .returning();
    await audit({ action: "update", entityType: "news", entityId: id, before, after });
  });
  return (await loadNews(db, id)) as NewsRow;
}

export async function deleteNews(db: Db, actor: Actor | null, id: string) {
  const before = await getNews(db, actor, id);
  authorize(actor, sitePolicy, "deleteNews", { published: isPublished(before) });
  await writeWithAudit(db, actor, async (tx, audit) => {
    await tx.delete(siteNews).where(eq(siteNews.id, id));
    await audit({ action: "delete", entityType: "news", entityId: id, before });
  });
}

/** What kind of picture the bytes are (by their first bytes, never by the name); null if none we show. */
export function imageType(data: Buffer): string | null {
  if (
    data.length >= 8 &&
    data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return "image/png";
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return "image/jpeg";
  if (
    data.length >= 12 &&
    data.toString("latin1", 0, 4) === "RIFF" &&
    data.toString("latin1", 8, 12) === "WEBP"
  )
    return "image/webp";
  if (data.length >= 6 && /^GIF8[79]a$/.test(data.toString("latin1", 0, 6))) return "image/gif";
  return null;
}

/** Authorises an image upload before its bytes are read (others never get to send them). */
export async function mayUploadImage(db: Db, actor: Actor | null, id: string) {
  const row = await getNews(db, actor, id);
  authorize(actor, sitePolicy, "updateNews", { published: isPublished(row) });
}

/** Sets (or replaces) an item's image; the alt text is required with it. */
export async function setNewsImage(
  db: Db,
  actor: Actor | null,
  id: string,
  upload: { data: Buffer | null; alt: string | null },
) {
  const before = await getNews(db, actor, id);
  authorize(actor, sitePolicy, "updateNews", { published: isPublished(before) });
  const alt = upload.alt?.trim() ?? "";
  const errors: Record<string, string> = {};
  if (!alt) errors.alt = "site.errors.altRequired";
  else if (alt.length > 300) errors.alt = "validation.tooLong";
  const mimeType = upload.data ? imageType(upload.data) : null;
  if (!upload.data?.length) errors.file = "site.errors.imageMissing";
  else if (!mimeType) errors.file = "site.errors.imageType";
  if (Object.keys(errors).length) throw fieldErrors(errors);
  const data = upload.data as Buffer;
  if (data.length > maxNewsImageBytes) throw new AppError("payloadTooLarge");
  await writeWithAudit(db, actor, async (tx, audit) => {
    await tx.delete(siteNewsImages).where(eq(siteNewsImages.newsId, id));
    await tx
      .insert(siteNewsImages)
      .values({ newsId: id, mimeType: mimeType as string, size: data.length, data });
    await tx.update(siteNews).set({ imageAlt: alt, updatedAt: new Date() }).where(eq(siteNews.id, id));
    await audit({
      action: "update",
      entityType: "news",
      entityId: id,
      before: { imageAlt: before.imageAlt, hasImage: before.hasImage },
      after: { imageAlt: alt, hasImage: true, imageType: mimeType, imageSize: data.length },
    });
  });
  return (await loadNews(db, id)) as NewsRow;
}

/** An item's image, for whoever may read the item. */
export async function getNewsImage(db: Db, actor: Actor | null, id: string) {
  await getNews(db, actor, id);
  const [image] = await db.select().from(siteNewsImages).where(eq(siteNewsImages.newsId, id));
  if (!image) throw notFound();
  return image;
}
