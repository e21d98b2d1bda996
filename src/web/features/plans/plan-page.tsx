import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { formatKronor } from "../../../common/format.ts";
import type { PlanItemView, PlanView } from "../../../common/plans.ts";
import { Button, type Column, DataTable, GoalCodes, PageHeader, QueryState } from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { periodText } from "../../lib/format.ts";
import { PlanNav } from "./plan-nav.tsx";
import { exportUrl, planQuery } from "./plans-api.ts";

/** /planer/$planId: the plan as the seed's table, section by section; printable and downloadable. */
export function PlanPage({ planId }: { planId: string }) {
  const plan = useQuery(planQuery(planId));
  return <QueryState query={plan}>{(p) => <PlanTable plan={p} />}</QueryState>;
}

export function PlanActions({ planId }: { planId: string }) {
  const { t } = useTranslation();
  return (
    <div className="button-row no-print">
      <a className="btn btn-secondary" href={exportUrl(planId, "xlsx")} download>
        {t("plans.downloadXlsx")}
      </a>
      <a className="btn btn-secondary" href={exportUrl(planId, "csv")} download>
        {t("plans.downloadCsv")}
      </a>
      <Button variant="secondary" onPress={() => window.print()}>
        {t("plans.print")}
      </Button>
    </div>
  );
}

function PlanTable({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const sections = [
    ...plan.sections.map((s) => ({ id: s.id, name: s.name })),
    ...(plan.items.some((i) => !i.section) ? [{ id: "", name: t("plans.none") }] : []),
  ];
  return (
    <>
      <PageHeader
        title={plan.title}
        intro={plan.subtitle ? <p>{plan.subtitle}</p> : undefined}
        actions={<PlanActions planId={plan.id} />}
      />
      <PlanNav planId={plan.id} />
      <dl className="facts">
        {plan.preparedBy && (
          <>
            <dt>{t("plans.preparedBy")}</dt>
            <dd>{plan.preparedBy}</dd>
          </>
        )}
        {plan.documentVersion && (
          <>
            <dt>{t("plans.documentVersion")}</dt>
            <dd>{plan.documentVersion}</dd>
          </>
        )}
        {plan.documentOwner && (
          <>
            <dt>{t("plans.documentOwner")}</dt>
            <dd>{plan.documentOwner}</dd>
          </>
        )}
        {plan.documentDate && (
          <>
            <dt>{t("plans.documentDate")}</dt>
            <dd>{plan.documentDate}</dd>
          </>
        )}
        <dt>{t("plans.period")}</dt>
        <dd>{periodText(plan.periodStart, plan.periodEnd)}</dd>
        {plan.framework && (
          <>
            <dt>{t("plans.framework")}</dt>
            <dd>
              <Link to="/planer/ramverk/$frameworkId" params={{ frameworkId: plan.framework.id }}>
                {plan.framework.name}
              </Link>{" "}
              ({t("goals.versionN", { number: plan.framework.versionNumber })})
            </dd>
          </>
        )}
        <dt>{t("plans.resourcesTotal")}</dt>
        <dd>{formatKronor(plan.resourcesTotal, currentLanguage())}</dd>
      </dl>
      {plan.description && <p>{plan.description}</p>}
      {sections.map((section) => (
        <SectionTable
          key={section.id}
          name={section.name}
          planId={plan.id}
          items={plan.items.filter((i) => (i.section?.id ?? "") === section.id)}
        />
      ))}
    </>
  );
}

/** One section as the seed prints it: AKTIVITET, BESKRIVNING, MÅL, (MÅLGRUPP,) ANSVARIG, START, RESURSER. */
function SectionTable({ name, planId, items }: { name: string; planId: string; items: PlanItemView[] }) {
  const { t } = useTranslation();
  const locale = currentLanguage();
  const withTargets = items.some((i) => i.targetGroups.length > 0);
  const headingId = `section-${name.replace(/\W+/g, "-")}`;
  const columns: Column<PlanItemView>[] = [
    {
      key: "activity",
      header: t("plans.activity"),
      isRowHeader: true,
      cell: (item) => (
        <Link to="/planer/$planId/insats/$itemId" params={{ planId, itemId: item.id }}>
          {item.number}. {item.title}
        </Link>
      ),
    },
    {
      key: "description",
      header: t("plans.description"),
      className: "plan-description",
      cell: (item) => item.description,
    },
    {
      key: "goals",
      header: t("plans.goals"),
      className: "nowrap",
      cell: (item) => <GoalCodes goals={item.goals} />,
    },
    ...(withTargets
      ? [
          {
            key: "targetGroups",
            header: t("plans.targetGroups"),
            cell: (item: PlanItemView) => item.targetGroups.join(", ") || "–",
          },
        ]
      : []),
    { key: "responsible", header: t("plans.responsible"), cell: (item) => item.responsibleText ?? "–" },
    {
      key: "start",
      header: t("plans.start"),
      cell: (item) => (
        <>
          {startLabel(item)}
          {item.occurrences.length > 0 && (
            <span className="muted small">
              {" "}
              ·{" "}
              {t("plans.occurrencesDone", {
                done: item.occurrences.filter((o) => o.doneAt).length,
                total: item.occurrences.length,
              })}
            </span>
          )}
        </>
      ),
    },
    {
      key: "resources",
      header: t("plans.resources"),
      className: "numeric nowrap",
      cell: (item) => (item.resources === null ? "" : formatKronor(item.resources, locale)),
    },
    {
      key: "status",
      header: t("plans.status"),
      cell: (item) => (
        <>
          {t(`plans.statuses.${item.status}`)}
          {item.deliveredCount > 0 && (
            <span className="muted small">
              {" "}
              · {t("plans.delivered")}: {item.deliveredCount}
            </span>
          )}
        </>
      ),
    },
  ];
  return (
    <section aria-labelledby={headingId} className="plan-section">
      <h2 id={headingId}>{name}</h2>
      <DataTable
        caption={name}
        captionHidden
        className="plan-table"
        columns={columns}
        rows={items}
        rowKey={(item) => item.id}
      />
    </section>
  );
}

/** START as the seed writes it: the start, and the recurrence unless the start already says it. */
export function startLabel(item: Pick<PlanItemView, "startText" | "recurrence">) {
  const start = item.startText ?? "";
  if (!item.recurrence || start.toLowerCase().includes(item.recurrence.toLowerCase())) return start || "–";
  return start ? `${start}, ${item.recurrence}` : item.recurrence;
}
