import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MeetingSummaryView } from "../../../common/governance.ts";
import { EmptyState, PageHeader, QueryState } from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { meetingsQuery } from "./governance-api.ts";
import { meetingName, meetingWhen, thisYear, YearSelect } from "./governance-parts.tsx";

/** /styrning/kalender: the year's meetings of every body the viewer may see, month by month. */
export function CalendarPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(thisYear());
  const meetings = useQuery(meetingsQuery({ year }));
  const monthName = (month: number) =>
    new Intl.DateTimeFormat(currentLanguage(), { month: "long", timeZone: "UTC" }).format(
      new Date(Date.UTC(year, month, 1)),
    );
  return (
    <>
      <PageHeader title={`${t("governance.ui.calendar")} ${year}`} intro={t("governance.ui.calendarIntro")} />
      <YearSelect value={year} onChange={setYear} />
      <QueryState query={meetings}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState message={t("governance.ui.calendarEmpty")} />
          ) : (
            byMonth(items).map(([month, list]) => (
              <section key={month} aria-labelledby={`month-${month}`}>
                <h2 id={`month-${month}`}>{monthName(month)}</h2>
                <ul className="plain-list link-list">
                  {list.map((m) => (
                    <li key={m.id}>
                      <Link to="/styrning/moten/$id" params={{ id: m.id }}>
                        {meetingWhen(m)} · {meetingName(m)}
                      </Link>
                      {m.title && <span className="muted"> · {m.bodyName}</span>}
                      {m.place && <span className="muted"> · {m.place}</span>}
                    </li>
                  ))}
                </ul>
              </section>
            ))
          )
        }
      </QueryState>
    </>
  );
}

/** Months by Swedish time (a meeting at 00:30 on 1 March belongs to March). */
function byMonth(items: MeetingSummaryView[]): [number, MeetingSummaryView[]][] {
  const months = new Map<number, MeetingSummaryView[]>();
  for (const m of items) {
    const month =
      Number(new Date(m.startsAt).toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" }).slice(5, 7)) -
      1;
    months.set(month, [...(months.get(month) ?? []), m]);
  }
  return [...months.entries()].sort(([a], [b]) => a - b);
}
