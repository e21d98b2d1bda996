import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import {
  type OrganisationView,
  organisationSorts,
  organisationTypes,
} from "../../../common/organisations.ts";
import { useMe } from "../../auth.ts";
import {
  type Column,
  DataTable,
  FilterForm,
  ImportLink,
  PageHeader,
  RegisterResults,
  RegistersNav,
  Select,
  TextField,
  useRegisterList,
} from "../../components/index.ts";
import { fetchOrganisations, type OrganisationFilters } from "./organisations-api.ts";

const noFilters: OrganisationFilters = { q: "", type: "", county: "", tag: "", sort: "name" };

/** /register/organisationer: search, filter by type, county and tag, sort, page, export. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const list = useRegisterList({ key: "organisations", blank: noFilters, fetch: fetchOrganisations });
  const { draft, set } = list;
  const newLink = me?.abilities.coordinate ? (
    <Link to="/register/organisationer/ny" className="btn btn-primary">
      {t("organisations.new")}
    </Link>
  ) : null;

  return (
    <>
      <PageHeader
        title={t("organisations.title")}
        intro={<p>{t("organisations.intro")}</p>}
        actions={
          <>
            <ImportLink register="organisations" />
            {newLink}
          </>
        }
      />
      <RegistersNav />
      <FilterForm list={list}>
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
      </FilterForm>
      <RegisterResults
        list={list}
        register="organisations"
        empty={
          list.filtered
            ? { message: t("organisations.empty"), action: <p>{t("organisations.emptyHint")}</p> }
            : { message: t("common.emptyList"), action: newLink }
        }
      >
        {(items) => <OrganisationsTable items={items} sort={list.filters.sort} onSort={list.sortBy} />}
      </RegisterResults>
    </>
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
  const descending = sort.startsWith("-");
  const column = Object.keys(serverSorts).find((k) => serverSorts[k] === sort.replace(/^-/, ""));
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
      serverSort={{
        keys: Object.keys(serverSorts),
        sort: column ? { key: column, direction: descending ? "descending" : "ascending" } : undefined,
        onChange: (next) => onSort(`${next.direction === "descending" ? "-" : ""}${serverSorts[next.key]}`),
      }}
    />
  );
}
