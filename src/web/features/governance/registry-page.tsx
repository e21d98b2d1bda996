import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { RegistryEntryView } from "../../../common/governance.ts";
import { useMe } from "../../auth.ts";
import { type Column, DataTable, PageHeader, QueryState } from "../../components/index.ts";
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
  const columns: Column<RegistryEntryView>[] = [
    {
      key: "number",
      header: t("governance.ui.registryNumber"),
      isRowHeader: true,
      className: "nowrap",
      cell: (e) => e.registryNumber,
    },
    { key: "date", header: t("governance.ui.date"), className: "nowrap", cell: (e) => e.date },
    {
      key: "title",
      header: t("governance.ui.entryTitle"),
      cell: (e) => e.title ?? <em>{t("governance.ui.confidentialHidden")}</em>,
    },
    {
      key: "direction",
      header: t("governance.ui.direction"),
      cell: (e) => t(`governance.ui.directions.${e.direction}`),
    },
    { key: "counterpart", header: t("governance.ui.counterpart"), cell: (e) => e.counterpart ?? "–" },
    {
      key: "type",
      header: t("governance.ui.documentType"),
      cell: (e) => (
        <>
          {t(`governance.ui.documentTypes.${e.documentType}`)}{" "}
          <span className="muted">({t(`governance.ui.retentionClasses.${e.retentionClass}`)})</span>
        </>
      ),
    },
    {
      key: "confidential",
      header: t("governance.ui.confidential"),
      cell: (e) => (e.confidential ? (e.confidentialityGround ?? t("governance.ui.confidential")) : "–"),
    },
  ];
  return (
    <>
      <PageHeader title={t("governance.ui.registry")} intro={t("governance.ui.registryIntro")} />
      {mayRegister && orgs.data && <RegistryEntryForm organisations={orgs.data} />}
      <YearSearchForm search={search} />
      <QueryState query={entries}>
        {({ items }) => (
          <DataTable
            empty={t("governance.ui.registryNone")}
            caption={`${t("governance.ui.registry")} ${year}`}
            label={t("governance.ui.registry")}
            rows={items}
            rowKey={(e) => e.id}
            columns={columns}
          />
        )}
      </QueryState>
    </>
  );
}
