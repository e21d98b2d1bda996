import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { NewsView } from "../../../common/site.ts";
import { useMe } from "../../auth.ts";
import { Button, EmptyState, PageHeader, QueryState } from "../../components/index.ts";
import { publicNewsItemQuery, publicNewsQuery } from "./site-api.ts";
import { excerpt, longDate, Paragraphs } from "./site-format.tsx";
import "./site.css";

/** Published news, newest first, ten at a time. */
export function NewsListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [cursors, setCursors] = useState<string[]>([""]);
  return (
    <>
      <PageHeader
        title={t("site.news.title")}
        intro={t("site.news.intro")}
        actions={
          me?.abilities.coordinate && (
            <Link to="/nyheter/redigera" className="btn btn-secondary">
              {t("site.editor.openEditor")}
            </Link>
          )
        }
      />
      <p>
        <a href="/api/public/news.atom" type="application/atom+xml">
          {t("site.start.feed")}
        </a>
      </p>
      {cursors.map((cursor, i) => (
        <NewsPage
          key={cursor}
          cursor={cursor || undefined}
          first={i === 0}
          onMore={i === cursors.length - 1 ? (next) => setCursors((c) => [...c, next]) : undefined}
        />
      ))}
    </>
  );
}

function NewsPage({
  cursor,
  first,
  onMore,
}: {
  cursor?: string;
  first: boolean;
  onMore?: (next: string) => void;
}) {
  const { t } = useTranslation();
  const query = useQuery(publicNewsQuery(cursor));
  return (
    <QueryState query={query}>
      {(page) => (
        <>
          {first && page.items.length === 0 ? (
            <EmptyState message={t("site.news.empty")} />
          ) : (
            <ul className="card-list">
              {page.items.map((news) => (
                <NewsCard key={news.id} news={news} />
              ))}
            </ul>
          )}
          {onMore && page.nextCursor && (
            <Button variant="secondary" onPress={() => onMore(page.nextCursor as string)}>
              {t("site.news.older")}
            </Button>
          )}
        </>
      )}
    </QueryState>
  );
}

function NewsCard({ news }: { news: NewsView }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="card">
      <h2>
        <Link to="/nyheter/$id" params={{ id: news.id }}>
          {news.title}
        </Link>
      </h2>
      <p className="muted small">
        {t("site.news.published", { date: longDate(news.publishedAt, i18n.language) })}
      </p>
      <p>{excerpt(news)}</p>
    </li>
  );
}

/** One published news item: its image with its alt text, its text and tags. */
export function NewsItemPage({ id }: { id: string }) {
  const query = useQuery(publicNewsItemQuery(id));
  return <QueryState query={query}>{(news) => <NewsItem news={news} />}</QueryState>;
}

function NewsItem({ news }: { news: NewsView }) {
  const { t, i18n } = useTranslation();
  return (
    <article className="prose">
      <PageHeader
        title={news.title}
        intro={
          <p className="muted">
            {t("site.news.published", { date: longDate(news.publishedAt, i18n.language) })}{" "}
            {t("site.news.by", { name: news.authorName })}
          </p>
        }
      />
      {news.image && <img className="news-image" src={news.image.url} alt={news.image.alt} />}
      <Paragraphs text={news.text} />
      {news.tags.length > 0 && (
        <>
          <h2 className="visually-hidden">{t("site.news.tags")}</h2>
          <ul className="news-tags">
            {news.tags.map((tag) => (
              <li key={tag}>{tag}</li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to="/nyheter">{t("site.news.back")}</Link>
      </p>
    </article>
  );
}
