import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { CourseView } from "../../../common/programmes.ts";
import { EmptyState, QueryState } from "../../components/index.ts";
import { courseQuery } from "./programmes-api.ts";
import { StudyFacts, StudyHeader } from "./study-fields.tsx";

/** /register/kurser/$id: facts (credits as "7,5 hp"), client of a contract course, programmes. */
export function CoursePage({ id }: { id: string }) {
  const course = useQuery(courseQuery(id));
  return <QueryState query={course}>{(c) => <CourseDetails course={c} />}</QueryState>;
}

function CourseDetails({ course: c }: { course: CourseView }) {
  const { t } = useTranslation();
  return (
    <>
      <StudyHeader kind="course" record={c} />
      <StudyFacts record={c}>
        <dt>{t("programmes.contract")}</dt>
        <dd>
          {c.contract
            ? t("programmes.contractCourse", { client: c.clientOrganisation?.name ?? t("programmes.none") })
            : t("common.no")}
        </dd>
      </StudyFacts>
      <section aria-labelledby="course-programmes">
        <h2 id="course-programmes">{t("programmes.programmes")}</h2>
        {c.programmes.length === 0 ? (
          <EmptyState message={t("programmes.noProgrammesForCourse")} />
        ) : (
          <ul className="plain-list">
            {c.programmes.map((p) => (
              <li key={p.id}>
                <Link to="/register/program/$id" params={{ id: p.id }}>
                  {p.nameSv}
                </Link>{" "}
                <span className="muted">{p.code}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="course-activities">
        <h2 id="course-activities">{t("programmes.activitiesOfCourse")}</h2>
        <p>
          <Link to="/aktiviteter" search={{ courseId: c.id }}>
            {t("programmes.showActivities", { name: c.nameSv })}
          </Link>
        </p>
      </section>
    </>
  );
}
