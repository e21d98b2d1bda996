import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  adminNewsListQuery,
  createNewsInput,
  newsListQuery,
  newsView,
  pageInput,
  pageKey,
  pageView,
  publicStartView,
  sectorGroupView,
  updateNewsInput,
} from "../../../common/site.ts";
import { idParams } from "../../../common/validation.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { versioned } from "../../platform/etag.ts";
import { listOf } from "../../platform/pagination.ts";
import { problemResponses, problemSchema } from "../../platform/problem.ts";
import { requireMultipart, withUploadSlot } from "../../platform/uploads.ts";
import { newsFeed } from "./atom.ts";
import * as news from "./news.service.ts";
import * as pages from "./pages.service.ts";
import { presentNews, presentPage } from "./site.presenter.ts";
import { siteNews, sitePages } from "./site.schema.ts";

const tags = ["Nyheter och publika sidor"];
const open = { public: true } as const;
const errors = { ...problemResponses, 409: problemSchema };
const keyParams = z.object({ key: pageKey });

/** A multipart image upload: the file and its alt text. */
async function readImage(request: FastifyRequest) {
  let data: Buffer | null = null;
  let alt: string | null = null;
  for await (const part of request.parts()) {
    if (part.type === "file") data = await part.toBuffer();
    else if (part.fieldname === "alt") alt = String(part.value);
  }
  return { data, alt };
}

