import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatKronor } from "../../../common/format.ts";
import type { ProjectView } from "../../../common/projects.ts";
import { type Column, DataTable, GoalCodes, PageHeader, QueryState } from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { ColourBadge, reportShort } from "./colour-badge.tsx";
import { ReportForm, ReviewForm, StatusForm } from "./project-forms.tsx";
import { projectQuery } from "./projects-api.ts";

/** /planer/projekt/$projectId: the project, its colour history, status form, reports, money and outputs. */
export function ProjectPage({ projectId }: { projectId: string }) {
  const project = useQuery(projectQuery(projectId));
  return <QueryState query={project}>{(p) => <Project project={p} />}</QueryState>;
}

function Project({ project: p }: { project: ProjectView }) {
  const { t } = useTranslation();
  const locale = currentLanguage();
  const historyColumns: Column<ProjectView["colourHistory"][number]>[] = [
    { key: "date", header: t("projects.date"), isRowHeader: true, cell: (c) => c.date },
    {
      key: "from",
      header: t("projects.from"),
      cell: (c) => (c.previousColour ? <ColourBadge colour={c.previousColour} /> : "–"),
    },
    { key: "to", header: t("projects.to"), cell: (c) => <ColourBadge colour={c.colour} /> },
    { key: "reason", header: t("projects.reason"), cell: (c) => c.reason },
    {
      key: "changedBy",
      header: t("projects.changedBy"),
      cell: (c) => (
        <>
          {c.authorName}
          <span className="muted small"> · {formatDateTime(c.recordedAt, locale)}</span>
        </>
      ),
    },
  ];
  const fundingColumns: Column<ProjectView["funding"][number]>[] = [
    {
      key: "funder",
      header: t("projects.funder"),
      isRowHeader: true,
      cell: (f) => (
        <>
          {f.funder?.name ?? f.funderName ?? "–"}
          {f.note && <div className="muted small">{f.note}</div>}
        </>
      ),
    },
    {
      key: "kind",
      header: t("projects.fundingKinds.own"),
      cell: (f) => t(`projects.fundingKinds.${f.kind}`),
    },
    {
      key: "amount",
      header: t("projects.amount"),
      className: "numeric nowrap",
      cell: (f) => formatKronor(f.amount, locale),
    },
    { key: "year", header: t("projects.year"), cell: (f) => f.year ?? "–" },
  ];
  return (
    <>
      <PageHeader title={p.name} intro={<ColourBadge colour={p.colour} />} />
      <p className="no-print">
        <Link to="/planer/projekt">{t("projects.backToPortfolio")}</Link>
      </p>
      {p.description && <p className="lead">{p.description}</p>}
      <dl className="facts">
        <dt>{t("projects.lead")}</dt>
        <dd>{p.leadName ?? "–"}</dd>
        <dt>{t("projects.owner")}</dt>
        <dd>{p.owner?.name ?? p.ownerName ?? "–"}</dd>
        <dt>{t("projects.sector")}</dt>
        <dd>{p.sector ?? "–"}</dd>
        <dt>{t("projects.period")}</dt>
        <dd>{p.periodLabel || "–"}</dd>
        <dt>{t("projects.latestReport")}</dt>
        <dd>
          {reportShort(t, p)} {p.latestReportDate && `(${p.latestReportDate})`}
        </dd>
        <dt>{t("projects.concreteResults")}</dt>
        <dd>{p.concreteResults ?? "–"}</dd>
        <dt>{t("projects.canScaleUp")}</dt>
        <dd>{p.canScaleUp ?? "–"}</dd>
        <dt>{t("projects.comment")}</dt>
        <dd>{p.processLeaderComment ?? "–"}</dd>
        <dt>{t("projects.reportDue")}</dt>
        <dd>{p.reportDueDate ?? "–"}</dd>
        <dt>{t("projects.goals")}</dt>
        <dd>
          <GoalCodes goals={p.goals} />
        </dd>
      </dl>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("projects.history")}</h2>
        {p.colourHistory.length === 0 ? (
          <p className="muted">{t("projects.historyEmpty")}</p>
        ) : (
          <DataTable
            caption={t("projects.history")}
            captionHidden
            columns={historyColumns}
            rows={p.colourHistory}
            rowKey={(c) => c.id}
          />
        )}
      </section>
      {p.abilities.manage && (
        <section className="no-print">
          <StatusForm projectId={p.id} />
        </section>
      )}

      <section aria-labelledby="reports-heading">
        <h2 id="reports-heading">{t("projects.reports")}</h2>
        {p.reports.length === 0 && <p className="muted">{t("projects.reportsEmpty")}</p>}
        {p.reports.map((r) => (
          <article key={r.id} className="card report-card">
            <h3>
              {t(`projects.reportTypes.${r.kind}`)}{" "}
              {r.periodFrom || r.periodTo ? `${r.periodFrom ?? ""} – ${r.periodTo ?? ""}` : ""}
            </h3>
            <p className="muted">
              {t("projects.submittedBy")}: {r.submittedByName}, {formatDateTime(r.submittedAt, locale)} ·{" "}
              {r.reviewedAt
                ? `${t("projects.reviewed")}: ${r.reviewedByName}, ${formatDateTime(r.reviewedAt, locale)}`
                : t("projects.notReviewed")}
            </p>
            <dl className="facts">
              <dt>{t("projects.doneSinceLast")}</dt>
              <dd>{r.doneSinceLast}</dd>
              <dt>{t("projects.deviations")}</dt>
              <dd>{r.deviations ?? "–"}</dd>
              <dt>{t("projects.results")}</dt>
              <dd>{r.results ?? "–"}</dd>
              <dt>{t("projects.nextSteps")}</dt>
              <dd>{r.nextSteps ?? "–"}</dd>
              <dt>{t("projects.budgetUsed")}</dt>
              <dd>{r.budgetUsed === null ? "–" : formatKronor(r.budgetUsed, locale)}</dd>
              {r.reviewComment && (
                <>
                  <dt>{t("projects.reviewComment")}</dt>
                  <dd>{r.reviewComment}</dd>
                </>
              )}
            </dl>
            {p.abilities.manage && !r.reviewedAt && <ReviewForm projectId={p.id} reportId={r.id} />}
          </article>
        ))}
        {p.abilities.report && (
          <div className="no-print">
            <ReportForm projectId={p.id} />
          </div>
        )}
      </section>

      <section aria-labelledby="funding-heading">
        <h2 id="funding-heading">{t("projects.funding")}</h2>
        {p.funding.length === 0 ? (
          <p className="muted">–</p>
        ) : (
          <DataTable
            caption={t("projects.funding")}
            captionHidden
            columns={fundingColumns}
            rows={p.funding}
            rowKey={(f) => f.id}
            footer={
              <tr>
                <th scope="row">{t("projects.fundingTotal")}</th>
                <td />
                <td className="numeric nowrap">{formatKronor(p.fundingTotals.total, locale)}</td>
                <td />
              </tr>
            }
          />
        )}
      </section>

      {p.outputs.length > 0 && (
        <section aria-labelledby="outputs-heading">
          <h2 id="outputs-heading">{t("projects.outputs")}</h2>
          <ul className="plain-list">
            {p.outputs.map((o) => (
              <li key={o.id}>
                {t(`projects.outputTypes.${o.type}`)}: <strong>{o.title}</strong>
                {[o.authors, o.venue, o.year ?? o.date].filter(Boolean).map((part) => ` · ${part}`)}
                {o.doi && (
                  <>
                    {" · "}
                    <a href={`https://doi.org/${o.doi}`}>DOI {o.doi}</a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {p.children.length > 0 && (
        <section aria-labelledby="children-heading">
          <h2 id="children-heading">{t("projects.children")}</h2>
          <ul className="plain-list link-list">
            {p.children.map((c) => (
              <li key={c.id}>
                <Link to="/planer/projekt/$projectId" params={{ projectId: c.id }}>
                  {c.name}
                </Link>{" "}
                · <ColourBadge colour={c.colour} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
