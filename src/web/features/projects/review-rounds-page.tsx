import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { ProjectColour } from "../../../common/projects.ts";
import type { ReviewRound, ReviewRoundSummary } from "../../../common/review-rounds.ts";
import { EmptyState, PageHeader, QueryState, TableScroll } from "../../components/index.ts";
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
  return (
    <TableScroll label={t("projects.reviewRounds.title")}>
      <table className="data-table">
        <caption>{t("projects.reviewRounds.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("projects.reviewRounds.name")}</th>
            <th scope="col">{t("projects.reviewRounds.date")}</th>
            <th scope="col">{t("projects.reviewRounds.projects")}</th>
            <th scope="col">{t("projects.reviewRounds.conclusionCount")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to="/planer/projekt/avrapporteringar/$roundId" params={{ roundId: r.id }}>
                  {r.name}
                </Link>
              </th>
              <td>{r.date}</td>
              <td>{r.projectCount}</td>
              <td>{r.conclusionCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
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
          <TableScroll label={t("projects.reviewRounds.table")}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("projects.appendix.name")}</th>
                  <th scope="col">{t("projects.appendix.report")}</th>
                  <th scope="col">{t("projects.appendix.period")}</th>
                  <th scope="col">{t("projects.appendix.results")}</th>
                  <th scope="col">{t("projects.appendix.scale")}</th>
                  <th scope="col">{t("projects.appendix.comment")}</th>
                  <th scope="col">{t("projects.appendix.colour")}</th>
                </tr>
              </thead>
              <tbody>
                {data.projects.map((p) => (
                  <tr key={p.projectId}>
                    <th scope="row">
                      <Link to="/planer/projekt/$projectId" params={{ projectId: p.projectId }}>
                        {p.projectName}
                      </Link>
                      {p.leadName ? ` (${p.leadName})` : ""}
                    </th>
                    <td>{report(p)}</td>
                    <td>{p.periodLabel ?? "–"}</td>
                    <td>{p.concreteResults ?? "–"}</td>
                    <td>{p.canScaleUp ?? "–"}</td>
                    <td>{p.comment ?? "–"}</td>
                    <td>
                      <ColourBadge colour={p.colour as ProjectColour | null} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p>{t("projects.reviewRounds.noProjects")}</p>
        )}
      </section>
    </>
  );
}
