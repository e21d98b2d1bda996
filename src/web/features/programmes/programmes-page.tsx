import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatCredits } from "../../../common/format.ts";
import { type ProgrammeView, programmeLevels } from "../../../common/programmes.ts";
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
import { currentLanguage } from "../../i18n/index.ts";
import { fetchProgrammes, organisationOptionsQuery, type ProgrammeFilters } from "./programmes-api.ts";
import { RegisterNav } from "./register-nav.tsx";

const noFilters: ProgrammeFilters = { q: "", level: "", organisationId: "" };

/** /register/program: programmes in Swedish order, searchable and filtered by level and unit. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [draft, setDraft] = useState(noFilters);
  const [filters, setFilters] = useState(noFilters);
  const organisations = useQuery(organisationOptionsQuery);
  const programmes = useInfiniteQuery({
    queryKey: ["programmes", "list", filters],
    queryFn: ({ pageParam }) => fetchProgrammes(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const filtered = Object.values(filters).some(Boolean);
  const newLink = me?.abilities.coordinate ? (
    <Link to="/register/program/ny" className="btn btn-primary">
      {t("programmes.newProgramme")}
    </Link>
  ) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };

  return (
    <>
      <PageHeader title={t("programmes.programmesTitle")} actions={newLink} />
      <RegisterNav />
      <form onSubmit={submit} className="form filters" aria-label={t("common.filter")}>
        <div className="filter-fields">
          <TextField
            label={t("programmes.search")}
            value={draft.q}
            onChange={(q) => setDraft({ ...draft, q })}
          />
          <Select
            label={t("programmes.level")}
            value={draft.level}
            onChange={(level) => setDraft({ ...draft, level })}
            options={[
              { value: "", label: t("programmes.anyLevel") },
              ...programmeLevels.map((l) => ({ value: l, label: t(`programmes.levels.${l}`) })),
            ]}
          />
          <Select
            label={t("programmes.organisation")}
            value={draft.organisationId}
            onChange={(organisationId) => setDraft({ ...draft, organisationId })}
            options={[
              { value: "", label: t("programmes.anyOrganisation") },
              ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.label })),
            ]}
          />
        </div>
        <Button type="submit">{t("common.filter")}</Button>
      </form>
      <QueryState query={programmes}>
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          if (items.length === 0)
            return (
              <EmptyState
                message={filtered ? t("programmes.noProgrammesFiltered") : t("programmes.noProgrammes")}
                action={filtered ? undefined : newLink}
              />
            );
          return (
            <>
              <ProgrammesTable items={items} />
              {programmes.hasNextPage && (
                <Button
                  variant="secondary"
                  onPress={() => programmes.fetchNextPage()}
                  isPending={programmes.isFetchingNextPage}
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
