import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { formatCredits } from "../../../common/format.ts";
import type { ProgrammeView } from "../../../common/programmes.ts";
import { EmptyState, QueryState } from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { programmeQuery } from "./programmes-api.ts";
import { StudyFacts, StudyHeader } from "./study-fields.tsx";

/** /register/program/$id: facts, courses (linked) and the way to the programme's activities. */
export function ProgrammePage({ id }: { id: string }) {
  const programme = useQuery(programmeQuery(id));
  return <QueryState query={programme}>{(p) => <ProgrammeDetails programme={p} />}</QueryState>;
}

function ProgrammeDetails({ programme: p }: { programme: ProgrammeView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <>
      <StudyHeader kind="programme" record={p} />
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
