import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { formatCredits } from "../../../common/format.ts";
import type { CourseView } from "../../../common/programmes.ts";
import {
  type Column,
  DataTable,
  RegisterPage,
  Select,
  TextField,
  useRegisterList,
} from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { type CourseFilters, fetchCourses, programmeOptionsQuery } from "./programmes-api.ts";

const noFilters: CourseFilters = { q: "", programmeId: "", contract: "" };

/** /register/kurser: courses (contract courses too), by programme and kind, credits as "7,5 hp". */
export function CoursesPage() {
  const { t } = useTranslation();
  const list = useRegisterList({ key: "courses", blank: noFilters, fetch: fetchCourses });
  const { draft, set } = list;
  const programmes = useQuery(programmeOptionsQuery);
  return (
    <RegisterPage
      title={t("programmes.coursesTitle")}
      register="courses"
      newRecord={{ to: "/register/kurser/ny", label: t("programmes.newCourse") }}
      list={list}
      empty={{ none: t("programmes.noCourses"), filtered: t("programmes.noCoursesFiltered") }}
      filters={
        <>
          <TextField label={t("programmes.search")} value={draft.q} onChange={set("q")} />
          <Select
            label={t("programmes.programmes")}
            value={draft.programmeId}
            onChange={set("programmeId")}
            options={[
              { value: "", label: t("programmes.anyProgramme") },
              ...(programmes.data ?? []).map((p) => ({ value: p.id, label: p.label })),
            ]}
          />
          <Select
            label={t("programmes.contract")}
            value={draft.contract}
            onChange={set("contract")}
            options={[
              { value: "", label: t("common.all") },
              { value: "true", label: t("programmes.onlyContract") },
              { value: "false", label: t("programmes.onlyRegular") },
            ]}
          />
        </>
      }
    >
      {(items) => <CoursesTable items={items} />}
    </RegisterPage>
  );
}

function CoursesTable({ items }: { items: CourseView[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const total = items.reduce((sum, c) => sum + (c.credits ?? 0), 0);
  const columns: Column<CourseView>[] = [
    {
      key: "name",
      header: t("programmes.name"),
      cell: (c) => (
        <Link to="/register/kurser/$id" params={{ id: c.id }}>
          {c.nameSv}
        </Link>
      ),
      sortValue: (c) => c.nameSv,
      isRowHeader: true,
    },
    { key: "code", header: t("programmes.code"), cell: (c) => c.code, sortValue: (c) => c.code },
    {
      key: "credits",
      header: t("programmes.credits"),
      cell: (c) => (c.credits === null ? t("programmes.none") : formatCredits(c.credits, language)),
      sortValue: (c) => c.credits ?? 0,
    },
    {
      key: "programmes",
      header: t("programmes.programmes"),
      cell: (c) => (c.programmes.length ? c.programmes.map((p) => p.code).join(", ") : t("programmes.none")),
    },
    {
      key: "contract",
      header: t("programmes.clientOrganisation"),
      cell: (c) =>
        c.contract ? (c.clientOrganisation?.name ?? t("programmes.contract")) : t("programmes.none"),
      sortValue: (c) => c.clientOrganisation?.name ?? "",
    },
  ];
  return (
    <>
      <DataTable
        caption={t("programmes.coursesCaption", { count: items.length })}
        columns={columns}
        rows={items}
        rowKey={(c) => c.id}
      />
      <p className="muted">{t("programmes.totalCredits", { credits: formatCredits(total, language) })}</p>
    </>
  );
}
