import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { formatCredits } from "../../../common/format.ts";
import { type ProgrammeView, programmeLevels } from "../../../common/programmes.ts";
import {
  type Column,
  DataTable,
  RegisterPage,
  Select,
  TextField,
  useRegisterList,
} from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { fetchProgrammes, organisationOptionsQuery, type ProgrammeFilters } from "./programmes-api.ts";

const noFilters: ProgrammeFilters = { q: "", level: "", organisationId: "" };

/** /register/program: programmes in Swedish order, searchable and filtered by level and unit. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const list = useRegisterList({ key: "programmes", blank: noFilters, fetch: fetchProgrammes });
  const { draft, set } = list;
  const organisations = useQuery(organisationOptionsQuery);
  return (
    <RegisterPage
      title={t("programmes.programmesTitle")}
      register="programmes"
      newRecord={{ to: "/register/program/ny", label: t("programmes.newProgramme") }}
      list={list}
      empty={{ none: t("programmes.noProgrammes"), filtered: t("programmes.noProgrammesFiltered") }}
      filters={
        <>
          <TextField label={t("programmes.search")} value={draft.q} onChange={set("q")} />
          <Select
            label={t("programmes.level")}
            value={draft.level}
            onChange={set("level")}
            options={[
              { value: "", label: t("programmes.anyLevel") },
              ...programmeLevels.map((l) => ({ value: l, label: t(`programmes.levels.${l}`) })),
            ]}
          />
          <Select
            label={t("programmes.organisation")}
            value={draft.organisationId}
            onChange={set("organisationId")}
            options={[
              { value: "", label: t("programmes.anyOrganisation") },
              ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.label })),
            ]}
          />
        </>
      }
    >
      {(items) => <ProgrammesTable items={items} />}
    </RegisterPage>
  );
}

function ProgrammesTable({ items }: { items: ProgrammeView[] }) {
  const { t } = useTranslation();
  const columns: Column<ProgrammeView>[] = [
    {
      key: "name",
      header: t("programmes.name"),
      cell: (p) => (
        <Link to="/register/program/$id" params={{ id: p.id }}>
          {p.nameSv}
        </Link>
      ),
      sortValue: (p) => p.nameSv,
      isRowHeader: true,
    },
    { key: "code", header: t("programmes.code"), cell: (p) => p.code, sortValue: (p) => p.code },
    {
      key: "credits",
      header: t("programmes.credits"),
      cell: (p) => (p.credits === null ? t("programmes.none") : formatCredits(p.credits, currentLanguage())),
      sortValue: (p) => p.credits ?? 0,
    },
    {
      key: "level",
      header: t("programmes.level"),
      cell: (p) => (p.level ? t(`programmes.levels.${p.level}`) : t("programmes.none")),
    },
    {
      key: "organisation",
      header: t("programmes.organisation"),
      cell: (p) => p.organisation?.name ?? t("programmes.none"),
      sortValue: (p) => p.organisation?.name ?? "",
    },
    {
      key: "courses",
      header: t("programmes.courses"),
      cell: (p) => p.courses.length,
      sortValue: (p) => p.courses.length,
    },
  ];
  return (
    <DataTable
      caption={t("programmes.programmesCaption", { count: items.length })}
      columns={columns}
      rows={items}
      rowKey={(p) => p.id}
    />
  );
}
