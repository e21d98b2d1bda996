import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { EventView } from "../../../common/events.ts";
import { type Column, DataTable, PageHeader, QueryState } from "../../components/index.ts";
import { eventsQuery } from "./events-api.ts";

const today = () => new Date().toISOString().slice(0, 10);

/** The organisers' list: upcoming or past events with registered, attended and estimated apart. */
export function ManagePage({ past }: { past: boolean }) {
  const { t } = useTranslation();
  const query = useQuery(
    eventsQuery(past ? { to: today(), sort: "-startDate" } : { from: today(), sort: "startDate" }),
  );
  const columns: Column<EventView>[] = [
    {
      key: "title",
      header: t("events.manage.event"),
      isRowHeader: true,
      sortValue: (e) => e.title,
      cell: (e) => (
        <Link to="/evenemang/hantera/$id" params={{ id: e.id }}>
          {e.title}
        </Link>
      ),
    },
    {
      key: "date",
      header: t("events.manage.date"),
      sortValue: (e) => e.startDate ?? "",
      cell: (e) => e.startDate ?? "–",
    },
    { key: "type", header: t("events.manage.type"), cell: (e) => e.type.labelSv },
    {
      key: "visibility",
      header: t("events.manage.visibility"),
      cell: (e) => t(`events.visibility.${e.visibility}`),
    },
    {
      key: "registered",
      header: t("events.counts.registered"),
      sortValue: (e) => e.counts.registered,
      cell: (e) => e.counts.registered,
    },
    {
      key: "waitlisted",
      header: t("events.counts.waitlisted"),
      sortValue: (e) => e.counts.waitlisted,
      cell: (e) => e.counts.waitlisted,
    },
    {
      key: "attended",
      header: t("events.counts.attended"),
      sortValue: (e) => e.counts.attended,
      cell: (e) => e.counts.attended,
    },
    {
      key: "estimated",
      header: t("events.counts.estimated"),
      sortValue: (e) => e.counts.estimated ?? -1,
      cell: (e) =>
        e.counts.estimated === null ? "–" : t("events.counts.about", { count: e.counts.estimated }),
    },
  ];
  return (
    <>
      <PageHeader
        title={t("events.manage.title")}
        intro={t("events.manage.intro")}
        actions={
          <Link to="/evenemang/hantera/ny" className="btn btn-primary">
            {t("events.manage.new")}
          </Link>
        }
      />
      <nav aria-label={t("events.manage.views")} className="sub-nav">
        <ul>
          <li>
            <Link
              to="/evenemang/hantera"
              search={{ tidigare: false }}
              className={past ? "" : "active"}
              aria-current={past ? undefined : "page"}
            >
              {t("events.manage.upcoming")}
            </Link>
          </li>
          <li>
            <Link
              to="/evenemang/hantera"
              search={{ tidigare: true }}
              className={past ? "active" : ""}
              aria-current={past ? "page" : undefined}
            >
              {t("events.manage.past")}
            </Link>
          </li>
          <li>
            <Link to="/evenemang/hantera/deltagartabell" search={{ projectTag: "LC-KOMP" }}>
              {t("events.table.title")}
            </Link>
          </li>
          <li>
            <Link to="/evenemang" activeOptions={{ exact: true }}>
              {t("events.calendar.title")}
            </Link>
          </li>
        </ul>
      </nav>
      <QueryState query={query}>
        {(data) => (
          <DataTable
            empty={t("events.manage.none")}
            caption={past ? t("events.manage.past") : t("events.manage.upcoming")}
            columns={columns}
            rows={data.items}
            rowKey={(e) => e.id}
          />
        )}
      </QueryState>
    </>
  );
}
