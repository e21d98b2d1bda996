import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { ProjectColour } from "../../../common/projects.ts";
import type { ReviewRound, ReviewRoundSummary } from "../../../common/review-rounds.ts";
import { type Column, DataTable, EmptyState, PageHeader, QueryState } from "../../components/index.ts";
import { ColourBadge } from "./colour-badge.tsx";
import { PortfolioNav } from "./portfolio-nav.tsx";
import { reviewRoundQuery, reviewRoundsQuery } from "./projects-api.ts";

/** /planer/projekt/avrapporteringar: the portfolio's review rounds, newest first. */
export function ReviewRoundsPage() {
  const { t } = useTranslation();
  const rounds = useQuery(reviewRoundsQuery());
  return (
    <>
      <PageHeader
        title={t("projects.reviewRounds.title")}
        intro={<p>{t("projects.reviewRounds.intro")}</p>}
      />
      <PortfolioNav />
      <QueryState query={rounds}>
        {(items) =>
          items.length ? (
            <RoundList items={items} />
          ) : (
            <EmptyState message={t("projects.reviewRounds.empty")} />
          )
        }
      </QueryState>
    </>
  );
}

function RoundList({ items }: { items: ReviewRoundSummary[] }) {
  const { t } = useTranslation();
  const columns: Column<ReviewRoundSummary>[] = [
    {
      key: "name",
      header: t("projects.reviewRounds.name"),
      isRowHeader: true,
      cell: (r) => (
        <Link to="/planer/projekt/avrapporteringar/$roundId" params={{ roundId: r.id }}>
          {r.name}
        </Link>
      ),
    },
    { key: "date", header: t("projects.reviewRounds.date"), cell: (r) => r.date },
    { key: "projects", header: t("projects.reviewRounds.projects"), cell: (r) => r.projectCount },
    {
      key: "conclusions",
      header: t("projects.reviewRounds.conclusionCount"),
      cell: (r) => r.conclusionCount,
    },
  ];
  return (
    <DataTable
      caption={t("projects.reviewRounds.title")}
      rows={items}
      rowKey={(r) => r.id}
      columns={columns}
    />
  );
}

/** /planer/projekt/avrapporteringar/$roundId: the round's conclusions and its table, as the seed writes it. */
export function ReviewRoundPage({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const round = useQuery(reviewRoundQuery(roundId));
  return (
    <QueryState query={round}>
      {(data) => (
        <>
          <PageHeader title={`${data.name} (${data.date})`} />
          <PortfolioNav />
          <p>
            <Link to="/planer/projekt/avrapporteringar">{t("projects.reviewRounds.back")}</Link>
          </p>
          <RoundBody data={data} />
        </>
      )}
    </QueryState>
  );
}

function RoundBody({ data }: { data: ReviewRound }) {
  const { t } = useTranslation();
  const report = (p: ReviewRound["projects"][number]) =>
    p.reportType ? `${t(`projects.reportShort.${p.reportType}`)}${p.reportUncertain ? "?" : ""}` : "–";
  const columns: Column<ReviewRound["projects"][number]>[] = [
    {
      key: "name",
      header: t("projects.appendix.name"),
      isRowHeader: true,
      cell: (p) => (
        <>
          <Link to="/planer/projekt/$projectId" params={{ projectId: p.projectId }}>
            {p.projectName}
          </Link>
          {p.leadName ? ` (${p.leadName})` : ""}
        </>
      ),
    },
    { key: "report", header: t("projects.appendix.report"), cell: report },
    { key: "period", header: t("projects.appendix.period"), cell: (p) => p.periodLabel ?? "–" },
    { key: "results", header: t("projects.appendix.results"), cell: (p) => p.concreteResults ?? "–" },
    { key: "scale", header: t("projects.appendix.scale"), cell: (p) => p.canScaleUp ?? "–" },
    { key: "comment", header: t("projects.appendix.comment"), cell: (p) => p.comment ?? "–" },
    {
      key: "colour",
      header: t("projects.appendix.colour"),
      cell: (p) => <ColourBadge colour={p.colour as ProjectColour | null} />,
    },
  ];
  return (
    <>
      <section aria-labelledby="round-conclusions">
        <h2 id="round-conclusions">{t("projects.reviewRounds.conclusions")}</h2>
        {data.conclusions.length ? (
          <ul>
            {data.conclusions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        ) : (
          <p>{t("projects.reviewRounds.noConclusions")}</p>
        )}
      </section>
      <section>
        <h2>{t("projects.reviewRounds.table")}</h2>
        {data.projects.length ? (
          <DataTable
            caption={t("projects.reviewRounds.table")}
            captionHidden
            rows={data.projects}
            rowKey={(p) => p.projectId}
            columns={columns}
          />
        ) : (
          <p>{t("projects.reviewRounds.noProjects")}</p>
        )}
      </section>
    </>
  );
}
