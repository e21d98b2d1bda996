import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useMe } from "../../auth.ts";
import { EmptyState, PageHeader, QueryState, TableScroll } from "../../components/index.ts";
import { organisationChoicesQuery } from "../organisations/index.ts";
import { registryQuery } from "./governance-api.ts";
import { RegistryEntryForm } from "./governance-forms.tsx";
import { useYearSearch, YearSearchForm } from "./governance-parts.tsx";

/**
 * /styrning/diarium: the registry per year with search. Confidential entries keep their number,
 * date and ground in the list; their content only reaches those the server lets read it.
 */
export function RegistryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mayRegister = !!me?.abilities.coordinate;
  const orgs = useQuery({ ...organisationChoicesQuery, enabled: mayRegister });
  const search = useYearSearch();
  const { year } = search;
  const entries = useQuery(registryQuery({ year, q: search.q }));
  return (
    <>
      <PageHeader title={t("governance.ui.registry")} intro={t("governance.ui.registryIntro")} />
      {mayRegister && orgs.data && <RegistryEntryForm organisations={orgs.data} />}
      <YearSearchForm search={search} />
      <QueryState query={entries}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState message={t("governance.ui.registryNone")} />
          ) : (
            <TableScroll label={t("governance.ui.registry")}>
              <table className="data-table">
                <caption>
                  {t("governance.ui.registry")} {year}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("governance.ui.registryNumber")}</th>
                    <th scope="col">{t("governance.ui.date")}</th>
                    <th scope="col">{t("governance.ui.entryTitle")}</th>
                    <th scope="col">{t("governance.ui.direction")}</th>
                    <th scope="col">{t("governance.ui.counterpart")}</th>
                    <th scope="col">{t("governance.ui.documentType")}</th>
                    <th scope="col">{t("governance.ui.confidential")}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((e) => (
                    <tr key={e.id}>
                      <th scope="row" className="nowrap">
                        {e.registryNumber}
                      </th>
                      <td className="nowrap">{e.date}</td>
                      <td>{e.title ?? <em>{t("governance.ui.confidentialHidden")}</em>}</td>
                      <td>{t(`governance.ui.directions.${e.direction}`)}</td>
                      <td>{e.counterpart ?? "–"}</td>
                      <td>
                        {t(`governance.ui.documentTypes.${e.documentType}`)}{" "}
                        <span className="muted">
                          ({t(`governance.ui.retentionClasses.${e.retentionClass}`)})
                        </span>
                      </td>
                      <td>
                        {e.confidential ? (e.confidentialityGround ?? t("governance.ui.confidential")) : "–"}
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
