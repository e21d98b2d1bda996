import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { formatCredits } from "../../../common/format.ts";
import type { ProgrammeView } from "../../../common/programmes.ts";
import {
  DeleteRecordWithImpact,
  EmptyState,
  PageHeader,
  QueryState,
  RegistersNav,
} from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { programmeQuery } from "./programmes-api.ts";
import { StudyFacts } from "./study-fields.tsx";

/** /register/program/$id: facts, courses (linked) and the way to the programme's activities. */
export function ProgrammePage({ id }: { id: string }) {
  const programme = useQuery(programmeQuery(id));
  return <QueryState query={programme}>{(p) => <ProgrammeDetails programme={p} />}</QueryState>;
}

function ProgrammeDetails({ programme: p }: { programme: ProgrammeView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const language = currentLanguage();
  const actions = (
    <div className="button-row">
      {p.abilities.update && (
        <Link to="/register/program/$id/redigera" params={{ id: p.id }} className="btn btn-secondary">
          {t("programmes.editProgramme")}
        </Link>
      )}
      {p.abilities.delete && (
        <DeleteRecordWithImpact
          path={`/api/programmes/${p.id}`}
          invalidates={["programmes", "courses", "activities"]}
          triggerLabel={t("programmes.deleteProgramme")}
          title={t("programmes.deleteConfirm", { name: p.nameSv })}
          nothingElse={t("programmes.deleteNothingElse")}
          onDeleted={() => navigate({ to: "/register/program" })}
        />
      )}
    </div>
  );
  return (
    <>
      <PageHeader title={`${p.nameSv} (${p.code})`} actions={actions} />
      <RegistersNav />
      <StudyFacts record={p} />
      <section aria-labelledby="programme-courses">
        <h2 id="programme-courses">{t("programmes.courses")}</h2>
        {p.courses.length === 0 ? (
          <EmptyState message={t("programmes.noCoursesInProgramme")} />
        ) : (
          <ul className="plain-list">
            {p.courses.map((c) => (
              <li key={c.id}>
                <Link to="/register/kurser/$id" params={{ id: c.id }}>
                  {c.nameSv}
                </Link>{" "}
                <span className="muted">
                  {c.code}
                  {c.credits !== null && `, ${formatCredits(c.credits, language)}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="programme-activities">
        <h2 id="programme-activities">{t("programmes.activitiesOfProgramme")}</h2>
        <p>
          <Link to="/aktiviteter" search={{ programmeId: p.id }}>
            {t("programmes.showActivities", { name: p.nameSv })}
          </Link>
        </p>
      </section>
    </>
  );
}
