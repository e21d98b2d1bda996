import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "../../../common/format.ts";
import type { PersonDetailView } from "../../../common/people.ts";
import {
  DeleteWithImpact,
  MergeDialog,
  PageHeader,
  QueryState,
  RegistersNav,
} from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import {
  peopleChoicesQuery,
  personImpactQuery,
  personQuery,
  useDeletePerson,
  useMergePerson,
} from "./people-api.ts";
import { PersonPrivacy } from "./person-privacy.tsx";

/** /register/personer/$id: contact details, memberships, responsibilities and user account. */
export function PersonPage({ id }: { id: string }) {
  const person = useQuery(personQuery(id));
  return <QueryState query={person}>{(p) => <PersonDetails person={p} />}</QueryState>;
}

function PersonDetails({ person: p }: { person: PersonDetailView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const merge = useMergePerson(p.id);
  const choices = useQuery({ ...peopleChoicesQuery, enabled: p.abilities.delete });
  const none = <span className="muted">–</span>;
  const actions = (
    <div className="button-row">
      {p.abilities.update && (
        <Link to="/register/personer/$id/redigera" params={{ id: p.id }} className="btn btn-secondary">
          {t("common.edit")}
        </Link>
      )}
      {p.abilities.delete && (
        <MergeDialog
          triggerLabel={t("people.merge")}
          title={t("people.mergeTitle", { name: p.name })}
          intro={t("people.mergeIntro", { name: p.name })}
          label={t("people.mergeInto")}
          options={(choices.data ?? []).filter((c) => c.id !== p.id)}
          onMerge={async (intoId) => {
            await merge.mutateAsync(intoId);
            await navigate({ to: "/register/personer/$id", params: { id: intoId } });
          }}
        />
      )}
      {p.abilities.delete && <PersonPrivacy personId={p.id} name={p.name} />}
      {p.abilities.delete && (
        <DeletePerson person={p} onDeleted={() => navigate({ to: "/register/personer" })} />
      )}
    </div>
  );

  return (
    <>
      <PageHeader title={p.name} intro={p.title ? <p>{p.title}</p> : undefined} actions={actions} />
      <RegistersNav />
      <h2>{t("people.sections.facts")}</h2>
      <dl className="facts">
        <dt>{t("people.fields.title")}</dt>
        <dd>{p.title ?? none}</dd>
        <dt>{t("people.fields.email")}</dt>
        <dd>{p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : none}</dd>
        <dt>{t("people.fields.phone")}</dt>
        <dd>{p.phone ? <a href={`tel:${p.phone.replace(/[^\d+]/g, "")}`}>{p.phone}</a> : none}</dd>
        <dt>{t("people.fields.lawfulBasis")}</dt>
        <dd>
          {t(`people.lawfulBases.${p.lawfulBasis}`)}
          {p.consentAt &&
            ` (${t("people.fields.consentAt")} ${formatDateTime(p.consentAt, currentLanguage())})`}
        </dd>
        <dt>{t("people.fields.notes")}</dt>
        <dd className="prose">{p.notes ?? none}</dd>
      </dl>

      <section aria-labelledby="person-memberships">
        <h2 id="person-memberships">{t("people.sections.memberships")}</h2>
        {p.memberships.length === 0 ? (
          <p className="muted">{t("people.noneLinked")}</p>
        ) : (
          <ul className="plain-list">
            {p.memberships.map((m) => (
              <li key={m.id}>
                <Link to="/register/organisationer/$id" params={{ id: m.organisationId }}>
                  {m.organisationName}
                </Link>{" "}
                <span className="muted">
                  {[
                    m.role,
                    m.startDate || m.endDate ? `${formatDate(m.startDate)}–${formatDate(m.endDate)}` : "",
                  ]
                    .filter(Boolean)
                    .join(", ")}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="person-responsible">
        <h2 id="person-responsible">{t("people.sections.responsibleFor")}</h2>
        {p.responsibleForProgrammes.length + p.responsibleForCourses.length === 0 ? (
          <p className="muted">{t("people.noneLinked")}</p>
        ) : (
          <ul className="plain-list">
            {p.responsibleForProgrammes.map((r) => (
              <li key={r.id}>
                <Link to="/register/program/$id" params={{ id: r.id }}>
                  {r.name}
                </Link>{" "}
                <span className="muted">{r.code}</span>
              </li>
            ))}
            {p.responsibleForCourses.map((r) => (
              <li key={r.id}>
                <Link to="/register/kurser/$id" params={{ id: r.id }}>
                  {r.name}
                </Link>{" "}
                <span className="muted">{r.code}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="person-account">
        <h2 id="person-account">{t("people.sections.account")}</h2>
        <p>
          {p.user ? (
            `${p.user.name} <${p.user.email}>`
          ) : (
            <span className="muted">{t("people.noAccount")}</span>
          )}
        </p>
      </section>
    </>
  );
}

/** "Ta bort" that first lists what the deletion affects and deletes only after confirmation. */
function DeletePerson({
  person,
  onDeleted,
}: {
  person: { id: string; name: string };
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeletePerson();
  return (
    <DeleteWithImpact
      impact={personImpactQuery(person.id)}
      sentences={(impact) =>
        (["memberships", "programmes", "courses"] as const)
          .filter((key) => impact[key] > 0)
          .map((key) => t(`people.impact.${key}`, { count: impact[key] }))
      }
      remove={() => remove.mutateAsync(person.id)}
      title={t("people.deleteTitle", { name: person.name })}
      intro={t("people.deleteIntro")}
      nothingElse={t("people.impact.nothing")}
      onDeleted={onDeleted}
    />
  );
}
