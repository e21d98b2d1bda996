import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../common/format.ts";
import type { DashboardView } from "../../../common/indicators.ts";
import { useMe } from "../../auth.ts";
import { Button, EmptyState, PageHeader, QueryState, Select } from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { choicesQuery, dashboardQuery, type Subject } from "./follow-up-api.ts";
import { FollowUpNav } from "./follow-up-nav.tsx";
import { IndicatorForm } from "./indicator-form.tsx";
import { IndicatorTable } from "./indicator-parts.tsx";

type Kind = "framework" | "project" | "organisation";
const kindOf = (s: Subject): Kind =>
  s.frameworkId ? "framework" : s.organisationId ? "organisation" : "project";
const idOf = (s: Subject) => s.frameworkId ?? s.projectId ?? s.organisationId ?? "";

/** /uppfoljning: pick a framework, project or organisation and see its goals with their indicators. */
export function DashboardPage({ subject }: { subject: Subject }) {
  const { t } = useTranslation();
  const dashboard = useQuery(dashboardQuery(subject));
  const chosen = idOf(subject) !== "";
  return (
    <>
      <PageHeader title={t("indicators.title")} intro={t("indicators.intro")} />
      <FollowUpNav />
      <SubjectPicker key={idOf(subject)} subject={subject} />
      {chosen ? (
        <QueryState query={dashboard}>{(data) => <Dashboard data={data} />}</QueryState>
      ) : (
        <EmptyState message={t("indicators.chooseHint")} />
      )}
    </>
  );
}

function SubjectPicker({ subject }: { subject: Subject }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [kind, setKind] = useState<Kind>(kindOf(subject));
  const [id, setId] = useState(idOf(subject));
  const choices = useQuery(
    choicesQuery(kind === "framework" ? "frameworks" : kind === "project" ? "projects" : "organisations"),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const key = kind === "framework" ? "ramverk" : kind === "project" ? "projekt" : "organisation";
    void navigate({ to: "/uppfoljning", search: id ? { [key]: id } : {} });
  };
  return (
    <form className="filter-fields no-print" onSubmit={submit} aria-label={t("indicators.chooseSubject")}>
      <Select
        label={t("indicators.subjectKind")}
        value={kind}
        onChange={(value) => {
          setKind(value as Kind);
          setId("");
        }}
        options={[
          { value: "project", label: t("indicators.project") },
          { value: "framework", label: t("indicators.framework") },
          { value: "organisation", label: t("indicators.organisation") },
        ]}
      />
      <Select
        label={t(`indicators.${kind}`)}
        value={id}
        onChange={setId}
        options={[{ value: "", label: t("reports.page.choose") }, ...(choices.data ?? [])]}
      />
      <div className="field field-action">
        <Button type="submit">{t("indicators.show")}</Button>
      </div>
    </form>
  );
}

type Goal = DashboardView["goals"][number];

function GoalSection({ goal, level }: { goal: Goal; level: 3 | 4 }) {
  const { t } = useTranslation();
  const Heading = level === 3 ? "h3" : "h4";
  const title = goal.goal ? `${goal.goal.code}. ${goal.goal.text}` : goal.text;
  const { activities, planItems, projects } = goal.links;
  return (
    <section className="goal-section">
      <Heading>{title}</Heading>
      {(activities > 0 || planItems > 0 || projects.length > 0) && (
        <p className="muted small">
          {t("indicators.linked")}: {t("indicators.linkedActivities", { count: activities })},{" "}
          {t("indicators.linkedPlanItems", { count: planItems })}
          {projects.map((p) => (
            <span key={p.id}>
              {", "}
              <Link to="/planer/projekt/$projectId" params={{ projectId: p.id }}>
                {p.name}
              </Link>
            </span>
          ))}
        </p>
      )}
      {goal.indicators.length ? (
        <IndicatorTable caption={title} indicators={goal.indicators} />
      ) : (
        <p className="muted">{t("indicators.noIndicators")}</p>
      )}
    </section>
  );
}

/**
 * "Ny indikator" for the subject on screen, to those who define indicators (staff: the same rule as
 * the server's indicators policy, sent to the web as the `coordinate` ability).
 */
function NewIndicator({ subject }: { subject: DashboardView["subject"] }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  if (!me?.abilities.coordinate) return null;
  return (
    <div className="no-print">
      {open ? (
        <IndicatorForm
          subject={subject}
          onSaved={(saved) => navigate({ to: "/uppfoljning/indikatorer/$id", params: { id: saved.id } })}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <Button variant="secondary" onPress={() => setOpen(true)}>
          {t("indicators.form.new")}
        </Button>
      )}
    </div>
  );
}

function Dashboard({ data }: { data: DashboardView }) {
  const { t } = useTranslation();
  const { subject } = data;
  const project = subject.type === "project";
  return (
    <>
      <h2>{t("indicators.goalsOf", { name: subject.name })}</h2>
      {subject.vision && <p className="lead">{subject.vision}</p>}
      {data.asOf && (
        <p className="muted small">
          {t("indicators.asOf", { date: formatDateTime(data.asOf, currentLanguage()) })}
        </p>
      )}
      <NewIndicator key={subject.id} subject={subject} />
      {project && data.organisations.length > 0 && <h2>{t("indicators.projectLevel")}</h2>}
      {data.goals.length === 0 && <p className="muted">{t("indicators.noIndicators")}</p>}
      {data.goals.map((g) => (
        <GoalSection key={g.goal?.id ?? g.text} goal={g} level={3} />
      ))}
      {data.organisations.length > 0 && (
        <>
          <h2>{t("indicators.organisationLevel")}</h2>
          {project && (
            <p>
              <Link to="/uppfoljning/organisationer" search={{ projekt: subject.id }}>
                {t("goalMatrix.link")}
              </Link>
            </p>
          )}
          {data.organisations.map((o) => (
            <section key={o.organisation.id}>
              <h3>
                <Link to="/register/organisationer/$id" params={{ id: o.organisation.id }}>
                  {o.organisation.name}
                </Link>
              </h3>
              {o.goals.map((g) => (
                <GoalSection key={g.goal?.id ?? g.text} goal={g} level={4} />
              ))}
            </section>
          ))}
        </>
      )}
    </>
  );
}
