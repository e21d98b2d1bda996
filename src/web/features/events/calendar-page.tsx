import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { PublicEventView } from "../../../common/events.ts";
import { useMe } from "../../auth.ts";
// From their own files, not components/index.ts: the calendar is a first page, and the index brings the form
// parts (React Aria, zod) into its chunks.
import { EmptyState } from "../../components/empty-state.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { TableScroll } from "../../components/table-scroll.tsx";
import { formatSession, monthLabel, shiftMonth } from "./event-format.ts";
import { publicEventsQuery } from "./events-api.ts";

/** The public calendar at /evenemang: upcoming public events as a list, or a month at a time. */
export function CalendarPage({ view, month }: { view: "lista" | "manad"; month: string }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHeader
        title={t("events.calendar.title")}
        intro={t("events.calendar.intro")}
        actions={
          me?.abilities.coordinate ? (
            <Link to="/evenemang/hantera" className="btn btn-secondary">
              {t("events.manage.title")}
            </Link>
          ) : undefined
        }
      />
      <nav aria-label={t("events.calendar.views")} className="view-switch">
        <Link
          to="/evenemang"
          search={{ vy: "lista" }}
          className={`btn ${view === "lista" ? "btn-primary" : "btn-secondary"}`}
          aria-current={view === "lista" ? "page" : undefined}
        >
          {t("events.calendar.list")}
        </Link>
        <Link
          to="/evenemang"
          search={{ vy: "manad", manad: month }}
          className={`btn ${view === "manad" ? "btn-primary" : "btn-secondary"}`}
          aria-current={view === "manad" ? "page" : undefined}
        >
          {t("events.calendar.month")}
        </Link>
        <a href="/api/public/calendar.ics" className="btn btn-quiet">
          {t("events.calendar.subscribe")}
        </a>
      </nav>
      {view === "lista" ? <UpcomingList /> : <MonthView month={month} />}
      <p>
        <Link to="/nyhetsbrev">{t("events.calendar.newsletter")}</Link>
      </p>
    </>
  );
}

function UpcomingList() {
  const { t } = useTranslation();
  const query = useQuery(publicEventsQuery());
  return (
    <QueryState query={query}>
      {(items) =>
        items.length === 0 ? (
          <EmptyState message={t("events.calendar.none")} />
        ) : (
          <ul className="event-list">
            {items.map((e) => (
              <li key={e.id} className="event-item">
                <EventSummary event={e} />
              </li>
            ))}
          </ul>
        )
      }
    </QueryState>
  );
}

export function EventSummary({ event, headingLevel = 2 }: { event: PublicEventView; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      <Heading>
        <Link to="/evenemang/$id" params={{ id: event.id }}>
          {event.title}
        </Link>
      </Heading>
      <p className="event-meta">
        {i18n.language === "en" ? event.type.labelEn : event.type.labelSv}
        {event.theme ? ` · ${event.theme}` : ""}
      </p>
      <ul className="plain-list">
        {event.sessions.map((s) => (
          <li key={s.id}>
            {formatSession(s, i18n.language)}
            {s.place ? `, ${s.place}` : ""}
          </li>
        ))}
      </ul>
      <RegistrationBadge event={event} />
      {event.status === "cancelled" && <span className="badge badge-closed">{t("events.cancelled")}</span>}
    </>
  );
}

export function RegistrationBadge({ event }: { event: PublicEventView }) {
  const { t } = useTranslation();
  if (event.registration === "none") return null;
  const open = event.registration === "open";
  const full = open && event.placesLeft === 0;
  return (
    <span className={`badge ${open ? "badge-open" : "badge-closed"}`}>
      {full ? t("events.registration.waitlistOnly") : t(`events.registration.${event.registration}`)}
    </span>
  );
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** A month as a table: weeks as rows, Monday first, each day listing its events. */
function MonthView({ month }: { month: string }) {
  const { t, i18n } = useTranslation();
  const query = useQuery(publicEventsQuery(month));
  const [year, m] = month.split("-").map(Number);
  const first = new Date(Date.UTC(year, m - 1, 1));
  const offset = (first.getUTCDay() + 6) % 7;
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const cells = Array.from({ length: Math.ceil((offset + days) / 7) * 7 }, (_, i) => i - offset + 1);
  const weekdayName = (n: number) =>
    new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "sv-SE", {
      weekday: "short",
      timeZone: "UTC",
    }).format(new Date(Date.UTC(2024, 0, n)));
  const label = monthLabel(month, i18n.language);
  return (
    <section aria-labelledby="month-heading">
      <div className="month-nav">
        <Link
          to="/evenemang"
          search={{ vy: "manad", manad: shiftMonth(month, -1) }}
          className="btn btn-secondary"
        >
          {t("events.calendar.previousMonth")}
        </Link>
        <h2 id="month-heading">{label}</h2>
        <Link
          to="/evenemang"
          search={{ vy: "manad", manad: shiftMonth(month, 1) }}
          className="btn btn-secondary"
        >
          {t("events.calendar.nextMonth")}
        </Link>
      </div>
      <QueryState query={query}>
        {(items) => {
          const onDay = (day: number) => {
            const date = `${month}-${String(day).padStart(2, "0")}`;
            return items.filter((e) =>
              e.sessions.length ? e.sessions.some((s) => s.date === date) : e.startDate === date,
            );
          };
          return (
            <TableScroll label={label}>
              <table className="month-table">
                <caption className="visually-hidden">
                  {t("events.calendar.monthCaption", { month: label })}
                </caption>
                <thead>
                  <tr>
                    {WEEKDAYS.map((n) => (
                      <th key={n} scope="col">
                        {weekdayName(n)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {Array.from({ length: cells.length / 7 }, (_, week) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: weeks of a month have no other identity
                    <tr key={week}>
                      {cells.slice(week * 7, week * 7 + 7).map((day) =>
                        day < 1 || day > days ? (
                          <td key={`x${day}`} className="other-month" />
                        ) : (
                          <td key={day}>
                            <span className="day-number">{day}</span>
                            <ul>
                              {onDay(day).map((e) => (
                                <li key={e.id}>
                                  <Link to="/evenemang/$id" params={{ id: e.id }}>
                                    {e.title}
                                  </Link>
                                </li>
                              ))}
                            </ul>
                          </td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          );
        }}
      </QueryState>
      {query.data?.length === 0 && <EmptyState message={t("events.calendar.noneThisMonth")} />}
    </section>
  );
}
