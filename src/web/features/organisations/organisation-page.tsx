import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatCredits, formatDate } from "../../../common/format.ts";
import type { OrganisationDetailView } from "../../../common/organisations.ts";
import { MergeDialog, PageHeader, QueryState, RegistersNav } from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { DeleteOrganisation } from "./delete-organisation.tsx";
import { organisationChoicesQuery, organisationQuery, useMergeOrganisation } from "./organisations-api.ts";

/** /register/organisationer/$id: the facts and everything linked to the organisation. */
export function OrganisationPage({ id }: { id: string }) {
  const organisation = useQuery(organisationQuery(id));
  return <QueryState query={organisation}>{(o) => <OrganisationDetails organisation={o} />}</QueryState>;
}

function OrganisationDetails({ organisation: o }: { organisation: OrganisationDetailView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const language = currentLanguage();
  const merge = useMergeOrganisation(o.id);
  const choices = useQuery({ ...organisationChoicesQuery, enabled: o.abilities.delete });
  const none = <span className="muted">–</span>;
  const actions = (
    <div className="button-row">
      {o.abilities.update && (
        <Link to="/register/organisationer/$id/redigera" params={{ id: o.id }} className="btn btn-secondary">
          {t("common.edit")}
        </Link>
      )}
      {/* Merging deletes the source, so it is offered to those who may delete. */}
      {o.abilities.delete && (
        <MergeDialog
          triggerLabel={t("organisations.merge")}
          title={t("organisations.mergeTitle", { name: o.name })}
          intro={t("organisations.mergeIntro", { name: o.name })}
          label={t("organisations.mergeInto")}
          options={(choices.data ?? []).filter((c) => c.id !== o.id)}
          onMerge={async (intoId) => {
            await merge.mutateAsync(intoId);
            await navigate({ to: "/register/organisationer/$id", params: { id: intoId } });
          }}
        />
      )}
      {o.abilities.delete && (
        <DeleteOrganisation organisation={o} onDeleted={() => navigate({ to: "/register/organisationer" })} />
      )}
    </div>
  );
  const intro = (
    <p>
      {t(`organisations.types.${o.type}`)}
      {o.ancestors.length > 0 && " · "}
      {o.ancestors.map((a, i) => (
        <span key={a.id}>
          {i > 0 && " › "}
          <Link to="/register/organisationer/$id" params={{ id: a.id }}>
            {a.name}
          </Link>
        </span>
      ))}
    </p>
  );

  return (
    <>
      <PageHeader title={o.name} intro={intro} actions={actions} />
      <RegistersNav />
      <h2>{t("organisations.sections.facts")}</h2>
      <dl className="facts">
        <dt>{t("organisations.fields.type")}</dt>
        <dd>{t(`organisations.types.${o.type}`)}</dd>
        <dt>{t("organisations.fields.parent")}</dt>
        <dd>
          {o.parent ? (
            <Link to="/register/organisationer/$id" params={{ id: o.parent.id }}>
              {o.parent.name}
            </Link>
          ) : (
            none
          )}
        </dd>
        <dt>{t("organisations.fields.orgNumber")}</dt>
        <dd>{o.orgNumber ?? none}</dd>
        <dt>{t("organisations.fields.municipalityCode")}</dt>
        <dd>{o.municipalityCode ?? none}</dd>
        <dt>{t("organisations.fields.county")}</dt>
        <dd>{o.county ?? none}</dd>
        <dt>{t("organisations.fields.website")}</dt>
        <dd>
          {o.website ? (
            <a href={o.website} rel="noopener noreferrer">
              {o.website.replace(/^https?:\/\//, "")}
            </a>
          ) : (
            none
          )}
        </dd>
        <dt>{t("organisations.fields.tags")}</dt>
        <dd>{o.tags.length ? o.tags.join(", ") : none}</dd>
        <dt>{t("organisations.fields.description")}</dt>
        <dd>{o.description ?? none}</dd>
      </dl>

      <LinkedSection id="org-children" title={t("organisations.sections.children")} count={o.children.length}>
        {o.children.map((c) => (
          <li key={c.id}>
            <Link to="/register/organisationer/$id" params={{ id: c.id }}>
              {c.name}
            </Link>{" "}
            <span className="muted">{t(`organisations.types.${c.type}`)}</span>
          </li>
        ))}
      </LinkedSection>
      <LinkedSection id="org-people" title={t("organisations.sections.people")} count={o.people.length}>
        {o.people.map((p) => (
          <li key={p.membershipId}>
            <Link to="/register/personer/$id" params={{ id: p.personId }}>
              {p.name}
            </Link>{" "}
            <span className="muted">
              {[p.role ?? p.title, period(p.startDate, p.endDate)].filter(Boolean).join(", ")}
            </span>
          </li>
        ))}
      </LinkedSection>
      <LinkedSection
        id="org-programmes"
        title={t("organisations.sections.programmes")}
        count={o.programmes.length}
      >
        {o.programmes.map((p) => (
          <li key={p.id}>
            <Link to="/register/program/$id" params={{ id: p.id }}>
              {p.name}
            </Link>{" "}
            <span className="muted">{p.code}</span>
          </li>
        ))}
      </LinkedSection>
      {[
        { key: "courses", list: o.courses },
        { key: "contractCourses", list: o.contractCourses },
      ].map(({ key, list }) => (
        <LinkedSection
          key={key}
          id={`org-${key}`}
          title={t(`organisations.sections.${key}`)}
          count={list.length}
        >
          {list.map((c) => (
            <li key={c.id}>
              <Link to="/register/kurser/$id" params={{ id: c.id }}>
                {c.name}
              </Link>{" "}
              <span className="muted">
                {c.code}
                {c.credits !== null && `, ${formatCredits(c.credits, language)}`}
              </span>
            </li>
          ))}
        </LinkedSection>
      ))}
      <LinkedSection
        id="org-activities"
        title={t("organisations.sections.activities")}
        count={o.activities.length}
      >
        {o.activities.map((a) => (
          <li key={a.id}>
            <Link to="/aktiviteter/$id" params={{ id: a.id }}>
              {a.title}
            </Link>{" "}
            <span className="muted">
              {[formatDate(a.startDate), a.role === "organiser" ? t("organisations.organiser") : ""]
                .filter(Boolean)
                .join(", ")}
            </span>
          </li>
        ))}
      </LinkedSection>
    </>
  );
}

/** A heading with a count and a list of links, or "Inga ännu." when nothing links here. */
function LinkedSection({
  id,
  title,
  count,
  children,
}: {
  id: string;
  title: string;
  count: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="muted small">({count})</span>
      </h2>
      {count === 0 ? (
        <p className="muted">{t("organisations.noneLinked")}</p>
      ) : (
        <ul className="plain-list">{children}</ul>
      )}
    </section>
  );
}

function period(start: string | null, end: string | null) {
  if (!start && !end) return "";
  return `${formatDate(start)}–${formatDate(end)}`;
}
