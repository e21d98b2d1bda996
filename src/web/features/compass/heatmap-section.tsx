import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { HeatmapRow, HeatmapView } from "../../../common/compass.ts";
import { compareText } from "../../../common/format.ts";
import { Checkbox, EmptyState, QueryState, Select, TableScroll, TextField } from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { heatmapQuery } from "./compass-api.ts";
import { LevelCell } from "./compass-parts.tsx";

interface Filters {
  q: string;
  organisation: string;
  dimension: string;
  below: string;
  belowGoal: boolean;
}
const noFilters: Filters = { q: "", organisation: "", dimension: "", below: "", belowGoal: false };

/** Every programme of the unit × every dimension, coloured by level, with filters and a compare choice. */
export function HeatmapSection({ organisationId, year }: { organisationId: string; year: number }) {
  const { t } = useTranslation();
  const heatmap = useQuery(heatmapQuery(organisationId, year));
  return (
    <section aria-labelledby="heatmap-heading" className="compass-section">
      <h2 id="heatmap-heading">{t("compass.unitView.heatmap")}</h2>
      <QueryState query={heatmap}>
        {(view) =>
          view.rows.length === 0 ? (
            <EmptyState message={t("compass.unitView.noProgrammes")} />
          ) : (
            <Heatmap view={view} />
          )
        }
      </QueryState>
    </section>
  );
}

function matches(row: HeatmapRow, f: Filters, keys: string[]) {
  const q = f.q.trim().toLocaleLowerCase("sv");
  if (q && !`${row.name} ${row.code}`.toLocaleLowerCase("sv").includes(q)) return false;
  if (f.organisation && row.organisationId !== f.organisation) return false;
  const dims = f.dimension ? [f.dimension] : keys;
  if (f.below !== "") {
    const limit = Number(f.below);
    if (!dims.some((k) => (row.levels[k] ?? 0) < limit)) return false;
  }
  if (f.belowGoal && !dims.some((k) => row.goals[k] !== null && (row.levels[k] ?? 0) < (row.goals[k] ?? 0)))
    return false;
  return true;
}

function Heatmap({ view }: { view: HeatmapView }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState(noFilters);
  const [selected, setSelected] = useState<string[]>([]);
  const keys = view.dimensions.map((d) => d.key);
  const set =
    <K extends keyof Filters>(name: K) =>
    (value: Filters[K]) =>
      setFilters((f) => ({ ...f, [name]: value }));
  const organisations = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of view.rows)
      if (r.organisationId && r.organisationName) seen.set(r.organisationId, r.organisationName);
    return [...seen].sort((a, b) => compareText(a[1], b[1], currentLanguage()));
  }, [view.rows]);
  const rows = view.rows.filter((r) => matches(r, filters, keys));
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));

  return (
    <>
      <form className="form filters" aria-label={t("common.filter")} onSubmit={(e) => e.preventDefault()}>
        <div className="filter-fields">
          <TextField label={t("compass.unitView.filterText")} value={filters.q} onChange={set("q")} />
          {organisations.length > 1 && (
            <Select
              label={t("compass.unitView.filterUnit")}
              value={filters.organisation}
              onChange={set("organisation")}
              options={[
                { value: "", label: t("compass.unitView.allUnits") },
                ...organisations.map(([id, name]) => ({ value: id, label: name })),
              ]}
            />
          )}
          <Select
            label={t("compass.unitView.filterDimension")}
            value={filters.dimension}
            onChange={set("dimension")}
            options={[
              { value: "", label: t("compass.unitView.allDimensions") },
              ...view.dimensions.map((d) => ({ value: d.key, label: d.label })),
            ]}
          />
          <Select
            label={t("compass.unitView.filterBelow")}
            value={filters.below}
            onChange={set("below")}
            options={[
              { value: "", label: t("compass.unitView.anyLevel") },
              ...[1, 2, 3, 4].map((l) => ({ value: String(l), label: String(l) })),
            ]}
          />
        </div>
        <Checkbox
          label={t("compass.unitView.belowGoal")}
          checked={filters.belowGoal}
          onChange={set("belowGoal")}
        />
      </form>
      <p role="status" className="muted">
        {t("compass.unitView.shown", { shown: rows.length, total: view.rows.length })}
      </p>
      <div className="button-row">
        {selected.length >= 2 ? (
          <Link
            to="/kompassen/jamfor"
            search={{ ids: selected.slice(0, 8).join(","), year: view.year }}
            className="btn btn-primary"
          >
            {t("compass.unitView.compareSelected", { count: selected.length })}
          </Link>
        ) : (
          <p className="muted small">{t("compass.compare.choose")}</p>
        )}
      </div>
      <TableScroll label={t("compass.unitView.heatmapCaption", { year: view.year })}>
        <table className="data-table heatmap">
          <caption>{t("compass.unitView.heatmapCaption", { year: view.year })}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t("compass.unitView.compareColumn")}</span>
              </th>
              <th scope="col">{t("compass.programme")}</th>
              {/* A unit of its own only when the rows come from several (else it repeats on every row). */}
              {organisations.length > 1 && <th scope="col">{t("compass.unit")}</th>}
              {view.dimensions.map((d) => (
                <th scope="col" key={d.key}>
                  {d.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.programmeId}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t("compass.unitView.selectForCompare", { name: r.name })}
                    checked={selected.includes(r.programmeId)}
                    onChange={(e) => toggle(r.programmeId, e.target.checked)}
                  />
                </td>
                <th scope="row">
                  <Link
                    to="/kompassen/program/$programmeId"
                    params={{ programmeId: r.programmeId }}
                    search={{ year: view.year }}
                  >
                    {r.name}
                  </Link>{" "}
                  <span className="muted small">{r.code}</span>
                </th>
                {organisations.length > 1 && <td>{r.organisationName ?? t("compass.none")}</td>}
                {view.dimensions.map((d) => (
                  <td key={d.key} className="heat-cell">
                    <LevelCell level={r.levels[d.key]} goal={r.goals[d.key]} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
