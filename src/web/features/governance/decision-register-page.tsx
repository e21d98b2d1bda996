import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatKronor } from "../../../common/format.ts";
import { useMe } from "../../auth.ts";
import { EmptyState, PageHeader, QueryState, Select, TableScroll } from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { bodiesQuery, decisionsQuery } from "./governance-api.ts";
import { useYearSearch, YearSearchForm } from "./governance-parts.tsx";

/** /styrning/beslut: the decision register per body and year, searchable by words or registry number. */
export function DecisionRegisterPage() {
  const { t } = useTranslation();
  const me = useMe();
  const bodies = useQuery({ ...bodiesQuery, enabled: !!me });
  const [bodyId, setBodyId] = useState("");
  const search = useYearSearch();
  const { year } = search;
  const decisions = useQuery(decisionsQuery({ bodyId: bodyId || undefined, year, q: search.q }));
  const kr = (n: number) => formatKronor(n, currentLanguage());
  return (
    <>
      <PageHeader title={t("governance.ui.decisionRegister")} />
      <YearSearchForm search={search}>
        {bodies.data && (
          <Select
            label={t("governance.ui.body")}
            value={bodyId}
            onChange={setBodyId}
            options={[
              { value: "", label: t("governance.ui.allBodies") },
              ...bodies.data.map((b) => ({ value: b.id, label: b.name })),
            ]}
          />
        )}
      </YearSearchForm>
      <QueryState query={decisions}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState message={t("governance.ui.decisionsNone")} />
          ) : (
            <TableScroll label={t("governance.ui.decisionRegister")}>
              <table className="data-table">
                <caption>
                  {t("governance.ui.decisionRegister")} {year}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("governance.ui.registryNumber")}</th>
                    <th scope="col">{t("governance.ui.date")}</th>
                    <th scope="col">{t("governance.ui.body")}</th>
                    <th scope="col">{t("governance.ui.decisionTitle")}</th>
                    <th scope="col">{t("governance.ui.decisionKind")}</th>
                    <th scope="col">{t("governance.ui.amount")}</th>
                    <th scope="col">{t("governance.ui.funds")}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((d) => (
                    <tr key={d.id}>
                      <th scope="row" className="nowrap">
                        {d.registryNumber ?? "–"}
                      </th>
                      <td className="nowrap">
                        {d.meetingDate} § {d.paragraph}
                      </td>
                      <td>{d.bodyName}</td>
                      <td>
                        <Link to="/styrning/moten/$id" params={{ id: d.meetingId }}>
                          {d.title}
                        </Link>
                      </td>
                      <td>{t(`governance.ui.decisionKinds.${d.kind}`)}</td>
                      <td className="nowrap">{d.amount === null ? "–" : kr(d.amount)}</td>
                      <td>
                        {d.fundedProjects.length === 0
                          ? "–"
                          : d.fundedProjects.map((f, i) => (
                              <span key={f.projectId}>
                                {i > 0 && ", "}
                                <Link to="/planer/projekt/$projectId" params={{ projectId: f.projectId }}>
                                  {f.projectName}
                                </Link>
                              </span>
                            ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      </QueryState>
    </>
  );
}
