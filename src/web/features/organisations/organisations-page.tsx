import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type OrganisationView,
  organisationSorts,
  organisationTypes,
} from "../../../common/organisations.ts";
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
import { fetchOrganisations, type OrganisationFilters } from "./organisations-api.ts";
import { RegistersNav } from "./registers-nav.tsx";

const noFilters: OrganisationFilters = { q: "", type: "", county: "", tag: "", sort: "name" };

/** /register/organisationer: search, filter by type, county and tag, sort, and page with "Visa fler". */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [draft, setDraft] = useState(noFilters);
  const [filters, setFilters] = useState(noFilters);
  const organisations = useInfiniteQuery({
    queryKey: ["organisations", "list", filters],
    queryFn: ({ pageParam }) => fetchOrganisations(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const filtered = Boolean(filters.q || filters.type || filters.county || filters.tag);
  const newLink = me?.abilities.coordinate ? (
    <Link to="/register/organisationer/ny" className="btn btn-primary">
      {t("organisations.new")}
    </Link>
  ) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };
  const set = (key: keyof OrganisationFilters) => (value: string) => setDraft({ ...draft, [key]: value });

  return (
    <>
      <PageHeader
        title={t("organisations.title")}
        intro={<p>{t("organisations.intro")}</p>}
        actions={newLink}
      />
      <RegistersNav />
      <form onSubmit={submit} className="form filters" aria-label={t("common.filter")}>
        <div className="filter-fields">
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
      <QueryState query={organisations}>
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          if (items.length === 0)
            return (
              <EmptyState
                message={filtered ? t("organisations.empty") : t("common.emptyList")}
                action={filtered ? <p>{t("organisations.emptyHint")}</p> : newLink}
              />
            );
          return (
            <>
              <OrganisationsTable items={items} />
              {organisations.hasNextPage && (
                <Button
                  variant="secondary"
                  onPress={() => organisations.fetchNextPage()}
                  isPending={organisations.isFetchingNextPage}
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

function OrganisationsTable({ items }: { items: OrganisationView[] }) {
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
    />
  );
}
