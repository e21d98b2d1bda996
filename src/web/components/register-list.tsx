import { type InfiniteData, type UseInfiniteQueryResult, useInfiniteQuery } from "@tanstack/react-query";
import { Link, type LinkProps } from "@tanstack/react-router";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TransferRegister } from "../../common/transfer.ts";
import type { Page } from "../api.ts";
import { type Me, useMe } from "../auth.ts";
import { Button } from "./button.tsx";
import { PartialListContext } from "./data-table.tsx";
import { EmptyState } from "./empty-state.tsx";
import { ExportMenu } from "./export-menu.tsx";
import { PageHeader } from "./page-header.tsx";
import { QueryState } from "./query-state.tsx";
import { RegistersNav } from "./registers-nav.tsx";

/**
 * The frame every register list page shares (organisations, people, programmes, courses,
 * activities): filters typed into a draft and applied on "Filtrera", a keyset-paged list with
 * "Visa fler", and export of the list exactly as filtered. The pages keep their own fields and table.
 */
type Filters = Record<string, string>;

export function useRegisterList<F extends Filters, T>(options: {
  key: string;
  blank: F;
  initial?: F;
  fetch: (filters: F, cursor?: string) => Promise<Page<T>>;
}) {
  const start = options.initial ?? options.blank;
  const [draft, setDraft] = useState(start);
  const [filters, setFilters] = useState(start);
  const query = useInfiniteQuery({
    queryKey: [options.key, "list", filters],
    queryFn: ({ pageParam }) => options.fetch(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  // The order is a choice, not a filter: a sorted full list is still the full list.
  const filtered = Object.entries(filters).some(([key, value]) => key !== "sort" && value);
  return {
    draft,
    filters,
    query,
    filtered,
    set: (key: keyof F) => (value: string) => setDraft((d) => ({ ...d, [key]: value })),
    apply: (event: FormEvent) => {
      event.preventDefault();
      setFilters(draft);
    },
    clear: () => {
      setDraft(options.blank);
      setFilters(options.blank);
    },
    /** A new order at once (a sortable column's header): the server sorts the whole list, from page one. */
    sortBy: (sort: string) => {
      setDraft((d) => ({ ...d, sort }));
      setFilters((f) => ({ ...f, sort }));
    },
  };
}

/** The filter form: the page's fields, "Filtrera", and "Rensa filter" once something is filtered. */
export function FilterForm({
  list,
  label,
  children,
}: {
  list: { apply: (event: FormEvent) => void; clear: () => void; filtered: boolean };
  label?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form onSubmit={list.apply} className="form filters" aria-label={label ?? t("common.filter")}>
      <div className="filter-fields">{children}</div>
      <div className="button-row">
        <Button type="submit">{t("common.filter")}</Button>
        {list.filtered && (
          <Button variant="secondary" onPress={list.clear}>
            {t("common.clearFilters")}
          </Button>
        )}
      </div>
    </form>
  );
}

/**
 * The list's rows once loaded: an empty state that tells what to do (create, or change the
 * filters), else the page's table, "Visa fler", and the export of what the filters select.
 */
export function RegisterResults<T>({
  list,
  register,
  empty,
  children,
}: {
  list: { query: UseInfiniteQueryResult<InfiniteData<Page<T>>>; filters: Filters; filtered: boolean };
  register: TransferRegister;
  empty: { message: string; action?: ReactNode };
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useTranslation();
  const { query, filters, filtered } = list;
  return (
    <QueryState query={query}>
      {(data) => {
        const items = data.pages.flatMap((p) => p.items);
        if (items.length === 0) return <EmptyState message={empty.message} action={empty.action} />;
        return (
          <>
            <PartialListContext.Provider
              value={{ partial: !!query.hasNextPage, sortField: "sort" in filters }}
            >
              {children(items)}
            </PartialListContext.Provider>
            {query.hasNextPage && (
              <Button
                variant="secondary"
                onPress={() => query.fetchNextPage()}
                isPending={query.isFetchingNextPage}
              >
                {t("common.loadMore")}
              </Button>
            )}
            <ExportMenu register={register} filters={filtered ? filters : { sort: filters.sort }} />
          </>
        );
      }}
    </QueryState>
  );
}

/** What the frame needs of `useRegisterList`'s state. */
type RegisterListState<T> = {
  apply: (event: FormEvent) => void;
  clear: () => void;
  filtered: boolean;
  filters: Filters;
  query: UseInfiniteQueryResult<InfiniteData<Page<T>>>;
};

/**
 * A register list page: its heading with "Importera" and "Ny …" (for those who may create), the registers'
 * navigation, the filter form with the page's fields, and the results with their empty states. The page
 * keeps its filters' fields and its table.
 */
export function RegisterPage<T>({
  title,
  intro,
  register,
  newRecord,
  nav = true,
  filterLabel,
  filters,
  list,
  empty,
  children,
}: {
  title: string;
  intro?: string;
  register: TransferRegister;
  /** "Ny …": the form's path, the button's text, and who may create (default: staff). */
  newRecord: { to: LinkProps["to"]; label: string; allowed?: (me: Me | null) => boolean };
  /** The registers' tabs above the filters (the registers under /register). */
  nav?: boolean;
  filterLabel?: string;
  filters: ReactNode;
  list: RegisterListState<T>;
  /** What an empty list says: unfiltered (with "Ny …"), and filtered (with a hint, if any). */
  empty: { none: string; filtered: string; filteredHint?: string };
  children: (items: T[]) => ReactNode;
}) {
  const me = useMe();
  const allowed = newRecord.allowed ? newRecord.allowed(me) : !!me?.abilities.coordinate;
  const newLink = allowed ? (
    <Link to={newRecord.to} className="btn btn-primary">
      {newRecord.label}
    </Link>
  ) : null;
  return (
    <>
      <PageHeader
        title={title}
        intro={intro ? <p>{intro}</p> : undefined}
        actions={
          <>
            <ImportLink register={register} />
            {newLink}
          </>
        }
      />
      {nav && <RegistersNav />}
      <FilterForm list={list} label={filterLabel}>
        {filters}
      </FilterForm>
      <RegisterResults
        list={list}
        register={register}
        empty={
          list.filtered
            ? {
                message: empty.filtered,
                action: empty.filteredHint ? <p>{empty.filteredHint}</p> : undefined,
              }
            : { message: empty.none, action: newLink }
        }
      >
        {children}
      </RegisterResults>
    </>
  );
}

/** "Importera" beside "Ny …" in a register's header, for those who may import (staff). */
export function ImportLink({ register }: { register: TransferRegister }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!me?.abilities.coordinate) return null;
  return (
    <Link to="/register/import" search={{ register }} className="btn btn-secondary">
      {t("transfer.listImport")}
    </Link>
  );
}
