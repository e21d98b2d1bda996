import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type CompassActivity,
  type CompassDimension,
  type CompassView,
  LEVELS,
} from "../../../common/compass.ts";
import { ApiError } from "../../api.ts";
import { Alert, Button, QueryState, Select } from "../../components/index.ts";
import { TextAreaField } from "../../components/text-area-field.tsx";
import { activitiesQuery, useRemoveAssessment, useSetAssessment } from "./compass-api.ts";

/** Per dimension: what the level means, the gap, the note, the assessed level and the activities behind it. */
export function DimensionDetails({ view }: { view: CompassView }) {
  const { t } = useTranslation();
  const activities = useQuery(activitiesQuery(view.programmeId, view.year));
  return (
    <section aria-labelledby="dimensions-heading" className="compass-section">
      <h2 id="dimensions-heading">{t("compass.dimensions")}</h2>
      <QueryState query={activities}>
        {(list) => (
          <div className="dimension-list">
            {view.dimensions.map((d) => (
              <Dimension
                key={d.key}
                view={view}
                dimension={d}
                activities={list.filter((a) => a.dimensions.includes(d.key))}
              />
            ))}
          </div>
        )}
      </QueryState>
    </section>
  );
}

function Dimension({
  view,
  dimension: d,
  activities,
}: {
  view: CompassView;
  dimension: CompassDimension;
  activities: CompassActivity[];
}) {
  const { t } = useTranslation();
  const done = activities.filter((a) => a.status === "done");
  const planned = activities.filter((a) => a.status === "planned");
  const none = t("compass.none");
  return (
    <article className="dimension" aria-labelledby={`dimension-${d.key}`}>
      <h3 id={`dimension-${d.key}`} tabIndex={-1}>
        {d.label}
      </h3>
      <p className="muted">{d.description}</p>
      <dl className="facts">
        <dt>{t("compass.current")}</dt>
        <dd>
          {d.current} – {d.currentDescription}
        </dd>
        <dt>{t("compass.goal")}</dt>
        <dd>{d.goal ?? t("compass.noGoal")}</dd>
        <dt>{t("compass.gap")}</dt>
        <dd>{d.gap ?? none}</dd>
        <dt>{t("compass.assessed")}</dt>
        <dd>
          {d.assessment ? (
            <>
              {d.assessment.level} – {d.assessment.justification}{" "}
              <span className="muted small">
                {d.assessment.assessedBy
                  ? t("compass.assessment.by", {
                      name: d.assessment.assessedBy,
                      date: d.assessment.assessedAt.slice(0, 10),
                    })
                  : t("compass.assessment.at", { date: d.assessment.assessedAt.slice(0, 10) })}
              </span>
            </>
          ) : (
            none
          )}
        </dd>
        {d.note && (
          <>
            <dt>{t("compass.note")}</dt>
            <dd>{d.note}</dd>
          </>
        )}
      </dl>
      <h4>{t("compass.behindLevel")}</h4>
      {done.length === 0 ? <p>{t("compass.noActivities")}</p> : <ActivityList items={done} />}
      {planned.length > 0 && (
        <>
          <h4>{t("compass.plannedActivities")}</h4>
          <ActivityList items={planned} />
        </>
      )}
      {view.abilities.manage && <AssessmentForm view={view} dimension={d} />}
    </article>
  );
}

function ActivityList({ items }: { items: CompassActivity[] }) {
  const { t } = useTranslation();
  return (
    <ul className="activity-list">
      {items.map((a) => (
        <li key={a.id}>
          <Link to="/aktiviteter/$id" params={{ id: a.id }}>
            {a.title}
          </Link>{" "}
          <span className="muted small">
            {a.startDate}
            {a.mandatory && ` · ${t("compass.mandatory")}`}
            {a.evaluated && ` · ${t("compass.evaluated")}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The programme director's own judgement of the level, always with a justification. */
function AssessmentForm({ view, dimension: d }: { view: CompassView; dimension: CompassDimension }) {
  const { t } = useTranslation();
  const id = useId().replace(/[^a-zA-Z0-9]/g, "");
  const save = useSetAssessment(view.programmeId, view.year);
  const remove = useRemoveAssessment(view.programmeId, view.year);
  const [level, setLevel] = useState(String(d.assessment?.level ?? d.current));
  const [justification, setJustification] = useState(d.assessment?.justification ?? "");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  const fail = (error: unknown) => {
    if (!(error instanceof ApiError)) throw error;
    if (Object.keys(error.fieldErrors).length) setErrors(error.fieldErrors);
    else setMessage({ tone: "error", text: error.problem.detail });
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    if (!justification.trim()) {
      setErrors({ justification: [t("validation.required")] });
      document.getElementById(`${id}-justification`)?.focus();
      return;
    }
    try {
      await save.mutateAsync({ key: d.key, level: Number(level), justification });
      setMessage({ tone: "success", text: t("compass.assessment.saved") });
    } catch (error) {
      fail(error);
    }
  };
  return (
    <details className="assessment">
      <summary>
        {t("compass.assessment.title")}: {d.label}
      </summary>
      <p className="muted small">{t("compass.assessment.intro")}</p>
      <form className="form" onSubmit={submit} noValidate>
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
        <Select
          id={`${id}-level`}
          label={t("compass.assessment.levelFor", { dimension: d.label })}
          value={level}
          onChange={setLevel}
          options={LEVELS.map((l) => ({ value: String(l), label: t(`compass.levels.${l}`) }))}
          error={errors.level}
        />
        <TextAreaField
          id={`${id}-justification`}
          label={t("compass.assessment.justification")}
          value={justification}
          onChange={setJustification}
          error={errors.justification}
        />
        <div className="button-row">
          <Button type="submit" isPending={save.isPending}>
            {t("compass.assessment.save")}
          </Button>
          {d.assessment && (
            <Button
              variant="secondary"
              isPending={remove.isPending}
              onPress={async () => {
                try {
                  await remove.mutateAsync(d.key);
                  setJustification("");
                  setMessage({ tone: "success", text: t("compass.assessment.removed") });
                } catch (error) {
                  fail(error);
                }
              }}
            >
              {t("compass.assessment.remove")}
            </Button>
          )}
        </div>
      </form>
    </details>
  );
}
