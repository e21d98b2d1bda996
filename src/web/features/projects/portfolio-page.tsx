import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ProjectSummaryView, projectColours } from "../../../common/projects.ts";
import {
  Button,
  type Column,
  DataTable,
  PageHeader,
  QueryState,
  Select,
  TextField,
} from "../../components/index.ts";
import { formatPeriod } from "../../lib/format.ts";
import { ColourBadge, reportShort } from "./colour-badge.tsx";
import { PortfolioNav } from "./portfolio-nav.tsx";
import {
  dashboardQuery,
  exportUrl,
  noPortfolioFilters,
  type PortfolioFilters,
  portfolioQuery,
} from "./projects-api.ts";

const colourOrder = { red: 0, yellow: 1, green: 2 } as const;

/** /planer/projekt: appendix 1 as a living table — sortable, filterable, printable, downloadable. */
export function PortfolioPage({ initial }: { initial: Partial<PortfolioFilters> }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<PortfolioFilters>({ ...noPortfolioFilters, ...initial });
  const projects = useQuery(portfolioQuery(filters));
  const overview = useQuery(dashboardQuery({}));
  const set = (key: keyof PortfolioFilters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));

  const columns: Column<ProjectSummaryView>[] = [
    {
      key: "name",
      header: t("projects.appendix.name"),
      isRowHeader: true,
      sortValue: (p) => p.name,
      cell: (p) => (
        <>
          <Link to="/planer/projekt/$projectId" params={{ projectId: p.id }}>
            {p.name}
          </Link>
          {p.leadName && <> ({p.leadName})</>}
        </>
      ),
    },
    // The colour is what a reader looks for first: beside the name, always in view (issue 15).
    {
      key: "colour",
      header: t("projects.appendix.colour"),
      sortValue: (p) => (p.colour ? colourOrder[p.colour] : 3),
      cell: (p) => <ColourBadge colour={p.colour} />,
    },
    {
      key: "report",
      header: t("projects.appendix.report"),
      sortValue: (p) => reportShort(t, p),
      cell: (p) => reportShort(t, p),
    },
    {
      key: "period",
      header: t("projects.appendix.period"),
      sortValue: (p) => p.periodStart ?? "9999",
      cell: (p) => (p.periodLabel ? formatPeriod(p.periodLabel) : "–"),
    },
    {
      key: "results",
      header: t("projects.appendix.results"),
      sortValue: (p) => p.concreteResults ?? "",
      cell: (p) => p.concreteResults ?? "–",
    },
    {
      key: "scale",
      header: t("projects.appendix.scale"),
      sortValue: (p) => p.canScaleUp ?? "",
      cell: (p) => p.canScaleUp ?? "–",
    },
    { key: "comment", header: t("projects.appendix.comment"), cell: (p) => p.processLeaderComment ?? "–" },
    {
      key: "sector",
      header: t("projects.sector"),
      sortValue: (p) => p.sector ?? "",
      cell: (p) => p.sector ?? "–",
    },
  ];

  const actions = (
    <div className="button-row no-print">
      <a className="btn btn-secondary" href={exportUrl(filters, "xlsx")} download>
        {t("projects.downloadXlsx")}
      </a>
      <a className="btn btn-secondary" href={exportUrl(filters, "csv")} download>
        {t("projects.downloadCsv")}
      </a>
      <Button variant="secondary" onPress={() => window.print()}>
        {t("projects.print")}
      </Button>
    </div>
  );

  return (
    <>
      <PageHeader title={t("projects.title")} intro={<p>{t("projects.intro")}</p>} actions={actions} />
      <PortfolioNav />
      <div className="filter-fields no-print">
        <TextField label={t("projects.search")} value={filters.q} onChange={set("q")} />
        <Select
          label={t("projects.colour")}
          value={filters.colour}
          onChange={set("colour")}
          options={[
            { value: "", label: t("projects.allColours") },
            ...projectColours.map((c) => ({ value: c, label: t(`projects.colours.${c}`) })),
            { value: "none", label: t("projects.colours.none") },
          ]}
        />
        <Select
          label={t("projects.sector")}
          value={filters.sector}
          onChange={set("sector")}
          options={[
            { value: "", label: t("projects.allSectors") },
            ...(overview.data?.bySector ?? []).map((s) => ({ value: s.sector, label: s.sector })),
          ]}
        />
        <Select
          label={t("projects.owner")}
          value={filters.owner}
          onChange={set("owner")}
          options={[
            { value: "", label: t("projects.allOwners") },
            ...(overview.data?.byOwner ?? []).map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
      </div>
      <QueryState query={projects}>
        {(rows) => (
          <DataTable
            empty={t("projects.empty")}
            caption={`${t("projects.portfolio")} (${rows.length})`}
            columns={columns}
            rows={rows}
            rowKey={(p) => p.id}
            columnsKey="portfolio"
          />
        )}
      </QueryState>
    </>
  );
}
