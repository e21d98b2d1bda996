import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type PersonView, personSorts } from "../../../common/people.ts";
import { useMe } from "../../auth.ts";
import {
  Button,
  type Column,
  DataTable,
  EmptyState,
  PageHeader,
  QueryState,
  Select,
  TextField,
} from "../../components/index.ts";
import { organisationChoicesQuery } from "../organisations/organisations-api.ts";
import { RegistersNav } from "../organisations/registers-nav.tsx";
import { fetchPeople, type PersonFilters } from "./people-api.ts";

const noFilters: PersonFilters = { q: "", organisationId: "", sort: "name" };

/** /register/personer: search by name or e-mail, filter by organisation, sort, "Visa fler". */
export function PeoplePage() {
  const { t } = useTranslation();
  const me = useMe();
  const [draft, setDraft] = useState(noFilters);
  const [filters, setFilters] = useState(noFilters);
  const organisations = useQuery(organisationChoicesQuery);
  const people = useInfiniteQuery({
    queryKey: ["people", "list", filters],
    queryFn: ({ pageParam }) => fetchPeople(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const filtered = Boolean(filters.q || filters.organisationId);
  const newLink = me?.abilities.coordinate ? (
    <Link to="/register/personer/ny" className="btn btn-primary">
      {t("people.new")}
    </Link>
  ) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };
  const set = (key: keyof PersonFilters) => (value: string) => setDraft({ ...draft, [key]: value });

  return (
    <>
      <PageHeader title={t("people.title")} intro={<p>{t("people.intro")}</p>} actions={newLink} />
      <RegistersNav />
      <form onSubmit={submit} className="form filters" aria-label={t("common.filter")}>
        <div className="filter-fields">
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
        </div>
        <div className="button-row">
          <Button type="submit">{t("common.filter")}</Button>
          {filtered && (
            <Button
              variant="secondary"
              onPress={() => {
                setDraft(noFilters);
                setFilters(noFilters);
              }}
            >
              {t("organisations.clearFilters")}
            </Button>
          )}
        </div>
      </form>
      <QueryState query={people}>
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          if (items.length === 0)
            return (
              <EmptyState
                message={filtered ? t("people.empty") : t("common.emptyList")}
                action={filtered ? <p>{t("people.emptyHint")}</p> : newLink}
              />
            );
          return (
            <>
              <PeopleTable items={items} />
              {people.hasNextPage && (
                <Button
                  variant="secondary"
                  onPress={() => people.fetchNextPage()}
                  isPending={people.isFetchingNextPage}
                >
                  {t("common.loadMore")}
                </Button>
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}

function PeopleTable({ items }: { items: PersonView[] }) {
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
    />
  );
}
