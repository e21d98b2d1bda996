import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../auth.ts";
import {
  Button,
  EmptyState,
  PageHeader,
  QueryState,
  TableScroll,
  TextField,
} from "../../components/index.ts";
import { organisationChoicesQuery } from "../organisations/organisations-api.ts";
import { registryQuery } from "./governance-api.ts";
import { RegistryEntryForm } from "./governance-forms.tsx";
import { thisYear, YearSelect } from "./governance-parts.tsx";

/**
 * /styrning/diarium: the registry per year with search. Confidential entries keep their number,
 * date and ground in the list; their content only reaches those the server lets read it.
 */
export function RegistryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mayRegister = !!me?.abilities.coordinate;
  const orgs = useQuery({ ...organisationChoicesQuery, enabled: mayRegister });
  const [year, setYear] = useState(thisYear());
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const entries = useQuery(registryQuery({ year, q: q || undefined }));
  const search = (event: FormEvent) => {
    event.preventDefault();
    setQ(text.trim());
  };
  return (
    <>
      <PageHeader title={t("governance.ui.registry")} intro={t("governance.ui.registryIntro")} />
      {mayRegister && orgs.data && <RegistryEntryForm organisations={orgs.data} />}
      <form className="filter-fields" aria-label={t("governance.ui.searchForm")} onSubmit={search}>
        <YearSelect value={year} onChange={setYear} />
        <TextField
          label={t("governance.ui.search")}
          description={t("governance.ui.searchHint")}
          value={text}
          onChange={setText}
        />
        <Button type="submit" variant="secondary">
          {t("governance.ui.searchButton")}
        </Button>
      </form>
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
