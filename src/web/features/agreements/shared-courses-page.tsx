import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { SharedCourseView } from "../../../common/agreements.ts";
import { formatCredits } from "../../../common/format.ts";
import { type Column, DataTable, PageHeader, QueryState } from "../../components/index.ts";
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
  const columns: Column<SharedCourseView>[] = [
    {
      key: "course",
      header: t("agreements.course"),
      isRowHeader: true,
      cell: (c) => (
        <>
          {c.name} <span className="muted">{c.code}</span>
        </>
      ),
    },
    {
      key: "credits",
      header: t("agreements.credits"),
      cell: (c) => (c.credits === null ? "–" : formatCredits(c.credits, currentLanguage())),
    },
    {
      key: "organisations",
      header: t("agreements.organisationsCount"),
      cell: (c) => c.organisationIds.map((id) => orgName.get(id) ?? id).join(", "),
    },
    { key: "agreements", header: t("agreements.agreementsCount"), cell: (c) => c.agreementIds.length },
    { key: "places", header: t("agreements.places"), cell: (c) => c.places },
  ];
  return (
    <>
      <PageHeader title={t("agreements.sharedCourses")} />
      <QueryState query={shared}>
        {({ items }) => (
          <DataTable
            empty={t("agreements.sharedEmpty")}
            caption={t("agreements.sharedCourses")}
            captionHidden
            rows={items}
            rowKey={(c) => c.courseId}
            columns={columns}
          />
        )}
      </QueryState>
    </>
  );
}