/** News (with its Atom feed), the editable page texts, and the public start page (issue 18, item 5). */
export function registerSiteRoutes(app: FastifyInstance, { db, config }: Deps) {
  const r = typed(app);

  r.get(
    "/api/public/news",
    {
      config: open,
      schema: {
        tags,
        summary: "Publicerade nyheter, nyaste först",
        querystring: newsListQuery,
        response: { 200: listOf(newsView), 422: problemSchema },
      },
    },
    async (request) => {
      const result = await news.listPublishedNews(db, request.actor, request.query);
      return { items: result.items.map((n) => presentNews(n, request.actor)), nextCursor: result.nextCursor };
    },
  );

  r.get(
    "/api/public/news.atom",
    { config: open, schema: { tags, summary: "Nyheterna som Atom-flöde (Atom 1.0)" } },
    async (request, reply) => {
      const result = await news.listPublishedNews(db, request.actor, { limit: 50 });
      return reply
        .type("application/atom+xml; charset=utf-8")
        .header("cache-control", "public, max-age=300")
        .send(newsFeed(result.items, config.publicUrl));
    },
  );

  r.get(
    "/api/public/news/:id",
    {
      config: open,
      schema: {
        tags,
        summary: "En publicerad nyhet",
        params: idParams,
        response: { 200: newsView, 404: problemSchema },
      },
    },
    async (request) =>
      presentNews(await news.getPublishedNews(db, request.actor, request.params.id), request.actor),
  );

  r.get(
    "/api/public/news/:id/image",
    { config: open, schema: { tags, summary: "En nyhets bild", params: idParams } },
    async (request, reply) => {
      const image = await news.getNewsImage(db, request.actor, request.params.id);
      return reply
        .type(image.mimeType)
        .header("cache-control", "public, max-age=86400")
        .header("content-disposition", "inline")
        .send(image.data);
    },
  );

  r.get(
    "/api/news",
    {
      schema: {
        tags,
        summary: "Alla nyheter, även utkast (samordnare)",
        querystring: adminNewsListQuery,
        response: { 200: listOf(newsView), ...errors },
      },
    },
    async (request) => {
      const result = await news.listNews(db, request.actor, request.query);
      return { items: result.items.map((n) => presentNews(n, request.actor)), nextCursor: result.nextCursor };
    },
  );

  r.post(
    "/api/news",
    {
      schema: {
        tags,
        summary: "Skriv en nyhet (utkast eller publicerad)",
        body: createNewsInput,
        response: { 201: newsView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentNews(await news.createNews(db, request.actor, request.body), request.actor)),
  );

  const one = { versioned: versioned(siteNews, { labels: "site.fields" }) };
  r.get(
    "/api/news/:id",
    {
      config: one,
      schema: {
        tags,
        summary: "En nyhet, även ett utkast (samordnare)",
        params: idParams,
        response: { 200: newsView, ...errors },
      },
    },
    async (request) => presentNews(await news.getNews(db, request.actor, request.params.id), request.actor),
  );

  r.patch(
    "/api/news/:id",
    {
      config: one,
      schema: {
        tags,
        summary: "Ändra, publicera eller avpublicera en nyhet",
        params: idParams,
        body: updateNewsInput,
        response: { 200: newsView, ...errors },
      },
    },
    async (request) =>
      presentNews(await news.updateNews(db, request.actor, request.params.id, request.body), request.actor),
  );

  r.delete(
    "/api/news/:id",
    {
      config: one,
      schema: { tags, summary: "Ta bort en nyhet", params: idParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await news.deleteNews(db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: news.maxNewsImageBytes + 1, files: 1, fields: 5 },
    });
    typed(scope).put(
      "/api/news/:id/image",
      {
        config: one,
        bodyLimit: news.maxNewsImageBytes + 256 * 1024,
        schema: {
          tags,
          summary: "Sätt nyhetens bild (multipart: file, alt — alternativtext krävs)",
          params: idParams,
          consumes: ["multipart/form-data"],
          response: { 200: newsView, ...errors, 413: problemSchema, 415: problemSchema, 503: problemSchema },
        },
        onRequest: requireMultipart,
      },
      async (request, reply) => {
        await news.mayUploadImage(db, request.actor, request.params.id);
        const row = await withUploadSlot(reply, async () =>
          news.setNewsImage(db, request.actor, request.params.id, await readImage(request)),
        );
        return presentNews(row, request.actor);
      },
    );
  });

  const page = {
    versioned: versioned(sitePages, { param: "key", key: sitePages.key, labels: "site.fields" }),
  };
  r.get(
    "/api/public/pages/:key",
    {
      config: { ...open, ...page },
      schema: {
        tags,
        summary: "En publik sidtext (om, parterna)",
        params: keyParams,
        response: { 200: pageView, 422: problemSchema },
      },
    },
    async (request) => presentPage(await pages.getPage(db, request.actor, request.params.key), request.actor),
  );

  r.get(
    "/api/pages/:key",
    {
      config: page,
      schema: {
        tags,
        summary: "En sidtext att redigera (med ETag)",
        params: keyParams,
        response: { 200: pageView, ...errors },
      },
    },
    async (request) => presentPage(await pages.getPage(db, request.actor, request.params.key), request.actor),
  );

  r.put(
    "/api/pages/:key",
    {
      config: page,
      schema: {
        tags,
        summary: "Skriv en publik sidtext (samordnare)",
        params: keyParams,
        body: pageInput,
        response: { 200: pageView, ...errors },
      },
    },
    async (request) =>
      presentPage(await pages.savePage(db, request.actor, request.params.key, request.body), request.actor),
  );

  r.get(
    "/api/public/sector-groups",
    {
      config: open,
      schema: {
        tags,
        summary: "Sektorsgrupperna och deras kontakter",
        response: { 200: z.object({ items: z.array(sectorGroupView) }) },
      },
    },
    async (request) => ({ items: await pages.listSectorGroups(db, request.actor) }),
  );

  r.get(
    "/api/public/start",
    {
      config: open,
      schema: {
        tags,
        summary: "Den publika startsidan: öppna utlysningar, kommande evenemang, senaste nyheterna",
        response: { 200: publicStartView },
      },
    },
    async (request) => {
      const start = await pages.publicStart(db, request.actor);
      return { ...start, news: start.news.map((n) => presentNews(n, request.actor)) };
    },
  );
}
