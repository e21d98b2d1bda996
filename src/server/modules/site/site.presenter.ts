import type { NewsView, PageView } from "../../../common/site.ts";
import type { Actor } from "../../platform/actor.ts";
import { abilities } from "../../platform/authorize.ts";
import { isPublished, type NewsRow } from "./news.service.ts";
import { sitePolicy } from "./site.policy.ts";

/** Rows → the shapes of src/common/site.ts. */
export function presentNews(row: NewsRow, actor: Actor | null): NewsView {
  const may = abilities(actor, sitePolicy, { published: isPublished(row) }, ["updateNews", "deleteNews"]);
  return {
    id: row.id,
    title: row.title,
    text: row.text,
    tags: row.tags,
    status: row.status as NewsView["status"],
    publishedAt: row.publishedAt?.toISOString() ?? null,
    authorName: row.authorName,
    image: row.hasImage
      ? { url: `/api/public/news/${row.id}/image?v=${row.updatedAt.getTime()}`, alt: row.imageAlt ?? "" }
      : null,
    updatedAt: row.updatedAt.toISOString(),
    abilities: { update: may.updateNews, delete: may.deleteNews },
  };
}

export function presentPage(
  row: { key: string; title: string; body: string; updatedAt: Date | null },
  actor: Actor | null,
): PageView {
  return {
    key: row.key as PageView["key"],
    title: row.title,
    body: row.body,
    updatedAt: row.updatedAt?.toISOString() ?? null,
    abilities: { update: abilities(actor, sitePolicy, null, ["updatePage"]).updatePage },
  };
}
