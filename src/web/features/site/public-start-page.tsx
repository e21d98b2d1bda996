import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { publicStartQuery } from "./site-api.ts";
import { excerpt, longDate } from "./site-format.tsx";
import "./site.css";

/**
 * The start page for visitors who are not signed in: open calls, upcoming events and the latest
 * news, from one request. Kept in the main chunk with nothing heavy (no forms, no zod): it is the
 * first page most visitors see.
 */
export function PublicStartPage() {
  const { t, i18n } = useTranslation();
  const query = useQuery(publicStartQuery());
  const lang = i18n.language;
  return (
    <>
      <PageHeader title={t("start.title")} intro={<p className="lead">{t("site.start.intro")}</p>} />
      <div className="callout">
        <p>{t("start.loginPrompt")}</p>
        <Link to="/logga-in" className="btn btn-primary">
          {t("nav.login")}
        </Link>
      </div>
      <QueryState query={query}>
        {(start) => (
          <div className="site-start">
            <section aria-labelledby="open-calls" className="site-section">
              <h2 id="open-calls">{t("site.start.openCalls")}</h2>
              {start.calls.length === 0 ? (
                <p>{t("site.start.noCalls")}</p>
              ) : (
                <ul className="card-list">
                  {start.calls.map((call) => (
                    <li key={call.id} className="card">
                      <h3>
                        <Link
                          to="/ideer/utlysning/$id"
                          params={{ id: call.id }}
                          aria-label={t("site.start.submitIdea", { title: call.title })}
                        >
                          {call.title}
                        </Link>
                      </h3>
                      <p>
                        {call.open
                          ? t("site.start.closes", { date: longDate(call.closesAt, lang) })
                          : t("site.start.opens", { date: longDate(call.opensAt, lang) })}
                      </p>
                      {call.area && <p className="muted">{call.area}</p>}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="upcoming-events" className="site-section">
              <h2 id="upcoming-events">{t("site.start.upcomingEvents")}</h2>
              {start.events.length === 0 ? (
                <p>{t("site.start.noEvents")}</p>
              ) : (
                <ul className="plain-list site-events">
                  {start.events.map((event) => (
                    <li key={event.id}>
                      <Link to="/evenemang/$id" params={{ id: event.id }}>
                        {event.title}
                      </Link>
                      <span className="muted">
                        {" "}
                        – {longDate(event.startDate, lang)}
                        {event.place ? `, ${event.place}` : ""}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              <p>
                <Link to="/evenemang">{t("site.start.allEvents")}</Link>
              </p>
            </section>
            <section aria-labelledby="latest-news" className="site-section">
              <h2 id="latest-news">{t("site.start.latestNews")}</h2>
              {start.news.length === 0 ? (
                <p>{t("site.start.noNews")}</p>
              ) : (
                <ul className="card-list">
                  {start.news.map((news) => (
                    <li key={news.id} className="card">
                      <h3>
                        <Link to="/nyheter/$id" params={{ id: news.id }}>
                          {news.title}
                        </Link>
                      </h3>
                      <p className="muted small">{longDate(news.publishedAt, lang)}</p>
                      <p>{excerpt(news, 160)}</p>
                    </li>
                  ))}
                </ul>
              )}
              <p className="button-row">
                <Link to="/nyheter">{t("site.start.allNews")}</Link>
                <a href="/api/public/news.atom" type="application/atom+xml">
                  {t("site.start.feed")}
                </a>
                <Link to="/om">{t("site.start.more")}</Link>
              </p>
            </section>
          </div>
        )}
      </QueryState>
    </>
  );
}
