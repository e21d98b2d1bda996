import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type SearchHit, type SearchKind, searchHitPath, searchKinds } from "../../../common/search.ts";
import { Button, EmptyState, PageHeader, QueryState, TextField } from "../../components/index.ts";
import { searchQueryOptions } from "./search-api.ts";

/**
 * /sok?q=…: the search box's results, grouped by register (organisations, people, programmes,
 * courses, activities), best hit first within each group, each linking to its page.
 */
export function SearchPage({ q }: { q: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(q);
  const results = useQuery(searchQueryOptions(q));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate({ to: "/sok", search: { q: draft.trim() } });
  };
  return (
    <>
      <PageHeader title={q ? t("search.resultsFor", { q }) : t("search.title")} />
      <search aria-label={t("search.label")}>
        <form onSubmit={submit} className="form filters">
          <div className="filter-fields">
            <TextField
              label={t("search.label")}
              description={t("search.placeholder")}
              type="search"
              value={draft}
              onChange={setDraft}
            />
          </div>
          <Button type="submit">{t("search.submit")}</Button>
        </form>
      </search>
      {!q ? (
        <p className="muted">{t("search.prompt")}</p>
      ) : (
        <QueryState query={results}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState message={t("search.none", { q })} />
            ) : (
              <SearchResults items={data.items} />
            )
          }
        </QueryState>
      )}
    </>
  );
}

function SearchResults({ items }: { items: SearchHit[] }) {
  const { t } = useTranslation();
  const groups = searchKinds
    .map((kind) => ({ kind, hits: items.filter((i) => i.kind === kind) }))
    .filter((g) => g.hits.length > 0);
  return (
    <>
      <p role="status">{t("search.count", { count: items.length })}</p>
      {groups.map((g) => (
        <HitGroup key={g.kind} kind={g.kind} hits={g.hits} />
      ))}
    </>
  );
}

function HitGroup({ kind, hits }: { kind: SearchKind; hits: SearchHit[] }) {
  const { t } = useTranslation();
  const id = `search-${kind}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {t(`search.kinds.${kind}`)} <span className="muted">({hits.length})</span>
      </h2>
      <ul className="plain-list search-hits">
        {hits.map((hit) => (
          <li key={hit.id}>
            <Link to={searchHitPath(hit)}>{hit.title}</Link>
            {hit.subtitle && <div className="muted small">{hit.subtitle}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
