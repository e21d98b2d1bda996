import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { type PersonView, personSorts } from "../../../common/people.ts";
import {
  type Column,
  DataTable,
  RegisterPage,
  Select,
  serverSortBy,
  TextField,
  useRegisterList,
} from "../../components/index.ts";
import { organisationChoicesQuery } from "../organisations/index.ts";
import { fetchPeople, type PersonFilters } from "./people-api.ts";

const noFilters: PersonFilters = { q: "", organisationId: "", sort: "name" };

/** /register/personer: search by name or e-mail, filter by organisation, sort, page, export. */
export function PeoplePage() {
  const { t } = useTranslation();
  const list = useRegisterList({ key: "people", blank: noFilters, fetch: fetchPeople });
  const { draft, set } = list;
  const organisations = useQuery(organisationChoicesQuery);
  return (
    <RegisterPage
      title={t("people.title")}
      intro={t("people.intro")}
      register="people"
      newRecord={{ to: "/register/personer/ny", label: t("people.new") }}
      list={list}
      empty={{
        none: t("common.emptyList"),
        filtered: t("people.empty"),
        filteredHint: t("people.emptyHint"),
      }}
      filters={
        <>
          <TextField label={t("people.search")} type="search" value={draft.q} onChange={set("q")} />
          <Select
            label={t("people.fields.organisation")}
            value={draft.organisationId}
            onChange={set("organisationId")}
            options={[
              { value: "", label: t("people.allOrganisations") },
              ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.label })),
            ]}
          />
          <Select
            label={t("people.sort.label")}
            value={draft.sort}
            onChange={set("sort")}
            options={personSorts.map((s) => ({ value: s, label: t(`people.sort.${s}`) }))}
          />
        </>
      }
    >
      {(items) => <PeopleTable items={items} sort={list.filters.sort} onSort={list.sortBy} />}
    </RegisterPage>
  );
}

/** Table columns and the server's orders they sort by (a paged list is sorted whole, on the server). */
const serverSorts: Record<string, string> = { name: "name", title: "title", email: "email" };

function PeopleTable({
  items,
  sort,
  onSort,
}: {
  items: PersonView[];
  sort: string;
  onSort: (sort: string) => void;
}) {
  const { t } = useTranslation();
  const organisationsOf = (p: PersonView) => p.memberships.map((m) => m.organisationName).join(", ");
  const columns: Column<PersonView>[] = [
    {
      key: "name",
      header: t("people.fields.name"),
      cell: (p) => (
        <Link to="/register/personer/$id" params={{ id: p.id }}>
          {p.name}
        </Link>
      ),
      sortValue: (p) => p.name,
      isRowHeader: true,
    },
    {
      key: "title",
      header: t("people.fields.title"),
      cell: (p) => p.title ?? "",
      sortValue: (p) => p.title ?? "",
    },
    {
      key: "organisations",
      header: t("people.sections.memberships"),
      cell: organisationsOf,
      sortValue: organisationsOf,
    },
    { key: "email", header: t("people.fields.email"), cell: (p) => p.email ?? "" },
    { key: "phone", header: t("people.fields.phone"), cell: (p) => p.phone ?? "" },
  ];
  return (
    <DataTable
      caption={t("people.caption", { count: items.length })}
      columns={columns}
      rows={items}
      rowKey={(p) => p.id}
      serverSort={serverSortBy(serverSorts, sort, onSort)}
    />
  );
}
