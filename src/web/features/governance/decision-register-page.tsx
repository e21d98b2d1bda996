import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatKronor } from "../../../common/format.ts";
import type { DecisionView } from "../../../common/governance.ts";
import { useMe } from "../../auth.ts";
import { type Column, DataTable, PageHeader, QueryState, Select } from "../../components/index.ts";
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
  const columns: Column<DecisionView>[] = [
    {
      key: "number",
      header: t("governance.ui.registryNumber"),
      isRowHeader: true,
      className: "nowrap",
      cell: (d) => d.registryNumber ?? "–",
    },
    {
      key: "date",
      header: t("governance.ui.date"),
      className: "nowrap",
      cell: (d) => `${d.meetingDate} § ${d.paragraph}`,
    },
    { key: "body", header: t("governance.ui.body"), cell: (d) => d.bodyName },
    {
      key: "title",
      header: t("governance.ui.decisionTitle"),
      cell: (d) => (
        <Link to="/styrning/moten/$id" params={{ id: d.meetingId }}>
          {d.title}
        </Link>
      ),
    },
    {
      key: "kind",
      header: t("governance.ui.decisionKind"),
      cell: (d) => t(`governance.ui.decisionKinds.${d.kind}`),
    },
    {
      key: "amount",
      header: t("governance.ui.amount"),
      className: "nowrap",
      cell: (d) => (d.amount === null ? "–" : kr(d.amount)),
    },
    {
      key: "funds",
      header: t("governance.ui.funds"),
      cell: (d) =>
        d.fundedProjects.length === 0
          ? "–"
          : d.fundedProjects.map((f, i) => (
              <span key={f.projectId}>
                {i > 0 && ", "}
                <Link to="/planer/projekt/$projectId" params={{ projectId: f.projectId }}>
                  {f.projectName}
                </Link>
              </span>
            )),
    },
  ];
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
        {({ items }) => (
          <DataTable
            empty={t("governance.ui.decisionsNone")}
            caption={`${t("governance.ui.decisionRegister")} ${year}`}
            label={t("governance.ui.decisionRegister")}
            rows={items}
            rowKey={(d) => d.id}
            columns={columns}
          />
        )}
      </QueryState>
    </>
  );
}
