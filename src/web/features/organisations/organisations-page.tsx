import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import {
  type OrganisationView,
  organisationSorts,
  organisationTypes,
} from "../../../common/organisations.ts";
import {
  type Column,
  DataTable,
  RegisterPage,
  Select,
  serverSortBy,
  TextField,
  useRegisterList,
} from "../../components/index.ts";
import { fetchOrganisations, type OrganisationFilters } from "./organisations-api.ts";

const noFilters: OrganisationFilters = { q: "", type: "", county: "", tag: "", sort: "name" };

/** /register/organisationer: search, filter by type, county and tag, sort, page, export. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const list = useRegisterList({ key: "organisations", blank: noFilters, fetch: fetchOrganisations });
  const { draft, set } = list;
  return (
    <RegisterPage
      title={t("organisations.title")}
      intro={t("organisations.intro")}
      register="organisations"
      newRecord={{ to: "/register/organisationer/ny", label: t("organisations.new") }}
      list={list}
      empty={{
        none: t("common.emptyList"),
        filtered: t("organisations.empty"),
        filteredHint: t("organisations.emptyHint"),
      }}
      filters={
        <>
          <TextField label={t("organisations.search")} type="search" value={draft.q} onChange={set("q")} />
          <Select
            label={t("organisations.fields.type")}
            value={draft.type}
            onChange={set("type")}
            options={[
              { value: "", label: t("organisations.allTypes") },
              ...organisationTypes.map((type) => ({ value: type, label: t(`organisations.types.${type}`) })),
            ]}
          />
          <TextField label={t("organisations.fields.county")} value={draft.county} onChange={set("county")} />
          <TextField label={t("organisations.fields.tag")} value={draft.tag} onChange={set("tag")} />
          <Select
            label={t("organisations.sort.label")}
            value={draft.sort}
            onChange={set("sort")}
            options={organisationSorts.map((s) => ({ value: s, label: t(`organisations.sort.${s}`) }))}
          />
        </>
      }
    >
      {(items) => <OrganisationsTable items={items} sort={list.filters.sort} onSort={list.sortBy} />}
    </RegisterPage>
  );
}

/** Table columns and the server's orders they sort by (a paged list is sorted whole, on the server). */
const serverSorts: Record<string, string> = { name: "name", type: "type", parent: "parent", place: "county" };

function OrganisationsTable({
  items,
  sort,
  onSort,
}: {
  items: OrganisationView[];
  sort: string;
  onSort: (sort: string) => void;
}) {
  const { t } = useTranslation();
  const columns: Column<OrganisationView>[] = [
    {
      key: "name",
      header: t("organisations.fields.name"),
      cell: (o) => (
        <Link to="/register/organisationer/$id" params={{ id: o.id }}>
          {o.name}
        </Link>
      ),
      sortValue: (o) => o.name,
      isRowHeader: true,
    },
    {
      key: "type",
      header: t("organisations.fields.type"),
      cell: (o) => t(`organisations.types.${o.type}`),
      sortValue: (o) => t(`organisations.types.${o.type}`),
    },
    {
      key: "parent",
      header: t("organisations.fields.parent"),
      cell: (o) => o.parent?.name ?? "",
      sortValue: (o) => o.parent?.name ?? "",
    },
    {
      key: "place",
      header: t("organisations.fields.county"),
      cell: (o) => [o.county, o.municipalityCode].filter(Boolean).join(", "),
      sortValue: (o) => o.county ?? "",
    },
    { key: "tags", header: t("organisations.fields.tags"), cell: (o) => o.tags.join(", ") },
  ];
  return (
    <DataTable
      caption={t("organisations.caption", { count: items.length })}
      columns={columns}
      rows={items}
      rowKey={(o) => o.id}
      columnsKey="organisations"
      serverSort={serverSortBy(serverSorts, sort, onSort)}
    />
  );
}
