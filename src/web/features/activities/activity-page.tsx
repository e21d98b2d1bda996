import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { ActivityView } from "../../../common/activities.ts";
import { DeleteRecordWithImpact, PageHeader, QueryState } from "../../components/index.ts";
import { activityQuery } from "./activities-api.ts";
import { dateRange, typeLabel } from "./activity-labels.ts";

/** /aktiviteter/$id: the activity with links to its programmes and courses, edit and delete. */
export function ActivityPage({ id }: { id: string }) {
  const activity = useQuery(activityQuery(id));
  return <QueryState query={activity}>{(a) => <ActivityDetails activity={a} />}</QueryState>;
}

function ActivityDetails({ activity: a }: { activity: ActivityView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const none = t("activities.noLinks");
  const names = (list: { id: string; name: string }[]) =>
    list.length ? list.map((o) => o.name).join(", ") : none;
  const actions = (
    <div className="button-row">
      {a.abilities.update && (
        <Link to="/aktiviteter/$id/redigera" params={{ id: a.id }} className="btn btn-secondary">
          {t("activities.editActivity")}
        </Link>
      )}
      {a.abilities.delete && (
        <DeleteRecordWithImpact
          path={`/api/activities/${a.id}`}
          invalidates={["programmes", "courses", "activities"]}
          triggerLabel={t("activities.deleteActivity")}
          title={t("activities.deleteConfirm", { title: a.title })}
          nothingElse={t("activities.deleteNothingElse")}
          onDeleted={() => navigate({ to: "/aktiviteter" })}
        />
      )}
    </div>
  );
  return (
    <>
      <PageHeader title={a.title} actions={actions} />
      {a.description && <p className="lead">{a.description}</p>}
      <dl className="facts">
        <dt>{t("activities.type")}</dt>
        <dd>{typeLabel(a.type)}</dd>
        <dt>{t("activities.status")}</dt>
        <dd>{t(`activities.statuses.${a.status}`)}</dd>
        <dt>{t("activities.date")}</dt>
        <dd>{dateRange(a, t("activities.undated"))}</dd>
        <dt>{t("activities.place")}</dt>
        <dd>{a.place ?? none}</dd>
        <dt>{t("activities.organisers")}</dt>
        <dd>{names(a.organisers)}</dd>
        <dt>{t("activities.partners")}</dt>
        <dd>{names(a.partners)}</dd>
        <dt>{t("activities.programmes")}</dt>
        <dd>
          {a.programmes.length === 0
            ? none
            : a.programmes.map((p, i) => (
                <span key={p.id}>
                  {i > 0 && ", "}
                  <Link to="/register/program/$id" params={{ id: p.id }}>
                    {p.nameSv}
                  </Link>
                </span>
              ))}
        </dd>
        <dt>{t("activities.courses")}</dt>
        <dd>
          {a.courses.length === 0
            ? none
            : a.courses.map((c, i) => (
                <span key={c.id}>
                  {i > 0 && ", "}
                  <Link to="/register/kurser/$id" params={{ id: c.id }}>
                    {c.nameSv}
                  </Link>
                </span>
              ))}
        </dd>
        <dt>{t("activities.mandatoryShort")}</dt>
        <dd>{a.mandatory ? t("common.yes") : t("common.no")}</dd>
        <dt>{t("activities.participantsShort")}</dt>
        <dd>{a.participants ?? none}</dd>
        <dt>{t("activities.evaluated")}</dt>
        <dd>{a.evaluated ? (a.evaluationText ?? t("common.yes")) : t("common.no")}</dd>
        <dt>{t("activities.tags")}</dt>
        <dd>{a.tags.length ? a.tags.join(", ") : none}</dd>
        <dt>{t("activities.evidenceLinks")}</dt>
        <dd>
          {a.evidenceLinks.length === 0 ? (
            none
          ) : (
            <ul className="plain-list">
              {a.evidenceLinks.map((link) => (
                <li key={link.url}>
                  <a href={link.url} rel="noopener noreferrer">
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </>
  );
}
