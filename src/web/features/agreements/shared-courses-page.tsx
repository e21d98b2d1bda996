import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { formatCredits } from "../../../common/format.ts";
import { EmptyState, PageHeader, QueryState, TableScroll } from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { agreementsQuery, sharedCoursesQuery } from "./agreements-api.ts";

/** /avtal/gemensamma-kurser: courses read within several agreements ("strumpavtal"), for coordinators. */
export function SharedCoursesPage() {
  const { t } = useTranslation();
  const shared = useQuery(sharedCoursesQuery);
  const agreements = useQuery(agreementsQuery);
  const orgName = new Map(
    (agreements.data?.items ?? []).flatMap((a) => a.parties.map((p) => [p.organisationId, p.name] as const)),
  );
  return (
    <>
      <PageHeader title={t("agreements.sharedCourses")} />
      <QueryState query={shared}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState message={t("agreements.sharedEmpty")} />
          ) : (
            <TableScroll label={t("agreements.sharedCourses")}>
              <table className="data-table">
                <caption className="visually-hidden">{t("agreements.sharedCourses")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("agreements.course")}</th>
                    <th scope="col">{t("agreements.credits")}</th>
                    <th scope="col">{t("agreements.organisationsCount")}</th>
                    <th scope="col">{t("agreements.agreementsCount")}</th>
                    <th scope="col">{t("agreements.places")}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((c) => (
                    <tr key={c.courseId}>
                      <th scope="row">
                        {c.name} <span className="muted">{c.code}</span>
                      </th>
                      <td>{c.credits === null ? "–" : formatCredits(c.credits, currentLanguage())}</td>
                      <td>{c.organisationIds.map((id) => orgName.get(id) ?? id).join(", ")}</td>
                      <td>{c.agreementIds.length}</td>
                      <td>{c.places}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      </QueryState>
    </>
  );
}
