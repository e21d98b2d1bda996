import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { ParticipantTableView } from "../../../common/events.ts";
import { queryString } from "../../api.ts";
import { type Column, DataTable, PageHeader, QueryState, TableScroll } from "../../components/index.ts";
import { participantTableQuery } from "./events-api.ts";

/**
 * A project's participants by role and organisation, each person once across all its events
 * (LC-KOMP: 260 = 214 + 46), computed from attendance; estimates shown beside, never added in.
 */
export function ParticipantTablePage({ scope }: { scope: Record<string, string> }) {
  const { t } = useTranslation();
  const query = useQuery(participantTableQuery(scope));
  const organisationColumns: Column<ParticipantTableView["organisations"][number]>[] = [
    {
      key: "organisation",
      header: t("events.participant.organisation"),
      isRowHeader: true,
      cell: (o) => o.organisation || "–",
    },
    { key: "count", header: t("events.table.count"), cell: (o) => o.count },
  ];
  return (
    <>
      <PageHeader title={t("events.table.title")} intro={t("events.table.intro")} />
      <p>
        <Link to="/evenemang/hantera">{t("events.manage.back")}</Link>
      </p>
      <QueryState query={query}>
        {(table) => (
          <>
            <p className="lead">
              {t("events.table.summary", {
                label: table.scope.label,
                participants: table.participants,
                events: table.events,
                registrations: table.registrations,
              })}
            </p>
            {table.estimatedAtEventsWithoutNames > 0 && (
              <p>{t("events.table.estimates", { count: table.estimatedAtEventsWithoutNames })}</p>
            )}
            <TableScroll label={t("events.table.byRole")}>
              <table className="data-table">
                <caption>{t("events.table.byRole")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("events.table.role")}</th>
                    <th scope="col">{t("events.table.count")}</th>
                  </tr>
                </thead>
                <tbody>
                  {table.groups.map((g) => [
                    <tr key={g.group}>
                      <th scope="row">{g.label}</th>
                      <td>
                        <strong>{g.count}</strong>
                      </td>
                    </tr>,
                    ...g.roles.map((r) => (
                      <tr key={`${g.group}-${r.roleKey}`}>
                        <th scope="row" style={{ paddingLeft: "2rem", fontWeight: 400 }}>
                          {r.label}
                        </th>
                        <td>{r.count}</td>
                      </tr>
                    )),
                  ])}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t("events.table.total")}</th>
                    <td>
                      <strong>{table.participants}</strong>
                    </td>
                  </tr>
                </tfoot>
              </table>
            </TableScroll>
            <p>
              <a href={`/api/events/participants-by-role${queryString({ ...scope, format: "xlsx" })}`}>
                {t("events.manage.exportXlsx")}
              </a>
            </p>
            <DataTable
              caption={t("events.table.byOrganisation")}
              rows={table.organisations}
              rowKey={(o) => o.organisation}
              columns={organisationColumns}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
